import { Injectable } from '@nestjs/common';
import { WorkflowStore } from '../workflow/workflow.store';
import { writeCaseStatistics } from './statistics-index';

/** Registers the statistics' write hook: case_facts and case_stats follow every case write, in its transaction. */
@Injectable()
export class StatisticsIndexer {
  constructor(store: WorkflowStore) {
    store.addWriteHook((em, written) =>
      writeCaseStatistics(
        { query: (sql, params) => em.query(sql, params) },
        em.connection.options.type === 'postgres',
        {
          id: written.case.id,
          state: written.case.state,
          createdAt: written.case.createdAt,
          application: written.case.application,
          snapshot: written.case.snapshot,
          event: written.before ? written.event : undefined,
          eventDate: written.eventDate,
          applicationUnchanged: written.previous?.application !== undefined,
        },
      ),
    );
  }
}
