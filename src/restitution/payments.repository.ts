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
import type { PaymentEvidence } from '../../machines/events';
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

/** A payment row no reversal refers to (alias `p`): what counts as paid. */
const LIVE =
  "p.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.case_id = p.case_id AND r.claim_id = p.claim_id AND r.kind = 'reversal' AND r.reverses_seq = p.seq)";

/**
 * The payments ledger (table `payments`, one row per recorded payment): the restitution snapshot keeps only the
 * totals (paid, count, last date), so the 2,000th payment costs what the first does. The row is written in the
 * transaction of its `payment.recorded` event (a write hook of the store); before the transition the store
 * looks the event's reference up here (indexed: UNIQUE case, claim, reference), which is how the machine tells
 * an idempotent repeat from a conflicting one. Services never see the transaction.
 * A correction (`payment.reversed`) never edits a row: it adds a reversal row referring to the original
 * (`reverses_seq`) and, if given, the correct payment as a new row; views read the payments no reversal refers to.
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
    if (event.type === 'payment.reversed') return this.lookUpReversal(em, caseId, event);
    if (event.type !== 'payment.recorded') return undefined;
    const { claimId, reference } = event as { claimId?: unknown; reference?: unknown };
    if (typeof claimId !== 'string' || typeof reference !== 'string') return { onRecord: null };
    const live = await this.livePayment(em, caseId, claimId, reference);
    return { onRecord: live && { amount: live.amount, date: live.date } };
  }

  /** `original` (the live payment reversed) and `replacementOnRecord` (another live payment under the new reference). */
  private async lookUpReversal(
    em: EntityManager,
    caseId: string,
    event: ProcedureEvent,
  ): Promise<Record<string, unknown>> {
    const { claimId, reference, replacement } = event as {
      claimId?: unknown;
      reference?: unknown;
      replacement?: { reference?: unknown };
    };
    if (typeof claimId !== 'string' || typeof reference !== 'string') return { original: null };
    const live = await this.livePayment(em, caseId, claimId, reference);
    const original: PaymentOnRecord | null = live && { amount: live.amount, date: live.date };
    const other = replacement?.reference;
    const clash =
      typeof other === 'string' && other !== reference ? await this.livePayment(em, caseId, claimId, other) : null;
    return { original, replacementOnRecord: clash && { amount: clash.amount, date: clash.date } };
  }

  /** The payment under `reference` that no reversal refers to (at most one), or null. */
  private async livePayment(
    em: EntityManager,
    caseId: string,
    claimId: string,
    reference: string,
  ): Promise<{ seq: number; amount: number; date: string; evidence: string | null; occurrence: number } | null> {
    const rows: {
      seq: number | string;
      amount: number | string;
      payment_date: string;
      evidence: string | null;
      occurrence: number | string;
    }[] = await em.query(
      this.access.sql(
        `SELECT p.seq, p.amount, p.payment_date, p.evidence, p.occurrence FROM payments p WHERE p.case_id = ? AND p.claim_id = ? AND p.reference = ? AND ${LIVE}`,
      ),
      [caseId, claimId, reference],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      seq: Number(r.seq),
      amount: Number(r.amount),
      date: r.payment_date,
      evidence: r.evidence,
      occurrence: Number(r.occurrence),
    };
  }

  /** How many times entries under `reference` were reversed: the `occurrence` of the next entry under it. */
  private async reversalsOf(em: EntityManager, caseId: string, claimId: string, reference: string): Promise<number> {
    const rows: { n: number | string }[] = await em.query(
      this.access.sql(
        "SELECT COUNT(*) AS n FROM payments WHERE case_id = ? AND claim_id = ? AND kind = 'reversal' AND reference = ?",
      ),
      [caseId, claimId, reference],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * The ledger rows of an accepted payment (the machine counted it: its payment count grew by one) or reversal (its
   * reversal count grew by one: a reversal row, then the replacement's row). Rows are numbered per claim: payments
   * plus reversals so far.
   */
  private async record(em: EntityManager, w: WrittenEvent): Promise<void> {
    const type = w.event.type;
    if ((type !== 'payment.recorded' && type !== 'payment.reversed') || typeof w.event.claimId !== 'string') return;
    const claimId = w.event.claimId;
    const counts = (state: ProcedureState | null) => {
      const c = state ? claimReading(state, claimId)?.restitution?.context : undefined;
      return { payments: c?.paymentCount ?? 0, reversals: c?.reversals ?? 0 };
    };
    const before = counts(w.before);
    const after = counts(w.case.snapshot);
    const rows = before.payments + before.reversals;
    try {
      if (type === 'payment.recorded') {
        if (after.payments !== before.payments + 1) return;
        const e = w.event as unknown as Parameters<typeof paymentOf>[0];
        const occurrence = await this.reversalsOf(em, w.case.id, claimId, e.reference);
        await this.insert(em, w, claimId, rows + 1, 'payment', e, occurrence, null);
        return;
      }
      if (after.reversals !== before.reversals + 1) return;
      const e = w.event as unknown as {
        reference: string;
        replacement?: Parameters<typeof paymentOf>[0];
      };
      const original = await this.livePayment(em, w.case.id, claimId, e.reference);
      if (!original) throw new Error('payment.reversed accepted without the original on the ledger');
      await this.insert(
        em,
        w,
        claimId,
        rows + 1,
        'reversal',
        { reference: e.reference, amount: original.amount, date: original.date, evidence: original.evidence },
        original.occurrence,
        original.seq,
      );
      if (e.replacement) {
        const occurrence = await this.reversalsOf(em, w.case.id, claimId, e.replacement.reference);
        await this.insert(em, w, claimId, rows + 2, 'payment', e.replacement, occurrence, null);
      }
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

  private async insert(
    em: EntityManager,
    w: WrittenEvent,
    claimId: string,
    seq: number,
    kind: 'payment' | 'reversal',
    e: { reference: string; amount: number; date: string; evidence: string | null },
    occurrence: number,
    reversesSeq: number | null,
  ): Promise<void> {
    const p = paymentOf({ ...e, evidence: e.evidence as PaymentEvidence, at: w.eventDate });
    await em.query(
      this.access.sql(
        'INSERT INTO payments (case_id, claim_id, seq, reference, amount, payment_date, evidence, recorded_on, recorded_at, history_seq, kind, occurrence, reverses_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
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
        kind,
        occurrence,
        reversesSeq,
      ],
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' || (typeof e.message === 'string' && /UNIQUE constraint failed/.test(e.message));
}

/**
 * Every payment of a case from the ledger that no reversal refers to, by claim, in the order recorded (on the read
 * connections): what the views and documents count as paid; with `asOfVersion`, as it stood at that case version.
 */
export async function casePayments(query: ReadQuery, caseId: string, asOfVersion?: number): Promise<CasePayments> {
  const rows = await query<PaymentRow>(
    asOfVersion === undefined
      ? `SELECT p.claim_id, p.reference, p.amount, p.payment_date, p.evidence, p.recorded_on FROM payments p WHERE p.case_id = ? AND ${LIVE} ORDER BY p.claim_id, p.seq`
      : // as the ledger stood at a case version: rows and reversals recorded by later events left out
        `SELECT p.claim_id, p.reference, p.amount, p.payment_date, p.evidence, p.recorded_on FROM payments p
          WHERE p.case_id = ? AND p.kind = 'payment' AND (p.history_seq IS NULL OR p.history_seq <= ?)
            AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.case_id = p.case_id AND r.claim_id = p.claim_id
              AND r.kind = 'reversal' AND r.reverses_seq = p.seq AND (r.history_seq IS NULL OR r.history_seq <= ?))
          ORDER BY p.claim_id, p.seq`,
    asOfVersion === undefined ? [caseId] : [caseId, asOfVersion, asOfVersion],
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
