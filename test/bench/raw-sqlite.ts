/**
 * The ceiling for `engine/raw ratio`: the statements the engine issues for one event, sent straight through
 * the same sqlite3 driver to a file with the engine's tables, indexes and settings, by the same 50 callers.
 *
 * Per event (src/workflow/workflow.repository.ts, WorkflowStore.write):
 *   SELECT * FROM cases WHERE id = ?                                   — load the case row, if the engine does
 *   UPDATE cases SET snapshot = ?, state = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?
 *                                                                      — compare-and-set of the snapshot JSON
 *   INSERT INTO case_events (…11 columns…)                             — the history row
 * plus the deadline statements when an event changes what is awaited (`session.held` changes nothing, and the
 * engine issues none for it). run.ts counts the statements the engine sends and prints them: today its row
 * cache answers the load of a recently written case, so it sends no SELECT, and neither does the raw side then
 * (`loadRow: false` — it keeps each case's version in memory, as the engine's cache does, and the UPDATE still
 * checks it). Were the raw side to read a row the engine does not, the ceiling would be lowered and the ratio
 * flattered.
 *
 * Strategy: group commit, the best SQLite allows at 50 concurrent callers. SQLite has one writer per file, so
 * more connections only add lock waits (SQLITE_BUSY and retries); one transaction per event pays one WAL
 * fsync per event (synchronous=FULL: ~2,500/s here). Instead the callers' events queue up, and everything
 * queued is written in one transaction: BEGIN, (the SELECTs of the whole group at once,) all UPDATEs and
 * INSERTs at once, COMMIT — one fsync per group, every statement prepared once and reused, no savepoints, no
 * ORM, no state machine. (Unprepared statements pipelined through `db.serialize()`, as the engine sends them,
 * measured no faster here, on a busy machine.) A caller is answered only after the COMMIT that holds its event,
 * as the engine's callers are, so both sides promise the same durability. It is a fair ceiling: it reads and
 * writes nothing the engine does not, and skips what the engine pays for correctness — a savepoint per event
 * (so that one failing event does not fail its group), the machine transition, the JSON of the snapshot.
 */
import sqlite3 from 'sqlite3';

export interface RawSettings {
  synchronous: number;
  foreignKeys: number;
  /** CREATE TABLE / CREATE INDEX statements of `cases` and `case_events`, as the engine's migrations made them. */
  schema: string[];
  /** Read the case row before writing it (when the engine does). */
  loadRow: boolean;
  /**
   * Other tables the engine reads a row of, by `case_id`, for every event (counted in run.ts): their rows for the
   * bench's cases; the raw side reads them too (`SELECT * FROM <table> WHERE case_id = ?`), in the read phase.
   */
  pointReads?: Record<string, Record<string, unknown>[]>;
}

/** A case row as the engine stored it: the raw side writes the same snapshot bytes back, version by version. */
export interface RawCase {
  id: string;
  row: Record<string, unknown>;
  /** The values of the history row the engine appended for the same event (seq is filled in per event). */
  history: Record<string, unknown>;
}

interface Job {
  caseId: string;
  resolve: () => void;
  reject: (e: unknown) => void;
}

const CASE_COLUMNS = [
  'id',
  'number',
  'procedure',
  'state',
  'search_text',
  'version',
  'machine_id',
  'machine_version',
  'application',
  'snapshot',
  'created_at',
  'updated_at',
];
const EVENT_COLUMNS = [
  'case_id',
  'seq',
  'type',
  'claim_id',
  'actor_role',
  'actor_name',
  'event_date',
  'recorded_at',
  'payload',
  'state_before',
  'state_after',
];

function promisify<T>(start: (cb: (err: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value as T))));
}

export class RawSqlite {
  private readonly jobs: Job[] = [];
  private draining = false;
  private groups = 0;
  /** Diagnostic only: await each event's savepoint and writes before the next, as the engine's group commit does. */
  private eventByEvent = false;
  private readonly cases = new Map<string, RawCase>();
  private readonly versions = new Map<string, number>();
  private select!: sqlite3.Statement;
  private readonly pointReads: sqlite3.Statement[] = [];
  private update!: sqlite3.Statement;
  private insert!: sqlite3.Statement;

  private constructor(
    private readonly db: sqlite3.Database,
    private readonly loadRow: boolean,
  ) {}

  static async open(path: string, settings: RawSettings, cases: RawCase[]): Promise<RawSqlite> {
    const db = await promisify<sqlite3.Database>((cb) => {
      const d: sqlite3.Database = new sqlite3.Database(path, (err) => cb(err, d));
    });
    const raw = new RawSqlite(db, settings.loadRow);
    await raw.exec('PRAGMA journal_mode = WAL');
    await raw.exec(`PRAGMA synchronous = ${settings.synchronous}`);
    await raw.exec(`PRAGMA foreign_keys = ${settings.foreignKeys}`);
    for (const sql of settings.schema) await raw.exec(sql);
    for (const c of cases) {
      await promisify((cb) =>
        db.run(
          `INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES (${CASE_COLUMNS.map(() => '?').join(', ')})`,
          CASE_COLUMNS.map((k) => c.row[k]),
          cb,
        ),
      );
      raw.cases.set(c.id, c);
      raw.versions.set(c.id, Number(c.row.version));
    }
    for (const [table, rows] of Object.entries(settings.pointReads ?? {})) {
      for (const row of rows) {
        const columns = Object.keys(row);
        await promisify((cb) =>
          db.run(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
            Object.values(row),
            cb,
          ),
        );
      }
      raw.pointReads.push(await raw.prepare(`SELECT * FROM ${table} WHERE case_id = ?`));
    }
    raw.select = await raw.prepare('SELECT * FROM cases WHERE id = ?');
    raw.update = await raw.prepare(
      'UPDATE cases SET snapshot = ?, state = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?',
    );
    raw.insert = await raw.prepare(
      `INSERT INTO case_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`,
    );
    return raw;
  }

  /** The effective settings, read back from the file (to print beside the engine's). */
  async pragmas(): Promise<{ journal_mode: string; synchronous: number; foreign_keys: number }> {
    const get = (sql: string) => promisify<Record<string, unknown>>((cb) => this.db.get(sql, cb));
    return {
      journal_mode: String((await get('PRAGMA journal_mode')).journal_mode),
      synchronous: Number((await get('PRAGMA synchronous')).synchronous),
      foreign_keys: Number((await get('PRAGMA foreign_keys')).foreign_keys),
    };
  }

  /**
   * `total` events from one caller per case, all at once; events per second. `eventByEvent` paces the writes as
   * the engine does (run.ts shows it with --verbose): it tells the round-trips' share of the gap from the rest.
   */
  async run(total: number, { eventByEvent = false } = {}): Promise<{ perSecond: number; groups: number }> {
    this.eventByEvent = eventByEvent;
    const ids = [...this.cases.keys()];
    let started = 0;
    const groupsBefore = this.groups;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      ids.map(async (id) => {
        while (started < total) {
          started++;
          await this.event(id);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { perSecond: started / seconds, groups: this.groups - groupsBefore };
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      for (const s of [this.select, this.update, this.insert, ...this.pointReads]) s?.finalize();
      this.db.close(() => resolve());
    });
  }

  private event(caseId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ caseId, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.jobs.length > 0) await this.commitGroup(this.jobs.splice(0, this.jobs.length));
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: Job[]): Promise<void> {
    this.groups++;
    try {
      await this.exec('BEGIN');
      // A prepared statement runs its calls in order; different statements may interleave, which is why each
      // phase is awaited before the next one starts (the UPDATE needs the version the SELECT read).
      const get = (statement: sqlite3.Statement, id: string) =>
        promisify<Record<string, unknown> | undefined>((cb) => statement.get([id], cb));
      const [rows] = await Promise.all([
        this.loadRow ? Promise.all(group.map((j) => get(this.select, j.caseId))) : null,
        ...this.pointReads.map((statement) => Promise.all(group.map((j) => get(statement, j.caseId)))),
      ]);
      const versions = rows
        ? rows.map((r) => Number(r?.version))
        : group.map((j) => this.versions.get(j.caseId) as number);
      const now = new Date().toISOString();
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < group.length; i++) {
        if (this.eventByEvent) {
          // The engine's pace (diagnostic): a savepoint, then the event's writes, each awaited before the next event.
          await this.exec('SAVEPOINT group_write');
          const failed = (await Promise.allSettled(this.writeEvent(group[i].caseId, versions[i], now))).find(
            (r) => r.status === 'rejected',
          );
          if (failed) throw failed.reason;
        } else {
          writes.push(...this.writeEvent(group[i].caseId, versions[i], now));
        }
      }
      const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      await this.exec('COMMIT');
      group.forEach((job, i) => this.versions.set(job.caseId, versions[i] + 1));
    } catch (e) {
      await this.exec('ROLLBACK').catch(() => undefined);
      for (const job of group) job.reject(e);
      return;
    }
    for (const job of group) job.resolve();
  }

  /** The compare-and-set UPDATE and the history INSERT of one event, sent at once. */
  private writeEvent(caseId: string, version: number, now: string): Promise<unknown>[] {
    const c = this.cases.get(caseId) as RawCase;
    const update = new Promise<void>((resolve, reject) =>
      this.update.run(
        [c.row.snapshot, c.row.state, version + 1, now, caseId, version],
        function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else if (this.changes !== 1) reject(new Error(`compare-and-set failed on ${caseId}`));
          else resolve();
        },
      ),
    );
    const history: Record<string, unknown> = { ...c.history, case_id: caseId, seq: version + 1, recorded_at: now };
    const insert = promisify((cb) =>
      this.insert.run(
        EVENT_COLUMNS.map((k) => history[k]),
        cb,
      ),
    );
    return [update, insert];
  }

  private exec(sql: string): Promise<void> {
    return promisify((cb) => this.db.run(sql, cb));
  }

  private prepare(sql: string): Promise<sqlite3.Statement> {
    return promisify<sqlite3.Statement>((cb) => {
      const s: sqlite3.Statement = this.db.prepare(sql, (err) => cb(err, s));
    });
  }
}
