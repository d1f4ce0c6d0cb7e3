import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { DatabaseAccess } from '../workflow/database-access';
import { DeadlineEntity } from '../workflow/deadline.entity';
import { CaseEntity } from '../workflow/entities/case.entity';
import { CaseEventEntity } from '../workflow/entities/case-event.entity';

/**
 * Reading cases, with intent-named methods; all of it runs inside `read`. Cases are written only by the
 * workflow store (src/workflow/workflow.store.ts).
 */
@Injectable()
export class CasesRepository {
  constructor(private readonly access: DatabaseAccess) {}

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.access.read(work);
  }

  /** Rows that are not cases (issued documents): all of `work` is written, or none of it. */
  atomically<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.access.atomically(work);
  }

  /** The case as committed (on SQLite from the row cache when recently used). */
  findCase(em: EntityManager, id: string): Promise<CaseEntity | null> {
    return this.access.loadCase(em, id);
  }

  history(em: EntityManager, caseId: string): Promise<CaseEventEntity[]> {
    return em.find(CaseEventEntity, { where: { caseId }, order: { seq: 'ASC' } });
  }

  deadlinesOf(em: EntityManager, caseId: string): Promise<DeadlineEntity[]> {
    return em.find(DeadlineEntity, { where: { caseId, status: Not('cancelled') }, order: { dueDate: 'ASC' } });
  }
}
