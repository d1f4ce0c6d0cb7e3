import { Injectable } from '@nestjs/common';
import { WorkflowStore } from '../workflow/workflow.store';
import { localDateIn, PRODUCT_TIME_ZONE } from '../common/clock';
import { figuresUnchanged } from './domain/statistics-cells';
import { writeCaseStatistics } from './statistics-index';

/** Registers the statistics' write hook: case_facts and case_stats follow every case write, in its transaction. */
@Injectable()
export class StatisticsIndexer {
  constructor(store: WorkflowStore) {
    store.addWriteHook(async (em, written) => {
      const kase = written.case;
      if (
        written.before &&
        written.previous &&
        figuresUnchanged(
          { ...written.previous, snapshot: written.before },
          {
            state: kase.state,
            snapshot: kase.snapshot,
            application: kase.application,
            appliedOn: localDateIn(new Date(kase.createdAt), PRODUCT_TIME_ZONE),
          },
          written.event.type,
        )
      )
        return; // e.g. a session held: no statement
      await writeCaseStatistics(
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
      );
    });
  }
}
