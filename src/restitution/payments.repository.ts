import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Payment,
  type PaymentOnRecord,
  type ProcedureEvent,
  type ProcedureState,
  claimReading,
  paymentOf,
} from '../../machines';
import { DomainError } from '../common/domain-error';
import type { ReadQuery } from '../database/read-connection';
import { DatabaseAccess } from '../workflow/database-access';
import { WorkflowStore, type WrittenEvent } from '../workflow/workflow.store';

/** The claim's payments, each claim's in the order recorded. */
export type CasePayments = Record<string, Payment[]>;

interface PaymentRow {
  claim_id: string;
  reference: string;
  amount: number | string;
  payment_date: string;
  evidence: string | null;
  recorded_on: string;
}

/**
 * The payments ledger (table `payments`, one row per recorded payment): the restitution snapshot keeps only the
 * totals (paid, count, last date), so the 2,000th payment costs what the first does. The row is written in the
 * transaction of its `payment.recorded` event (a write hook of the store); before the transition the store
 * looks the event's reference up here (indexed: UNIQUE case, claim, reference), which is how the machine tells
 * an idempotent repeat from a conflicting one. Services never see the transaction.
 */
@Injectable()
export class PaymentsRepository {
  constructor(
    store: WorkflowStore,
    private readonly access: DatabaseAccess,
  ) {
    store.addLookup((em, caseId, event) => this.lookUp(em, caseId, event));
    store.addWriteHook((em, written) => this.record(em, written));
  }

  /** `onRecord` for a payment: the payment already recorded under its reference on the claim, or null. */
  private async lookUp(
    em: EntityManager,
    caseId: string,
    event: ProcedureEvent,
  ): Promise<Record<string, unknown> | undefined> {
    if (event.type !== 'payment.recorded') return undefined;
    const { claimId, reference } = event as { claimId?: unknown; reference?: unknown };
    if (typeof claimId !== 'string' || typeof reference !== 'string') return { onRecord: null };
    const rows: { amount: number | string; payment_date: string }[] = await em.query(
      this.access.sql('SELECT amount, payment_date FROM payments WHERE case_id = ? AND claim_id = ? AND reference = ?'),
      [caseId, claimId, reference],
    );
    const onRecord: PaymentOnRecord | null = rows.length
      ? { amount: Number(rows[0].amount), date: rows[0].payment_date }
      : null;
    return { onRecord };
  }

  /** The ledger row of an accepted payment (the machine counted it: its payment count grew by one). */
  private async record(em: EntityManager, w: WrittenEvent): Promise<void> {
    if (w.event.type !== 'payment.recorded' || typeof w.event.claimId !== 'string') return;
    const claimId = w.event.claimId;
    const count = (state: ProcedureState | null) =>
      state ? (claimReading(state, claimId)?.restitution?.context.paymentCount ?? 0) : 0;
    const seq = count(w.case.snapshot);
    if (seq !== count(w.before) + 1) return;
    const e = w.event as unknown as Parameters<typeof paymentOf>[0];
    const p = paymentOf({
      reference: e.reference,
      amount: e.amount,
      date: e.date,
      evidence: e.evidence,
      at: w.eventDate,
    });
    try {
      await em.query(
        this.access.sql(
          'INSERT INTO payments (case_id, claim_id, seq, reference, amount, payment_date, evidence, recorded_on, recorded_at, history_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ),
        [
          w.case.id,
          claimId,
          seq,
          p.reference,
          p.amount,
          p.date,
          p.evidence,
          p.recordedOn,
          w.recordedAt,
          w.case.version,
        ],
      );
    } catch (error) {
      // The final guard: the same reference got in concurrently. Nothing of this event is written; the store
      // applies it again to the case as it now stands, where the look-up finds the payment (a repeat or a conflict).
      if (isUniqueViolation(error))
        throw new DomainError(
          'version_conflict',
          'Платёж с этим номером записан одновременно другим запросом, повторите действие',
        );
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' || (typeof e.message === 'string' && /UNIQUE constraint failed/.test(e.message));
}

/** Every payment of a case from the ledger, by claim, in the order recorded (on the read connections). */
export async function casePayments(query: ReadQuery, caseId: string): Promise<CasePayments> {
  const rows = await query<PaymentRow>(
    'SELECT claim_id, reference, amount, payment_date, evidence, recorded_on FROM payments WHERE case_id = ? ORDER BY claim_id, seq',
    [caseId],
  );
  const out: CasePayments = {};
  for (const r of rows) {
    (out[r.claim_id] ??= []).push({
      reference: r.reference,
      amount: Number(r.amount),
      date: r.payment_date,
      evidence: r.evidence,
      recordedOn: r.recorded_on,
    });
  }
  return out;
}
