import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Lang } from '../web/i18n/lang';
import { DatabaseAccess } from '../workflow/database-access';
import { factsOf } from './reminder-dispatcher';
import { reminderLine, reminderTitle } from './reminder-texts';

export interface InboxItem {
  id: string;
  rule: string;
  title: string;
  text: string;
  caseId: string | null;
  caseNumber: string | null;
  date: string | null;
  deliveredAt: string;
  read: boolean;
}

interface InboxRow {
  id: string;
  rule: string;
  case_id: string | null;
  case_number: string | null;
  about_date: string | null;
  instalment_no: number | string | null;
  payload: string | null;
  inbox_at: string;
  read_at: string | null;
}

export interface FailedReminder {
  id: string;
  rule: string;
  status: string;
  caseId: string | null;
  caseNumber: string | null;
  recipient: { userId: string; login: string | null; name: string | null } | { victimOfClaim: string };
  attempts: number;
  lastError: string | null;
  sendOn: string;
  updatedAt: string;
}

const PAGE = 50;

/** The in-app inbox: reminders delivered to a user, newest first, with their read mark; and what failed, for the admin. */
@Injectable()
export class Inbox {
  constructor(
    private readonly access: DatabaseAccess,
    private readonly clock: Clock,
  ) {}

  /** A page of the inbox (keyset: pass the last item's `deliveredAt` and `id` as `before`). */
  async list(
    userId: string,
    lang: Lang,
    before?: { at: string; id: string },
  ): Promise<{ items: InboxItem[]; unread: number; next: { at: string; id: string } | null }> {
    const rows: InboxRow[] = await this.access.read((em) =>
      em.query(
        this.access.sql(
          `SELECT id, rule, case_id, case_number, about_date, instalment_no, payload, inbox_at, read_at FROM reminders
            WHERE user_id = ? AND inbox_at IS NOT NULL ${before ? 'AND (inbox_at < ? OR (inbox_at = ? AND id < ?))' : ''}
            ORDER BY inbox_at DESC, id DESC LIMIT ${PAGE + 1}`,
        ),
        before ? [userId, before.at, before.at, before.id] : [userId],
      ),
    );
    const counted: { n: number | string }[] = await this.access.read((em) =>
      em.query(
        this.access.sql(
          'SELECT COUNT(*) AS n FROM reminders WHERE user_id = ? AND inbox_at IS NOT NULL AND read_at IS NULL',
        ),
        [userId],
      ),
    );
    const page = rows.slice(0, PAGE);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        rule: r.rule,
        title: reminderTitle(lang, r),
        text: reminderLine(lang, factsOf(r)),
        caseId: r.case_id,
        caseNumber: r.case_number,
        date: r.about_date,
        deliveredAt: r.inbox_at,
        read: r.read_at !== null,
      })),
      unread: Number(counted[0]?.n ?? 0),
      next: rows.length > PAGE && last ? { at: last.inbox_at, id: last.id } : null,
    };
  }

  /** Marks one item read (404 when it is not in the user's inbox). */
  async markRead(userId: string, id: string): Promise<void> {
    const now = this.clock.now().toISOString();
    const found: unknown[] = await this.access.read((em) =>
      em.query(this.access.sql('SELECT 1 AS ok FROM reminders WHERE id = ? AND user_id = ? AND inbox_at IS NOT NULL'), [
        id,
        userId,
      ]),
    );
    if (found.length === 0) throw DomainError.notFound('Уведомление', id);
    await this.access.atomically((em) =>
      em.query(this.access.sql('UPDATE reminders SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL'), [
        now,
        id,
        userId,
      ]),
    );
  }

  async markAllRead(userId: string): Promise<void> {
    await this.access.atomically((em) =>
      em.query(
        this.access.sql(
          'UPDATE reminders SET read_at = ? WHERE user_id = ? AND inbox_at IS NOT NULL AND read_at IS NULL',
        ),
        [this.clock.now().toISOString(), userId],
      ),
    );
  }

  /** Reminders that failed, and those being retried after an error: what the administrator must see. */
  async failed(): Promise<FailedReminder[]> {
    const rows: Record<string, string | number | null>[] = await this.access.read((em) =>
      em.query(
        `SELECT r.id, r.rule, r.status, r.case_id, r.case_number, r.recipient, r.user_id, r.attempts, r.last_error,
                r.send_on, r.updated_at, u.login, u.full_name_ru
           FROM reminders r LEFT JOIN users u ON u.id = r.user_id
          WHERE r.status = 'failed' OR (r.status = 'pending' AND r.last_error IS NOT NULL AND r.attempts > 0)
          ORDER BY r.updated_at DESC LIMIT 500`,
      ),
    );
    return rows.map((r) => ({
      id: String(r.id),
      rule: String(r.rule),
      status: String(r.status),
      caseId: r.case_id as string | null,
      caseNumber: r.case_number as string | null,
      recipient: String(r.recipient).startsWith('victim:')
        ? { victimOfClaim: String(r.recipient).slice('victim:'.length) }
        : { userId: String(r.user_id), login: r.login as string | null, name: r.full_name_ru as string | null },
      attempts: Number(r.attempts),
      lastError: r.last_error as string | null,
      sendOn: String(r.send_on),
      updatedAt: String(r.updated_at),
    }));
  }

  /** A failed reminder is tried again from the start (the administrator fixed the mail server). */
  async retry(id: string): Promise<void> {
    const changed = await this.access.atomically(async (em) => {
      const result = await em.queryRunner!.query(
        this.access.sql(
          `UPDATE reminders SET status = 'pending', attempts = 0, retry_at = '', updated_at = ? WHERE id = ? AND status = 'failed'`,
        ),
        [this.clock.now().toISOString(), id],
        true,
      );
      return result.affected === 1;
    });
    if (!changed) throw DomainError.notFound('Недоставленное напоминание', id);
  }
}
