import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from './entities/case.entity';
import { CaseRowCache } from './case-row-cache';
import { GroupCommitQueue } from './group-commit';
import { SqliteWriterLock } from './sqlite-writer-lock';

/**
 * How the workflow store reaches its database. On SQLite all access goes through one queue that commits
 * writes in groups, statements run in the order issued (so one event's writes are sent together), and the
 * last committed row of recent cases is cached; PostgreSQL has real concurrency and none of this.
 * Private to the workflow module, apart from `read`/`atomically` for the read side and issued documents.
 */
@Injectable()
export class DatabaseAccess {
  readonly queue: GroupCommitQueue | null;
  readonly cache: CaseRowCache | null;
  readonly postgres: boolean;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Held before anything is cached: the cache is right only while this process is the file's one writer.
    @Inject(SqliteWriterLock) readonly writerLock: SqliteWriterLock | null,
  ) {
    this.postgres = db.options.type === 'postgres';
    this.cache = db.options.type === 'sqlite' ? new CaseRowCache() : null;
    this.queue = this.cache ? new GroupCommitQueue(db, this.cache) : null;
    if (this.cache) {
      (db.driver as unknown as { databaseConnection: { serialize(): void } }).databaseConnection.serialize();
    }
  }

  /** True on SQLite: statements run in the order issued, so one event's writes may be sent without waiting. */
  get pipelinesWrites(): boolean {
    return this.cache !== null;
  }

  /**
   * Inside `atomically` on SQLite: the job has sent all its statements and only awaits their results, so the
   * next job of the commit group may start behind them (see GroupCommitQueue.pipelined). Does nothing elsewhere.
   */
  issued(): void {
    this.queue?.issued();
  }

  /** All of `work` is written, or none of it. */
  atomically<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.queue ? this.queue.write(work) : this.db.transaction(work);
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.queue ? this.queue.read(work) : work(this.db.manager);
  }

  /**
   * The case as committed (or as written earlier in this group, on SQLite). With `forUpdate`, on
   * PostgreSQL the row stays locked until the transaction ends: concurrent events on one case queue up
   * on the row instead of losing the compare-and-set, and every lock is taken case first, deadlines after.
   */
  async loadCase(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseEntity | null> {
    const cached = this.cache?.get(id);
    if (cached) return cached;
    const lock = opts.forUpdate && this.postgres ? ' FOR UPDATE' : '';
    const rows: Record<string, unknown>[] = await em.query(this.sql(`SELECT * FROM cases WHERE id = ?${lock}`), [id]);
    if (rows.length === 0) return null;
    const r = rows[0];
    const entity = Object.assign(new CaseEntity(), {
      id: r.id,
      number: r.number,
      procedure: r.procedure,
      state: r.state,
      searchText: r.search_text,
      version: Number(r.version),
      machineId: r.machine_id,
      machineVersion: Number(r.machine_version),
      application: JSON.parse(r.application as string) as CaseEntity['application'],
      snapshot: JSON.parse(r.snapshot as string) as CaseEntity['snapshot'],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
    this.cache?.loaded(entity);
    return entity;
  }

  /** `?` placeholders, numbered for PostgreSQL. */
  sql(text: string): string {
    if (!this.postgres) return text;
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  }
}
