import { Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { DatabaseAccess } from './database-access';
import { DeadlineEntity } from './deadline.entity';
import { CaseEntity } from './entities/case.entity';
import { CaseEventEntity } from './entities/case-event.entity';
import { ConfidentialNoteEntity } from './entities/confidential-note.entity';

export interface PlannedDeadline {
  key: string;
  type: string;
  /** null for a deadline of the case (the hearing reminder). */
  claimId: string | null;
  dueDate: string;
  payload: Record<string, unknown>;
}

export interface NewOutboxRow {
  id: string;
  caseId: string;
  effectType: string;
  params: unknown;
  idempotencyKey: string;
  createdAt: string;
}

/**
 * The store's statements, one intent each, all given the transaction's EntityManager. Only the workflow
 * module uses them. The statements of every event (load, compare-and-set, history, outbox) are written as
 * SQL: TypeORM's query builder cost more CPU than SQLite itself (npm run bench).
 */
@Injectable()
export class WorkflowRepository {
  constructor(private readonly access: DatabaseAccess) {}

  private sql(text: string): string {
    return this.access.sql(text);
  }

  /** The case as committed, through the row cache; see DatabaseAccess.loadCase. */
  findCase(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseEntity | null> {
    return this.access.loadCase(em, id, opts);
  }

  async nextCaseNumber(em: EntityManager, year: number): Promise<string> {
    const prefix = `МД-${year}-`;
    // PostgreSQL runs creates concurrently: without this, two read the same MAX and one fails on the unique
    // number. The lock is held until the transaction that inserts the case commits.
    if (this.access.postgres) await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [prefix]);
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
    this.access.cache?.wrote(entity);
  }

  /** Compare-and-set: false when somebody else wrote the case since `expectedVersion` was read. */
  async saveIfVersion(
    em: EntityManager,
    entity: CaseEntity,
    expectedVersion: number,
    applicationChanged = false,
  ): Promise<boolean> {
    const set = applicationChanged ? ', application = ?' : '';
    const params: unknown[] = [JSON.stringify(entity.snapshot), entity.state, entity.version, entity.updatedAt];
    if (applicationChanged) params.push(JSON.stringify(entity.application));
    params.push(entity.id, expectedVersion);
    const sql = this.sql(
      `UPDATE cases SET snapshot = ?, state = ?, version = ?, updated_at = ?${set} WHERE id = ? AND version = ?`,
    );
    if (!em.queryRunner) throw new Error('saveIfVersion runs inside a transaction');
    const sent = em.queryRunner.query(sql, params, true); // structured: the affected row count, both drivers
    // Cached as sent: a later job of the group may start before the result is back (a failure evicts it).
    this.access.cache?.wrote(entity);
    const result = await sent.catch((e: unknown) => {
      this.access.cache?.evict(entity.id);
      throw e;
    });
    if (result.affected !== 1) {
      this.access.cache?.evict(entity.id);
      return false;
    }
    return true;
  }

  /** Forget the cached row (a job that failed after its compare-and-set, or a conflict). */
  forget(id: string): void {
    this.access.cache?.evict(id);
  }

  async currentVersion(em: EntityManager, id: string): Promise<number | null> {
    const rows: { version: number }[] = await em.query(this.sql('SELECT version FROM cases WHERE id = ?'), [id]);
    return rows.length ? Number(rows[0].version) : null;
  }

  async appendHistory(em: EntityManager, e: Omit<CaseEventEntity, 'id'>): Promise<void> {
    await em.query(
      this.sql(
        'INSERT INTO case_events (case_id, seq, type, claim_id, actor_role, actor_name, actor_user_id, event_date, recorded_at, payload, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      [
        e.caseId,
        e.seq,
        e.type,
        e.claimId,
        e.actorRole,
        e.actorName,
        e.actorUserId,
        e.eventDate,
        e.recordedAt,
        JSON.stringify(e.payload),
        e.stateBefore,
        e.stateAfter,
      ],
    );
  }

  async storeNote(em: EntityManager, note: ConfidentialNoteEntity): Promise<void> {
    await em.insert(ConfidentialNoteEntity, note);
  }

  /** The effects of one event, in the event's transaction; the dispatcher runs them after commit. */
  async insertOutbox(em: EntityManager, rows: NewOutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map(() => "(?, ?, ?, ?, ?, 'pending', 0, ?, ?)").join(', ');
    const params = rows.flatMap((r) => [
      r.id,
      r.caseId,
      r.effectType,
      JSON.stringify(r.params ?? null),
      r.idempotencyKey,
      r.createdAt,
      r.createdAt,
    ]);
    await em.query(
      this.sql(
        `INSERT INTO outbox (id, case_id, effect_type, params, idempotency_key, status, attempts, available_at, created_at) VALUES ${values}`,
      ),
      params,
    );
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
        await em.insert(DeadlineEntity, { ...p, caseId, status: 'pending', firedAt: null } as never);
      } else if (
        current.status === 'pending' &&
        (current.dueDate !== p.dueDate || JSON.stringify(current.payload) !== JSON.stringify(p.payload))
      ) {
        await em.update(DeadlineEntity, { key: p.key }, { dueDate: p.dueDate, payload: p.payload as never });
      }
    }
    const stale = existing.filter((d) => d.status === 'pending' && !plannedKeys.has(d.key)).map((d) => d.key);
    if (stale.length) await em.update(DeadlineEntity, { key: In(stale) }, { status: 'cancelled' });
  }

  /** pending → fired, only if still pending: the guarantee that a deadline never fires twice. */
  async markDeadlineFired(em: EntityManager, key: string, at: string): Promise<boolean> {
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
