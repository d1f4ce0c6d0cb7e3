import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { GroupCommitQueue } from '../workflow/group-commit';
import { CaseRowCache } from './case-row-cache';
import { DeadlineEntity } from '../workflow/deadline.entity';
import { CaseEntity } from './entities/case.entity';
import { CaseEventEntity } from './entities/case-event.entity';
import { ConfidentialNoteEntity } from './entities/confidential-note.entity';

export interface PlannedDeadline {
  key: string;
  type: string;
  claimId: string;
  dueDate: string;
  payload: Record<string, unknown>;
}

/** Data access for cases, with intent-named methods. All of it runs inside `atomically` or `read`. */
@Injectable()
export class CasesRepository {
  /** On SQLite all access goes through one queue that commits writes in groups; PostgreSQL has real concurrency. */
  private readonly queue: GroupCommitQueue | null;
  private readonly cache: CaseRowCache | null;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.cache = db.options.type === 'sqlite' ? new CaseRowCache() : null;
    this.queue = this.cache ? new GroupCommitQueue(db, this.cache) : null;
    if (this.cache) {
      // Statements run in the order issued, so the writes of one event can be sent together (see CasesService).
      (db.driver as unknown as { databaseConnection: { serialize(): void } }).databaseConnection.serialize();
    }
  }

  /** True on SQLite: statements run in the order issued, so one event's writes may be sent without waiting. */
  get pipelinesWrites(): boolean {
    return this.cache !== null;
  }

  /** All of `work` is written, or none of it. */
  atomically<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.queue ? this.queue.write(work) : this.db.transaction(work);
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.queue ? this.queue.read(work) : work(this.db.manager);
  }

  /**
   * The three statements of every event (load, compare-and-set, append history) are written as SQL:
   * TypeORM's query builder cost more CPU than SQLite itself (npm run bench).
   */
  async findCase(em: EntityManager, id: string): Promise<CaseEntity | null> {
    const cached = this.cache?.get(id);
    if (cached) return cached;
    const rows: Record<string, unknown>[] = await em.query(this.sql('SELECT * FROM cases WHERE id = ?'), [id]);
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
      application: JSON.parse(r.application as string),
      snapshot: JSON.parse(r.snapshot as string),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
    this.cache?.loaded(entity);
    return entity;
  }

  /** `?` placeholders, numbered for PostgreSQL. */
  private sql(text: string): string {
    if (this.db.options.type !== 'postgres') return text;
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  }

  async nextCaseNumber(em: EntityManager, year: number): Promise<string> {
    const prefix = `МД-${year}-`;
    // PostgreSQL runs creates concurrently: without this, two read the same MAX and one fails on the unique
    // number. The lock is held until the transaction that inserts the case commits.
    if (this.db.options.type === 'postgres') await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [prefix]);
    const row = await em
      .createQueryBuilder(CaseEntity, 'c')
      .select('MAX(c.number)', 'max')
      .where('c.number LIKE :p', { p: `${prefix}%` })
      .getRawOne<{ max: string | null }>();
    const last = row?.max ? Number(row.max.slice(prefix.length)) : 0;
    return `${prefix}${String(last + 1).padStart(6, '0')}`;
  }

  async insertCase(em: EntityManager, entity: CaseEntity): Promise<void> {
    await em.insert(CaseEntity, entity as never);
    this.cache?.wrote(entity);
  }

  /** Compare-and-set: false when somebody else wrote the case since `expectedVersion` was read. */
  async saveIfVersion(em: EntityManager, entity: CaseEntity, expectedVersion: number, applicationChanged = false): Promise<boolean> {
    const set = applicationChanged ? ', application = ?' : '';
    const params: unknown[] = [JSON.stringify(entity.snapshot), entity.state, entity.version, entity.updatedAt];
    if (applicationChanged) params.push(JSON.stringify(entity.application));
    params.push(entity.id, expectedVersion);
    const sql = this.sql(`UPDATE cases SET snapshot = ?, state = ?, version = ?, updated_at = ?${set} WHERE id = ? AND version = ?`);
    if (!em.queryRunner) throw new Error('saveIfVersion runs inside atomically()');
    const result = await em.queryRunner.query(sql, params, true); // structured: the affected row count, both drivers
    if (result.affected !== 1) {
      this.cache?.evict(entity.id);
      return false;
    }
    this.cache?.wrote(entity);
    return true;
  }

  async currentVersion(em: EntityManager, id: string): Promise<number | null> {
    const rows: { version: number }[] = await em.query(this.sql('SELECT version FROM cases WHERE id = ?'), [id]);
    return rows.length ? Number(rows[0].version) : null;
  }

  async appendHistory(em: EntityManager, e: Omit<CaseEventEntity, 'id'>): Promise<void> {
    await em.query(
      this.sql(
        'INSERT INTO case_events (case_id, seq, type, claim_id, actor_role, actor_name, event_date, recorded_at, payload, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      [e.caseId, e.seq, e.type, e.claimId, e.actorRole, e.actorName, e.eventDate, e.recordedAt, JSON.stringify(e.payload), e.stateBefore, e.stateAfter],
    );
  }

  history(em: EntityManager, caseId: string): Promise<CaseEventEntity[]> {
    return em.find(CaseEventEntity, { where: { caseId }, order: { seq: 'ASC' } });
  }

  async storeNote(em: EntityManager, note: ConfidentialNoteEntity): Promise<void> {
    await em.insert(ConfidentialNoteEntity, note);
  }

  /**
   * Makes the stored deadlines of a case match what the machines now wait for: new ones pending,
   * ones no longer awaited cancelled. A fired deadline stays fired (its key is never reused).
   */
  async syncDeadlines(em: EntityManager, caseId: string, planned: PlannedDeadline[]): Promise<void> {
    const existing = await em.find(DeadlineEntity, { where: { caseId } });
    const byKey = new Map(existing.map((d) => [d.key, d]));
    const plannedKeys = new Set(planned.map((p) => p.key));
    for (const p of planned) {
      const current = byKey.get(p.key);
      if (!current) {
        await em.insert(DeadlineEntity, { ...p, caseId, status: "pending", firedAt: null } as never);
      } else if (current.status === 'pending' && (current.dueDate !== p.dueDate || JSON.stringify(current.payload) !== JSON.stringify(p.payload))) {
        await em.update(DeadlineEntity, { key: p.key }, { dueDate: p.dueDate, payload: p.payload as never });
      }
    }
    const stale = existing.filter((d) => d.status === 'pending' && !plannedKeys.has(d.key)).map((d) => d.key);
    if (stale.length) await em.update(DeadlineEntity, { key: In(stale) }, { status: 'cancelled' });
  }

  /** pending → fired, only if still pending: the guarantee that a deadline never fires twice. */
  async markDeadlineFired(em: EntityManager, key: string, at: string): Promise<boolean> {
    // PostgreSQL: lock the case row before the deadline row, in the order an event takes them (case, then
    // its deadlines); otherwise the sweeper and a user's event on the same case deadlock and one gets a 500.
    if (this.db.options.type === 'postgres') {
      await em.query('SELECT 1 FROM cases WHERE id = (SELECT case_id FROM deadlines WHERE key = $1) FOR UPDATE', [key]);
    }
    const r = await em.update(DeadlineEntity, { key, status: 'pending' }, { status: 'fired', firedAt: at });
    return r.affected === 1;
  }

  async markDeadlineCancelled(em: EntityManager, key: string): Promise<void> {
    await em.update(DeadlineEntity, { key, status: 'pending' }, { status: 'cancelled' });
  }

  dueDeadlines(em: EntityManager, today: string, limit: number): Promise<DeadlineEntity[]> {
    return em
      .createQueryBuilder(DeadlineEntity, 'd')
      .where('d.status = :s', { s: 'pending' })
      .andWhere('d.due_date <= :today', { today })
      .orderBy('d.due_date', 'ASC')
      .addOrderBy('d.key', 'ASC')
      .limit(limit)
      .getMany();
  }

  deadlinesOf(em: EntityManager, caseId: string): Promise<DeadlineEntity[]> {
    return em.find(DeadlineEntity, { where: { caseId, status: Not('cancelled') }, order: { dueDate: 'ASC' } });
  }
}
