import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { lawyerIdsOf } from '../cases/domain/case-access';
import type { CaseApplication } from '../cases/domain/case-application';
import type { LocalDate } from '../common/local-date';
import type { ReminderAudience } from '../law/reminder-rules';
import { PAYMENT_NOTICE } from '../law/reminder-rules';
import { DatabaseAccess } from '../workflow/database-access';
import type { CaseEntity } from '../workflow/entities/case.entity';
import { WorkflowStore, type WrittenEvent } from '../workflow/workflow.store';
import { onWorkingDay, plannedReminders, type PlannedReminder } from './domain/reminder-plan';
import { ReminderDispatcher } from './reminder-dispatcher';

/** The identity of a reminder: nobody gets the same one twice (UNIQUE reminders.key). */
export function reminderKey(rule: string, caseId: string, claimId: string | null, about: string, recipient: string) {
  return [rule, caseId, claimId ?? '-', about, recipient].join('|');
}

interface Row {
  id: string;
  key: string;
  status: string;
}

/**
 * Plans the reminders of a case in the transaction of each of its events (a write hook of the store): what the
 * rules call for as the event left the case (domain/reminder-plan.ts), for each recipient, compared with what is
 * planned — new ones are added, ones whose cause is gone are withdrawn (unless already sent), withdrawn ones whose
 * cause is back are planned again. The deadline sweeper's events pass here too, so the sweep plans its reminders in
 * its own transaction. Most events change nothing the rules read: then nothing is read or written.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    store: WorkflowStore,
    private readonly access: DatabaseAccess,
    private readonly dispatcher: ReminderDispatcher,
  ) {
    store.addWriteHook((em, written) => this.onEvent(em, written));
  }

  private async onEvent(em: EntityManager, w: WrittenEvent): Promise<void> {
    const after = plannedReminders(w.case.snapshot, w.case.application);
    const notice = await this.paymentNotice(em, w);
    const unchanged =
      w.before !== null &&
      w.previous !== undefined &&
      w.previous.application !== undefined &&
      JSON.stringify(plannedReminders(w.before, w.previous.application)) === JSON.stringify(after);
    if (unchanged && !notice) return;
    if (!unchanged) await this.sync(em, w.case, after, w.eventDate, w.recordedAt);
    this.dispatcher.soon();
  }

  /** Writes the plan of the case: adds, withdraws, plans again. */
  async sync(
    em: EntityManager,
    kase: Pick<CaseEntity, 'id' | 'number' | 'application'>,
    plan: PlannedReminder[],
    today: LocalDate,
    now: string,
  ): Promise<void> {
    const sql = (text: string) => this.access.sql(text);
    const recipients = await this.recipients(em, kase.application, plan);
    const wanted = new Map<string, { p: PlannedReminder; userId: string }>();
    for (const p of plan)
      for (const audience of p.audience)
        for (const userId of recipients.get(audience) ?? [])
          wanted.set(reminderKey(p.rule, kase.id, p.claimId, p.about, userId), { p, userId });
    const existing: Row[] = await em.query(
      sql(
        `SELECT id, key, status FROM reminders WHERE case_id = ? AND status IN ('pending', 'withdrawn') AND rule <> ?`,
      ),
      [kase.id, PAYMENT_NOTICE.id],
    );
    const known = new Set(existing.map((r) => r.key));
    const withdraw = existing.filter((r) => r.status === 'pending' && !wanted.has(r.key)).map((r) => r.id);
    const again = existing.filter((r) => r.status === 'withdrawn' && wanted.has(r.key)).map((r) => r.id);
    const setStatus = async (ids: string[], from: string, to: string) => {
      if (ids.length === 0) return;
      await em.query(
        sql(
          `UPDATE reminders SET status = ?, updated_at = ? WHERE status = ? AND id IN (${ids.map(() => '?').join(', ')})`,
        ),
        [to, now, from, ...ids],
      );
    };
    await setStatus(withdraw, 'pending', 'withdrawn');
    await setStatus(again, 'withdrawn', 'pending');
    const fresh = [...wanted].filter(([key]) => !known.has(key));
    for (const [key, { p, userId }] of fresh)
      await this.insert(em, {
        key,
        rule: p.rule,
        caseId: kase.id,
        caseNumber: kase.number,
        claimId: p.claimId,
        about: p.about,
        aboutDate: p.date,
        instalmentNo: p.instalmentNo ?? null,
        recipient: userId,
        userId,
        sendOn: p.sendOn ?? onWorkingDay(today), // on the day it happens, or the next working day
        staleAfter: p.staleAfter,
        payload: null,
        now,
      });
  }

  /** The notice of a payment to its victim, when the application holds his e-mail and his consent. */
  private async paymentNotice(em: EntityManager, w: WrittenEvent): Promise<boolean> {
    if (w.event.type !== 'payment.recorded' || typeof w.event.claimId !== 'string') return false;
    const claim = w.case.application.claims.find((c) => c.id === w.event.claimId);
    const victim = claim?.victim;
    if (!victim?.email || victim.paymentNotices !== true) return false;
    const { reference, amount, date } = w.event as { reference?: unknown; amount?: unknown; date?: unknown };
    if (typeof reference !== 'string' || typeof amount !== 'number' || typeof date !== 'string') return false;
    await this.insert(em, {
      key: reminderKey(PAYMENT_NOTICE.id, w.case.id, w.event.claimId, reference, `victim:${w.event.claimId}`),
      rule: PAYMENT_NOTICE.id,
      caseId: w.case.id,
      caseNumber: w.case.number,
      claimId: w.event.claimId,
      about: reference.slice(0, 80),
      aboutDate: date,
      instalmentNo: null,
      recipient: `victim:${w.event.claimId}`,
      userId: null,
      sendOn: w.eventDate,
      staleAfter: null,
      payload: JSON.stringify({ amount, date }),
      now: w.recordedAt,
    });
    return true;
  }

  private async insert(
    em: EntityManager,
    r: {
      key: string;
      rule: string;
      caseId: string;
      caseNumber: string;
      claimId: string | null;
      about: string;
      aboutDate: string | null;
      instalmentNo: number | null;
      recipient: string;
      userId: string | null;
      sendOn: string;
      staleAfter: string | null;
      payload: string | null;
      now: string;
    },
  ): Promise<void> {
    await em.query(
      this.access.sql(
        `INSERT INTO reminders (id, key, rule, case_id, case_number, claim_id, about, about_date, instalment_no, recipient,
           user_id, send_on, stale_after, status, attempts, retry_at, payload, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      ),
      [
        randomUUID(),
        r.key,
        r.rule,
        r.caseId,
        r.caseNumber,
        r.claimId,
        r.about,
        r.aboutDate,
        r.instalmentNo,
        r.recipient,
        r.userId,
        r.sendOn,
        r.staleAfter,
        '', // retry_at: due at once (wall clock; the service clock may be fixed ahead of it)
        r.payload,
        r.now,
        r.now,
      ],
    );
  }

  /**
   * The users each audience names: the case's mediator, its lawyers, the officers of the supervising police unit
   * (read in the transaction: an officer who joins the unit later is planned for from the case's next event).
   */
  private async recipients(
    em: EntityManager,
    app: CaseApplication,
    plan: PlannedReminder[],
  ): Promise<Map<ReminderAudience, string[]>> {
    const out = new Map<ReminderAudience, string[]>();
    const needed = new Set(plan.flatMap((p) => p.audience));
    if (needed.has('mediator') && app.mediator?.userId) out.set('mediator', [app.mediator.userId]);
    if (needed.has('lawyer')) out.set('lawyer', lawyerIdsOf(app));
    if (needed.has('officer') && app.supervisionUnitId) {
      const rows: { id: string }[] = await em.query(
        this.access.sql(
          `SELECT id FROM users WHERE role = 'officer' AND organisation_id = ? AND disabled_at IS NULL ORDER BY id`,
        ),
        [app.supervisionUnitId],
      );
      out.set(
        'officer',
        rows.map((r) => r.id),
      );
    }
    return out;
  }
}
