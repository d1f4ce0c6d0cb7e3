import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DatabaseAccess } from './database-access';

/** One outbox row as a handler sees it. */
export interface OutboxEffect {
  id: string;
  caseId: string;
  type: string;
  params: unknown;
  /** Stable for the row (`<case id>:<case version>:<index>`): pass it to anything outside that deduplicates. */
  idempotencyKey: string;
  /** 1 on the first run. */
  attempt: number;
}

export type OutboxHandler = (effect: OutboxEffect) => Promise<void>;

interface Row {
  id: string;
  case_id: string;
  effect_type: string;
  params: string;
  idempotency_key: string;
  status: string;
  attempts: number | string;
}

/**
 * Runs the effects written to the outbox, after the commit of the event that wrote them.
 *
 * Other modules register a handler per effect type (`register('document.freeze', …)` in their
 * onModuleInit). Every row is claimed before its handler runs, by a compare-and-set on (status,
 * attempts): of two service instances on one PostgreSQL database only one claims a row, so a handler
 * runs once per row. Done rows are marked done; a failing handler is tried again with exponential
 * backoff and, after `maxAttempts`, the row is marked failed with its last error. Rows left pending (a
 * crash between the commit and the handler) run at start-up and on every poll; a row whose claimer
 * died mid-run is claimed again once its lease expires (at start-up on SQLite, where this process is the
 * file's only writer) — so a handler must tolerate, through the idempotency key, the rare second run
 * after a crash in its middle.
 *
 * An effect type nobody handles yet stays pending (its handler may come with a later version, and then
 * runs it) and is logged once per process as a warning, with the number of rows waiting at start-up.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxDispatcher.name);
  readonly settings = {
    maxAttempts: 5,
    retryBaseMs: 1000,
    retryMaxMs: 5 * 60_000,
    pollMs: 5000,
    leaseMs: 5 * 60_000,
    batch: 50,
  };
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, OutboxHandler>();
  private readonly warned = new Set<string>();
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private poll: NodeJS.Timeout | null = null;
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly access: DatabaseAccess) {}

  register(effectType: string, handler: OutboxHandler): void {
    if (this.handlers.has(effectType)) throw new Error(`An outbox handler for ${effectType} is already registered`);
    this.handlers.set(effectType, handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.access.postgres) {
      // This process holds the SQLite file alone (SqliteWriterLock): a row still running was left by a dead one.
      await this.access.atomically((em) =>
        em.query(`UPDATE outbox SET status = 'pending', claimed_by = NULL WHERE status = 'running'`),
      );
    }
    const waiting: { effect_type: string; n: number | string }[] = await this.access.read((em) =>
      em.query(`SELECT effect_type, COUNT(*) AS n FROM outbox WHERE status = 'pending' GROUP BY effect_type`),
    );
    for (const w of waiting) this.warnUnhandled(w.effect_type, Number(w.n));
    void this.dispatch();
    this.poll = setInterval(() => void this.dispatch(), this.settings.pollMs);
    this.poll.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.poll) clearInterval(this.poll);
    for (const t of this.retryTimers) clearTimeout(t);
    await this.running?.catch(() => undefined);
  }

  /** Something was committed with these effect types: run what is due (not awaited by the caller). */
  kick(types: string[] = []): void {
    for (const type of types) this.warnUnhandled(type, 1);
    void this.dispatch();
  }

  /** One pass over the due rows; concurrent calls share the pass, and a call during one runs another after it. */
  dispatch(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const loop = async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.stopping);
    };
    this.running = loop()
      .catch((e) => this.logger.error(`outbox pass failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  private warnUnhandled(type: string, rows: number): void {
    if (this.handlers.has(type) || this.warned.has(type)) return;
    this.warned.add(type);
    this.logger.warn(`no outbox handler for effect type ${type}: ${rows} row(s) left pending until one is registered`);
  }

  private async pass(): Promise<void> {
    const types = [...this.handlers.keys()];
    if (types.length === 0) return;
    for (;;) {
      const now = new Date();
      const leaseEnd = new Date(now.getTime() - this.settings.leaseMs).toISOString();
      const rows: Row[] = await this.access.read((em) =>
        em.query(
          this.access.sql(
            `SELECT id, case_id, effect_type, params, idempotency_key, status, attempts FROM outbox
              WHERE effect_type IN (${types.map(() => '?').join(', ')})
                AND ((status = 'pending' AND available_at <= ?) OR (status = 'running' AND claimed_at <= ?))
              ORDER BY created_at, id LIMIT ${this.settings.batch}`,
          ),
          [...types, now.toISOString(), leaseEnd],
        ),
      );
      let claimed = 0;
      for (const row of rows) {
        if (this.stopping) return;
        if (!(await this.claim(row))) continue; // another instance has it
        claimed++;
        await this.run(row, Number(row.attempts) + 1);
      }
      if (claimed === 0) return;
    }
  }

  /** pending (or running past its lease) → running by this instance, if nobody changed the row since it was read. */
  private claim(row: Row): Promise<boolean> {
    return this.update(
      `UPDATE outbox SET status = 'running', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE id = ? AND status = ? AND attempts = ?`,
      [this.instanceId, new Date().toISOString(), row.id, row.status, Number(row.attempts)],
    );
  }

  private async run(row: Row, attempt: number): Promise<void> {
    const handler = this.handlers.get(row.effect_type) as OutboxHandler;
    const mine = `id = ? AND status = 'running' AND claimed_by = ? AND attempts = ?`;
    try {
      await handler({
        id: row.id,
        caseId: row.case_id,
        type: row.effect_type,
        params: JSON.parse(row.params),
        idempotencyKey: row.idempotency_key,
        attempt,
      });
    } catch (e) {
      const error = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 2000);
      const now = Date.now();
      if (attempt >= this.settings.maxAttempts) {
        await this.update(`UPDATE outbox SET status = 'failed', processed_at = ?, last_error = ? WHERE ${mine}`, [
          new Date(now).toISOString(),
          error,
          row.id,
          this.instanceId,
          attempt,
        ]);
        // The error text stays in the table: it may quote personal data, which never goes to the logs.
        this.logger.error(
          `outbox ${row.effect_type} ${row.id} failed after ${attempt} attempt(s); see outbox.last_error`,
        );
        return;
      }
      const delay =
        Math.min(this.settings.retryMaxMs, this.settings.retryBaseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      await this.update(
        `UPDATE outbox SET status = 'pending', claimed_by = NULL, available_at = ?, last_error = ? WHERE ${mine}`,
        [new Date(now + delay).toISOString(), error, row.id, this.instanceId, attempt],
      );
      this.logger.warn(
        `outbox ${row.effect_type} ${row.id} attempt ${attempt} failed; next in ${Math.round(delay)} ms`,
      );
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        void this.dispatch();
      }, delay + 5);
      timer.unref();
      this.retryTimers.add(timer);
      return;
    }
    await this.update(`UPDATE outbox SET status = 'done', processed_at = ?, last_error = NULL WHERE ${mine}`, [
      new Date().toISOString(),
      row.id,
      this.instanceId,
      attempt,
    ]);
  }

  private update(sql: string, params: unknown[]): Promise<boolean> {
    return this.access.atomically(async (em) => {
      const result = await em.queryRunner!.query(this.access.sql(sql), params, true);
      return result.affected === 1;
    });
  }
}
