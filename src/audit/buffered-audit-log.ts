import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DatabaseAccess } from '../workflow/database-access';
import { AuditEntry, AuditLog } from './audit-log';

/** One row of `audit_log` as written (the id is the database's). */
export interface AuditRow {
  at: string;
  action: string;
  user_id: string | null;
  user_name: string | null;
  role: string | null;
  login: string | null;
  case_id: string | null;
  target_user_id: string | null;
  detail: string | null;
  address: string | null;
}

const COLUMNS = [
  'at',
  'action',
  'user_id',
  'user_name',
  'role',
  'login',
  'case_id',
  'target_user_id',
  'detail',
  'address',
] as const satisfies readonly (keyof AuditRow)[];

/**
 * How entries are batched: written at most `flushMs` after they were recorded, or at once when `maxBatch` wait.
 * `maxBuffered` bounds the memory a database that stays unwritable can take: beyond it the oldest entries are
 * dropped, and their number is logged.
 */
export const AUDIT_BATCHING = { flushMs: 100, maxBatch: 200, maxBuffered: 50_000 };

/** A run of 12 digits (an ИИН or БИН), wherever a caller let one slip into a login or a detail. */
const TWELVE_DIGITS = /\d{12}/g;
const MASK = '[скрыто]';

/**
 * The audit log on the service's database (table `audit_log`, append-only: no update or delete here, and
 * triggers in the database refuse them from anyone).
 *
 * Reads of personal data are audited on every GET of a case, so an entry is not written in the request: `record`
 * puts it in memory and returns; every `flushMs` (or as soon as `maxBatch` entries wait) the waiting entries are
 * inserted together, in one statement of one transaction, through the store's write path (`DatabaseAccess`: on
 * SQLite the group-commit queue, beside the events' writes). On shutdown (SIGTERM, `app.close()`) the HTTP
 * server stops taking requests, the ones in flight finish, then the buffer is written.
 *
 * What a crash can lose: a process killed outright (SIGKILL, power cut, out of memory) loses the entries of the
 * last `flushMs` — about 0.1 s of requests, at most `maxBatch` of them per flush still in flight — whose answers
 * were already sent. The events themselves are never lost that way: their history row (who, what, when) is
 * committed before the answer; only its audit duplicate can be missing. A database that refuses the insert
 * (disk full) keeps the entries in memory and tries again, logging an error each time.
 */
@Injectable()
export class BufferedAuditLog extends AuditLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditLog');
  private buffer: AuditRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(
    private readonly access: DatabaseAccess,
    private readonly clock: Clock,
  ) {
    super();
  }

  record(entry: AuditEntry): void {
    try {
      this.buffer.push(toRow(entry, this.clock.now().toISOString()));
    } catch (e) {
      this.logger.error(`An audit entry (${entry.action}) could not be prepared: ${(e as Error).message}`);
      return;
    }
    if (this.buffer.length > AUDIT_BATCHING.maxBuffered) {
      const excess = this.buffer.length - AUDIT_BATCHING.maxBuffered;
      this.buffer.splice(0, excess);
      this.dropped += excess;
    }
    if (this.buffer.length >= AUDIT_BATCHING.maxBatch) void this.flush();
    else this.schedule();
  }

  /** Writes every entry recorded so far; resolves when they are committed (or failed and were kept). */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writeAll());
    return this.writing;
  }

  /** The buffer is written while the database is still open (the HTTP server's close does it too). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** Entries recorded and not yet committed (tests, shutdown). */
  get pending(): number {
    return this.buffer.length;
  }

  private schedule(delay = AUDIT_BATCHING.flushMs): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
    this.timer.unref(); // shutdown writes the buffer itself; a timer alone must not keep the process alive
  }

  private async writeAll(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dropped > 0) {
      this.logger.error(`${this.dropped} audit entries were dropped: the database did not take them in time`);
      this.dropped = 0;
    }
    while (this.buffer.length > 0) {
      const rows = this.buffer.splice(0, AUDIT_BATCHING.maxBatch);
      try {
        await this.access.atomically((em) => this.insert(em, rows));
      } catch (e) {
        this.buffer.unshift(...rows);
        this.logger.error(
          `${this.buffer.length} audit entries are not written yet (tried again in 1 s): ${(e as Error).message}`,
        );
        this.schedule(1000);
        return;
      }
    }
  }

  private async insert(em: EntityManager, rows: AuditRow[]): Promise<void> {
    await this.nameUsers(em, rows);
    const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
    const params: unknown[] = [];
    for (const row of rows) for (const column of COLUMNS) params.push(row[column]);
    await em.query(
      this.access.sql(`INSERT INTO audit_log (${COLUMNS.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`),
      params,
    );
  }

  /**
   * The name and role of the user who acted, as they are now, where the caller did not give them (sign-in and the
   * administration of users name only the user's id): one look-up per batch, in its transaction.
   */
  private async nameUsers(em: EntityManager, rows: AuditRow[]): Promise<void> {
    const ids = [...new Set(rows.filter((r) => r.user_id !== null && r.user_name === null).map((r) => r.user_id))];
    if (ids.length === 0) return;
    const users: { id: string; full_name_ru: string; role: string }[] = await em.query(
      this.access.sql(`SELECT id, full_name_ru, role FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`),
      ids,
    );
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const row of rows) {
      const user = row.user_id !== null && row.user_name === null ? byId.get(row.user_id) : undefined;
      if (user) {
        row.user_name = user.full_name_ru;
        row.role ??= user.role;
      }
    }
  }
}

/**
 * The row of an entry. Defensive about what callers pass: a detail keeps only short scalar values, and any run of
 * 12 digits (an ИИН/БИН a user typed where a login goes) is masked in the login and the detail.
 */
export function toRow(entry: AuditEntry, at: string): AuditRow {
  return {
    at,
    action: entry.action,
    user_id: clip(entry.userId ?? null, 64),
    user_name: clip(entry.userName ?? null, 300),
    role: clip(entry.role ?? null, 16),
    login: loginOf(entry),
    case_id: clip(entry.caseId ?? null, 36),
    target_user_id: clip(entry.targetUserId ?? null, 64),
    detail: detailJson(entry.detail),
    address: clip(entry.address ?? null, 64),
  };
}

/**
 * The login as typed, masked where it may not be a login at all: a failed sign-in under a login that names nobody
 * (a password typed into the login field, a mistyped name) keeps only a short hash of it — enough to see the same
 * unknown login tried again and again, not to read what was typed.
 */
function loginOf(entry: AuditEntry): string | null {
  const login = clip(entry.login ?? null, 120);
  if (login === null) return null;
  if (entry.action === 'auth.sign_in_failed' && entry.userId === null)
    return `#${createHash('sha256').update(login.toLowerCase()).digest('hex').slice(0, 12)}`;
  return mask(login);
}

function detailJson(detail: AuditEntry['detail']): string | null {
  if (!detail) return null;
  const kept: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(detail).slice(0, 20)) {
    if (value === null || typeof value === 'number' || typeof value === 'boolean') kept[key.slice(0, 40)] = value;
    else if (typeof value === 'string') kept[key.slice(0, 40)] = mask(value.slice(0, 200));
  }
  return Object.keys(kept).length > 0 ? JSON.stringify(kept) : null;
}

function clip(value: string | null, max: number): string | null {
  return value === null ? null : String(value).slice(0, max);
}

function mask(value: string): string;
function mask(value: string | null): string | null;
function mask(value: string | null): string | null {
  return value === null ? null : value.replace(TWELVE_DIGITS, MASK);
}
