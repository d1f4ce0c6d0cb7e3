import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { UserRole } from '../auth/principal';
import { principalKey } from '../cases/domain/case-access';
import type { CaseApplication } from '../cases/domain/case-application';
import { Clock } from '../common/clock';
import { addDays } from '../common/local-date';
import { Env } from '../config/env';
import { PAYMENT_NOTICE, REMINDER_DELIVERY, type ReminderRuleId } from '../law/reminder-rules';
import { isLang, type Lang } from '../web/i18n/lang';
import { DatabaseAccess } from '../workflow/database-access';
import { Mailer } from './mailer';
import { ReminderPreferencesService, type ReminderPreferences } from './reminder-preferences';
import { digestMail, paymentNoticeMail, reminderMail, type ReminderFacts } from './reminder-texts';

export const DIGEST_RULE = 'digest';

/** A reminders row as the dispatcher reads it. */
interface Row {
  id: string;
  key: string;
  rule: string;
  case_id: string | null;
  case_number: string | null;
  claim_id: string | null;
  about_date: string | null;
  instalment_no: number | string | null;
  recipient: string;
  user_id: string | null;
  stale_after: string | null;
  status: string;
  attempts: number | string;
  payload: string | null;
}

interface UserRow {
  id: string;
  role: UserRole;
  organisation_id: string | null;
  email: string | null;
  language: string | null;
  disabled_at: string | null;
}

/** The outcome of one delivery: the row's final status, or an error to retry. */
type Outcome = {
  status: 'sent' | 'skipped' | 'expired';
  emailState?: 'sent' | 'digest' | null;
  note?: string;
  /** Shown in the user's inbox (written with the outcome). */
  inbox?: boolean;
};

const COLUMNS =
  'id, key, rule, case_id, case_number, claim_id, about_date, instalment_no, recipient, user_id, stale_after, status, attempts, payload';

export const factsOf = (r: {
  rule: string;
  case_id: string | null;
  case_number: string | null;
  about_date: string | null;
  instalment_no: number | string | null;
  payload: string | null;
}): ReminderFacts => ({
  rule: r.rule,
  caseId: r.case_id,
  caseNumber: r.case_number,
  aboutDate: r.about_date,
  instalmentNo: r.instalment_no === null ? null : Number(r.instalment_no),
  payload: r.payload ? (JSON.parse(r.payload) as ReminderFacts['payload']) : null,
});

/**
 * Delivers due reminders (table `reminders`, planned by ReminderPlanner): a row is due from its `send_on` (the
 * service clock's day, Asia/Almaty) and, after a failed try, from its `retry_at` (wall clock: retries are
 * operational time). Each row is claimed by a compare-and-set on (status, attempts) before anything is sent: of two
 * instances on one PostgreSQL database only one delivers it, and a restart never delivers a delivered row again.
 * At delivery the recipient is checked again: a disabled user, or one who no longer sees the case, gets nothing
 * (`skipped`); a warning whose date has passed is `expired`. The inbox is written first (always on); the e-mail
 * follows the user's preferences — one each, or collected into the daily digest (a row of its own, rule `digest`).
 * A failed e-mail is tried again with exponential backoff; after REMINDER_DELIVERY.maxAttempts the row is `failed`,
 * its last error kept for the administrator (GET /api/reminders/failed), never logged (it may quote an address).
 * A row whose claimer died mid-delivery is claimed again when its lease ends (at start-up on SQLite, where this
 * process is the file's only writer): an e-mail may then go out twice, with the same Message-ID.
 */
@Injectable()
export class ReminderDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderDispatcher.name);
  readonly settings = {
    maxAttempts: REMINDER_DELIVERY.maxAttempts as number,
    retryBaseMs: REMINDER_DELIVERY.retryBaseMs as number,
    retryMaxMs: REMINDER_DELIVERY.retryMaxMs,
    leaseMs: 5 * 60_000,
    batch: 200,
    /** Rows delivered at once within a pass (SMTP connections are pooled). */
    parallel: 16,
  };
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running: Promise<number> | null = null;
  private again = false;
  private stopping = false;
  private poll: NodeJS.Timeout | null = null;
  private soonTimer: NodeJS.Timeout | null = null;
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly access: DatabaseAccess,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly mailer: Mailer,
    private readonly preferences: ReminderPreferencesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.access.postgres)
      await this.access.atomically((em) =>
        em.query(`UPDATE reminders SET status = 'pending', claimed_by = NULL WHERE status = 'running'`),
      );
    void this.dispatch();
    this.poll = setInterval(() => void this.dispatch(), this.env.REMINDER_POLL_SECONDS * 1000);
    this.poll.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.poll) clearInterval(this.poll);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    for (const t of this.retryTimers) clearTimeout(t);
    await this.running?.catch(() => 0);
  }

  /** Something was planned: a pass shortly (after the event's commit), not awaited by the caller. */
  soon(): void {
    if (this.soonTimer || this.stopping) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      void this.dispatch();
    }, 50);
    this.soonTimer.unref();
  }

  /** Delivers everything due; resolves with how many rows this pass finished. Concurrent calls share a pass. */
  dispatch(): Promise<number> {
    if (this.stopping) return Promise.resolve(0);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const loop = async () => {
      let done = 0;
      do {
        this.again = false;
        done += await this.pass();
      } while (this.again && !this.stopping);
      return done;
    };
    this.running = loop()
      .catch((e) => {
        this.logger.error(`reminder pass failed: ${e instanceof Error ? e.message : String(e)}`);
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    let done = 0;
    for (;;) {
      const today = this.clock.today();
      const clockNow = this.clock.now().toISOString();
      const wallNow = new Date().toISOString();
      const leaseEnd = new Date(Date.now() - this.settings.leaseMs).toISOString();
      const rows: Row[] = await this.access.read((em) =>
        em.query(
          this.access.sql(
            `SELECT ${COLUMNS} FROM reminders
              WHERE (status = 'pending' AND send_on <= ? AND retry_at <= ? AND (not_before IS NULL OR not_before <= ?))
                 OR (status = 'running' AND claimed_at <= ?)
              ORDER BY send_on, id LIMIT ${this.settings.batch}`,
          ),
          [today, wallNow, clockNow, leaseEnd],
        ),
      );
      if (rows.length === 0 || this.stopping) return done;
      const cache = new Caches();
      // One transaction claims the whole batch (a compare-and-set per row); each row is then delivered and its
      // outcome written (concurrent outcomes share the group commit).
      const claimed = await this.claimAll(rows);
      let next = 0;
      const worker = async () => {
        while (next < claimed.length && !this.stopping) {
          const row = claimed[next++];
          if (await this.deliver(row, Number(row.attempts) + 1, cache)) done++;
        }
      };
      await Promise.all(Array.from({ length: this.settings.parallel }, worker));
      if (claimed.length === 0) return done;
    }
  }

  /** The rows of `rows` this instance claimed: pending (or running past its lease) → running, if nobody changed them. */
  private claimAll(rows: Row[]): Promise<Row[]> {
    const at = new Date().toISOString();
    return this.access.atomically(async (em) => {
      const mine: Row[] = [];
      for (const row of rows) {
        const result = await em.queryRunner!.query(
          this.access.sql(
            `UPDATE reminders SET status = 'running', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
              WHERE id = ? AND status = ? AND attempts = ?`,
          ),
          [this.instanceId, at, row.id, row.status, Number(row.attempts)],
          true,
        );
        if (result.affected === 1) mine.push(row);
      }
      return mine;
    });
  }

  /** Delivers a claimed row; true when it reached a final status. */
  private async deliver(row: Row, attempt: number, cache: Caches): Promise<boolean> {
    let outcome: Outcome;
    try {
      outcome =
        row.rule === DIGEST_RULE
          ? await this.deliverDigest(row)
          : row.rule === PAYMENT_NOTICE.id
            ? await this.deliverToVictim(row)
            : await this.deliverToUser(row, cache);
    } catch (e) {
      await this.failed(row, attempt, e instanceof InboxDelivered ? e.cause : e, e instanceof InboxDelivered);
      return false;
    }
    return this.finish(row, attempt, outcome);
  }

  private async deliverToUser(row: Row, cache: Caches): Promise<Outcome> {
    const user = await cache.user(row.user_id as string, (id) => this.user(id));
    if (!user || user.disabled_at) return { status: 'skipped', note: 'user disabled or unknown' };
    if (!row.case_id || !(await this.sees(user, row.case_id))) return { status: 'skipped', note: 'case not in scope' };
    if (row.stale_after && this.clock.today() > row.stale_after) return { status: 'expired' };
    const prefs = await cache.prefs(user.id, (id) => this.preferences.of(id));
    const channel = prefs.rules[row.rule as ReminderRuleId] ?? 'email';
    if (channel === 'off') return { status: 'skipped', note: 'off in the preferences' };
    const address = prefs.email ?? user.email;
    if (channel !== 'email' || !this.mailer.enabled || !address)
      return { status: 'sent', emailState: null, inbox: true };
    if (prefs.digest) {
      await this.planDigest(user.id);
      return { status: 'sent', emailState: 'digest', inbox: true };
    }
    const lang = languageOf(user);
    try {
      await this.mailer.send({ to: address, key: row.key, ...reminderMail(lang, factsOf(row), this.publicUrl) });
    } catch (e) {
      throw new InboxDelivered(e); // the inbox is always on: a failing e-mail does not keep it from the workplace
    }
    return { status: 'sent', emailState: 'sent', inbox: true };
  }

  private async deliverToVictim(row: Row): Promise<Outcome> {
    const cases: { application: string }[] = await this.access.read((em) =>
      em.query(this.access.sql('SELECT application FROM cases WHERE id = ?'), [row.case_id]),
    );
    const app = cases.length ? (JSON.parse(cases[0].application) as CaseApplication) : null;
    const victim = app?.claims.find((c) => c.id === row.claim_id)?.victim;
    if (!victim?.email || victim.paymentNotices !== true) return { status: 'skipped', note: 'no consent or address' };
    if (!this.mailer.enabled) return { status: 'skipped', note: 'e-mail channel is off' };
    await this.mailer.send({ to: victim.email, key: row.key, ...paymentNoticeMail(factsOf(row)) });
    return { status: 'sent', emailState: 'sent' };
  }

  /** The daily digest: every reminder of the user waiting for it, in one e-mail. */
  private async deliverDigest(row: Row): Promise<Outcome> {
    const userId = row.user_id as string;
    const waiting: Row[] = await this.access.read((em) =>
      em.query(
        this.access.sql(
          `SELECT ${COLUMNS} FROM reminders WHERE user_id = ? AND email_state = 'digest' ORDER BY send_on, id LIMIT 500`,
        ),
        [userId],
      ),
    );
    if (waiting.length === 0) return { status: 'sent', emailState: null };
    const user = await this.user(userId);
    const prefs = await this.preferences.of(userId);
    const address = prefs.email ?? user?.email;
    if (!user || user.disabled_at || !address || !this.mailer.enabled) return { status: 'skipped', note: 'no address' };
    await this.mailer.send({
      to: address,
      key: row.key,
      ...digestMail(languageOf(user), waiting.map(factsOf), this.publicUrl),
    });
    await this.access.atomically((em) =>
      em.query(
        this.access.sql(
          `UPDATE reminders SET email_state = 'sent', digest_key = ? WHERE email_state = 'digest' AND id IN (${waiting.map(() => '?').join(', ')})`,
        ),
        [row.key, ...waiting.map((w) => w.id)],
      ),
    );
    return { status: 'sent', emailState: 'sent' };
  }

  /** The next digest of the user: at REMINDER_DELIVERY.digestHour (Asia/Almaty), today's if still ahead, else tomorrow's. */
  private async planDigest(userId: string): Promise<void> {
    const now = this.clock.now();
    const today = this.clock.today();
    const hour = String(REMINDER_DELIVERY.digestHour).padStart(2, '0');
    const at = (day: string) => new Date(`${day}T${hour}:00:00+05:00`); // Asia/Almaty is UTC+5 all year
    const day = now < at(today) ? today : addDays(today, 1);
    const stamp = now.toISOString();
    await this.access.atomically((em) =>
      em.query(
        this.access.sql(
          `INSERT INTO reminders (id, key, rule, about, recipient, user_id, send_on, not_before, status, attempts, retry_at,
             created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, '', ?, ?) ON CONFLICT (key) DO NOTHING`,
        ),
        [
          randomUUID(),
          `${DIGEST_RULE}|${userId}|${day}`,
          DIGEST_RULE,
          day,
          userId,
          userId,
          day,
          at(day).toISOString(),
          stamp,
          stamp,
        ],
      ),
    );
  }

  private async finish(row: Row, attempt: number, o: Outcome): Promise<boolean> {
    const now = this.clock.now().toISOString();
    return this.update(
      `UPDATE reminders SET status = ?, email_state = COALESCE(?, email_state), done_at = ?, updated_at = ?,
         inbox_at = COALESCE(inbox_at, ?), last_error = ?, claimed_by = NULL WHERE ${MINE_BY_ID}`,
      [
        o.status,
        o.emailState ?? null,
        now,
        now,
        o.inbox ? now : null,
        o.note ?? null,
        row.id,
        this.instanceId,
        attempt,
      ],
    );
  }

  private async failed(row: Row, attempt: number, e: unknown, inbox: boolean): Promise<void> {
    const error = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 1000);
    const now = new Date();
    const inboxAt = inbox ? this.clock.now().toISOString() : null;
    if (attempt >= this.settings.maxAttempts) {
      await this.update(
        `UPDATE reminders SET status = 'failed', last_error = ?, done_at = ?, updated_at = ?, claimed_by = NULL,
           inbox_at = COALESCE(inbox_at, ?) WHERE ${MINE_BY_ID}`,
        [error, now.toISOString(), now.toISOString(), inboxAt, row.id, this.instanceId, attempt],
      );
      this.logger.error(
        `reminder ${row.rule} ${row.id} failed after ${attempt} attempt(s); see GET /api/reminders/failed`,
      );
      return;
    }
    const delay =
      Math.min(this.settings.retryMaxMs, this.settings.retryBaseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
    await this.update(
      `UPDATE reminders SET status = 'pending', claimed_by = NULL, retry_at = ?, last_error = ?, updated_at = ?,
         inbox_at = COALESCE(inbox_at, ?) WHERE ${MINE_BY_ID}`,
      [
        new Date(now.getTime() + delay).toISOString(),
        error,
        now.toISOString(),
        inboxAt,
        row.id,
        this.instanceId,
        attempt,
      ],
    );
    this.logger.warn(`reminder ${row.rule} ${row.id} attempt ${attempt} failed; next in ${Math.round(delay)} ms`);
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      void this.dispatch();
    }, delay + 5);
    timer.unref();
    this.retryTimers.add(timer);
  }

  /** Whether the user still sees the case (the scope the workplace applies: case_access). */
  private async sees(user: UserRow, caseId: string): Promise<boolean> {
    const key = principalKey({ role: user.role, userId: user.id, organisationId: user.organisation_id });
    if (!key) return false;
    const rows: unknown[] = await this.access.read((em) =>
      em.query(this.access.sql('SELECT 1 AS ok FROM case_access WHERE case_id = ? AND key = ?'), [caseId, key]),
    );
    return rows.length > 0;
  }

  private async user(id: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.access.read((em) =>
      em.query(
        this.access.sql('SELECT id, role, organisation_id, email, language, disabled_at FROM users WHERE id = ?'),
        [id],
      ),
    );
    return rows[0] ?? null;
  }

  private get publicUrl(): string {
    return this.env.PUBLIC_URL || `http://127.0.0.1:${this.env.PORT}`;
  }

  private update(sql: string, params: unknown[]): Promise<boolean> {
    return this.access.atomically(async (em) => {
      const result = await em.queryRunner!.query(this.access.sql(sql), params, true);
      return result.affected === 1;
    });
  }
}

/** An e-mail failed after the reminder was due in the inbox: the retry keeps it there. */
class InboxDelivered extends Error {
  constructor(readonly cause: unknown) {
    super('e-mail failed');
  }
}

/** The row is still this instance's claim (nobody re-claimed it after a lease ran out). */
const MINE = `status = 'running' AND claimed_by = ? AND attempts = ?`;
const MINE_BY_ID = `id = ? AND ${MINE}`;

const languageOf = (u: UserRow): Lang => (isLang(u.language) ? u.language : 'ru');

/** Users and preferences read once per pass. */
class Caches {
  private readonly users = new Map<string, Promise<UserRow | null>>();
  private readonly preferences = new Map<string, Promise<ReminderPreferences>>();
  user(id: string, load: (id: string) => Promise<UserRow | null>) {
    let p = this.users.get(id);
    if (!p) this.users.set(id, (p = load(id)));
    return p;
  }
  prefs(id: string, load: (id: string) => Promise<ReminderPreferences>) {
    let p = this.preferences.get(id);
    if (!p) this.preferences.set(id, (p = load(id)));
    return p;
  }
}
