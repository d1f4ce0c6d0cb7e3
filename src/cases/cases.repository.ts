import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { SerialGate } from '../workflow/serial-gate';
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
  private readonly gate = new SerialGate();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One transaction, alone on the connection: all of it is written, or none of it. */
  atomically<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const run = () => this.db.transaction(work);
    return this.db.options.type === 'sqlite' ? this.gate.run(run) : run();
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const run = () => work(this.db.manager);
    return this.db.options.type === 'sqlite' ? this.gate.run(run) : run();
  }

  findCase(em: EntityManager, id: string): Promise<CaseEntity | null> {
    return em.findOne(CaseEntity, { where: { id } });
  }

  async nextCaseNumber(em: EntityManager, year: number): Promise<string> {
    const prefix = `МД-${year}-`;
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
  }

  /** Compare-and-set: false when somebody else wrote the case since `expectedVersion` was read. */
  async saveIfVersion(em: EntityManager, entity: CaseEntity, expectedVersion: number): Promise<boolean> {
    const result = await em.update(
      CaseEntity,
      { id: entity.id, version: expectedVersion },
      { snapshot: entity.snapshot as never, state: entity.state, version: entity.version, updatedAt: entity.updatedAt, application: entity.application as never },
    );
    return result.affected === 1;
  }

  async appendHistory(em: EntityManager, event: Omit<CaseEventEntity, 'id'>): Promise<void> {
    await em.insert(CaseEventEntity, event as never);
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

  async listCases(
    em: EntityManager,
    filter: { state?: string; q?: string; page: number; pageSize: number },
  ): Promise<{ items: CaseEntity[]; total: number }> {
    const qb = em.createQueryBuilder(CaseEntity, 'c');
    if (filter.state) qb.andWhere('c.state = :state', { state: filter.state });
    if (filter.q) qb.andWhere('c.search_text LIKE :q', { q: `%${filter.q.toLowerCase().replace(/[%_]/g, '')}%` });
    qb.orderBy('c.created_at', 'DESC').addOrderBy('c.number', 'DESC');
    qb.skip((filter.page - 1) * filter.pageSize).take(filter.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
