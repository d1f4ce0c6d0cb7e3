import type { MigrationInterface, QueryRunner } from 'typeorm';
import { describeProcedure, type ProcedureState } from '../../../machines/procedure';
import { numbered } from '../../cases/case-index';
import type { CaseApplication } from '../../cases/domain/case-application';
import { courtEventsFromHistory, writeCaseStatistics } from '../../statistics/statistics-index';

/**
 * Statistics and planning (src/statistics/statistics-index.ts): case_facts (one row per case: its figures as last
 * counted, its earliest petition date and whether it is on the «start now» register) and case_stats (the sums per
 * scope, month, metric and breakdown), both written in the transaction of every case write from now on; the
 * cases already stored are counted here, in batches, from their rows and their history.
 */
export class Statistics1764970000000 implements MigrationInterface {
  name = 'Statistics1764970000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    const withoutRowid = postgres ? '' : ' WITHOUT ROWID';
    await q.query(`CREATE TABLE case_facts (
      case_id VARCHAR(36) PRIMARY KEY NOT NULL REFERENCES cases (id),
      facts TEXT NOT NULL,
      earliest_petition VARCHAR(10),
      start_by VARCHAR(10),
      planned SMALLINT NOT NULL
    )`);
    await q.query('CREATE INDEX IDX_case_facts_planned ON case_facts (planned, earliest_petition)');
    await q.query(`CREATE TABLE case_stats (
      scope VARCHAR(80) NOT NULL,
      metric VARCHAR(40) NOT NULL,
      month VARCHAR(7) NOT NULL,
      dim VARCHAR(12) NOT NULL,
      dim_value VARCHAR(80) NOT NULL,
      n BIGINT NOT NULL,
      PRIMARY KEY (scope, month, metric, dim, dim_value)
    )${withoutRowid}`);
    await backfill(q, postgres);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_stats');
    await q.query('DROP INDEX IDX_case_facts_planned');
    await q.query('DROP TABLE case_facts');
  }
}

interface CaseRow {
  id: string;
  state: string;
  created_at: string;
  application: string;
  snapshot: string;
}

async function backfill(q: QueryRunner, postgres: boolean): Promise<void> {
  const sql = (text: string) => (postgres ? numbered(text) : text);
  let after = '';
  for (;;) {
    const rows = (await q.query(
      sql('SELECT id, state, created_at, application, snapshot FROM cases WHERE id > ? ORDER BY id LIMIT 500'),
      [after],
    )) as CaseRow[];
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const history = (await q.query(
      sql(
        `SELECT case_id, type, event_date, payload FROM case_events WHERE case_id IN (${ids.map(() => '?').join(', ')}) AND type IN ('petition.filed', 'court.decided') ORDER BY case_id, seq`,
      ),
      ids,
    )) as { case_id: string; type: string; event_date: string; payload: string }[];
    for (const r of rows) {
      const snapshot = JSON.parse(r.snapshot) as ProcedureState;
      await writeCaseStatistics(q, postgres, {
        id: r.id,
        state: r.state,
        createdAt: r.created_at,
        application: JSON.parse(r.application) as CaseApplication,
        snapshot,
        applicationUnchanged: false,
        courtEvents: courtEventsFromHistory(
          history.filter((h) => h.case_id === r.id),
          describeProcedure(snapshot).mandatoryParole,
        ),
      });
    }
    after = rows[rows.length - 1].id;
  }
}
