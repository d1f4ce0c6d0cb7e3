import type { ProcedureState } from '../../machines/procedure';
import { numbered } from '../cases/case-index';
import { lawyerIdsOf } from '../cases/domain/case-access';
import type { CaseApplication } from '../cases/domain/case-application';
import { localDateIn, PRODUCT_TIME_ZONE } from '../common/clock';
import { planningOf } from './domain/planning';
import {
  cellDelta,
  courtEventOf,
  expandCells,
  factsOf,
  type CourtEvent,
  type ScopedCell,
  type StoredFacts,
} from './domain/statistics-cells';

/**
 * The statistics' pre-aggregates (migration 1764970000000), written in the transaction of every write of a case:
 *
 *   case_facts  one row per case: its figures as last counted (JSON: scopes, breakdown values, cells, the court's
 *               events) and its planning — earliest petition date, start-by date, whether it is on the «start now»
 *               register (index (planned, earliest_petition)).
 *   case_stats  sums per (scope, month, metric, dimension, value): each write adds the difference between the
 *               case's cells after and before it, so a period's figures are a range of this table, never a scan of
 *               the cases. A write that changes no figure (a session held) costs one primary-key read.
 */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

interface StoredRow {
  facts: string;
  earliest_petition: string | null;
  planned: number | string | boolean;
}

interface Kept extends StoredFacts {
  lawyerOrganisations: string[];
}

export interface StatisticsWrite {
  id: string;
  state: string;
  createdAt: string;
  application: CaseApplication;
  snapshot: ProcedureState;
  /** The event written (absent in the backfill); its date, for the court's events. */
  event?: { type: string; [field: string]: unknown };
  eventDate?: string;
  /** True when the write left the application as it was (its people, hence organisations, are the stored ones). */
  applicationUnchanged: boolean;
  /** The backfill passes the court's events read from the history instead. */
  courtEvents?: CourtEvent[];
}

const CHUNK = 400; // rows per INSERT: 6 parameters each, well under SQLite's and PostgreSQL's limits

export async function writeCaseStatistics(db: Queryable, postgres: boolean, w: StatisticsWrite): Promise<void> {
  const sql = (text: string) => (postgres ? numbered(text) : text);
  const found = (await db.query(sql('SELECT facts, earliest_petition, planned FROM case_facts WHERE case_id = ?'), [
    w.id,
  ])) as StoredRow[];
  const stored: Kept | null = found.length ? (JSON.parse(found[0].facts) as Kept) : null;
  const lawyerOrganisations =
    stored && w.applicationUnchanged ? stored.lawyerOrganisations : await lawyerOrganisationsOf(db, sql, w.application);
  const court = w.courtEvents ?? [
    ...(stored?.court ?? []),
    ...(w.event ? courtEventOf(w.event, w.eventDate ?? w.createdAt.slice(0, 10), w.snapshot) : []),
  ];
  const facts: Kept = {
    ...factsOf({
      appliedOn: localDateIn(new Date(w.createdAt), PRODUCT_TIME_ZONE),
      state: w.state,
      application: w.application,
      snapshot: w.snapshot,
      lawyerOrganisations,
      court,
    }),
    lawyerOrganisations,
  };
  const plan = planningOf(
    w.application,
    w.state,
    w.snapshot,
    stored && w.applicationUnchanged ? found[0].earliest_petition : undefined,
  );
  const json = JSON.stringify(facts);
  if (
    stored &&
    found[0].facts === json &&
    found[0].earliest_petition === plan.earliestPetition &&
    Boolean(Number(found[0].planned)) === plan.planned
  )
    return;
  const delta = cellDelta(stored ? expandCells(stored) : [], expandCells(facts));
  await addToSums(db, sql, delta);
  const values = [w.id, json, plan.earliestPetition, plan.startBy, plan.planned ? 1 : 0];
  await db.query(
    sql(
      'INSERT INTO case_facts (case_id, facts, earliest_petition, start_by, planned) VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET facts = excluded.facts, earliest_petition = excluded.earliest_petition, start_by = excluded.start_by, planned = excluded.planned',
    ),
    values,
  );
}

export async function addToSums(db: Queryable, sql: (t: string) => string, delta: readonly ScopedCell[]) {
  for (let i = 0; i < delta.length; i += CHUNK) {
    const part = delta.slice(i, i + CHUNK);
    await db.query(
      sql(
        `INSERT INTO case_stats (scope, metric, month, dim, dim_value, n) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (scope, metric, month, dim, dim_value) DO UPDATE SET n = case_stats.n + excluded.n`,
      ),
      part.flat(),
    );
  }
}

async function lawyerOrganisationsOf(
  db: Queryable,
  sql: (t: string) => string,
  app: CaseApplication,
): Promise<string[]> {
  const ids = lawyerIdsOf(app);
  if (ids.length === 0) return [];
  const rows = (await db.query(
    sql(`SELECT organisation_id FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`),
    ids,
  )) as { organisation_id: string | null }[];
  return [...new Set(rows.map((r) => r.organisation_id).filter((o): o is string => !!o))].sort();
}

/**
 * The court's events of a case from its history (the backfill): petitions filed (a second and later one is a
 * re-filing) and decisions. Whether a parole was mandatory is not in the history row; the backfill takes it from
 * the case as it stands (all claims paid or waived), which is what it was unless payments were reversed since.
 */
export function courtEventsFromHistory(
  rows: readonly { type: string; event_date: string; payload: string }[],
  mandatoryNow: boolean,
): CourtEvent[] {
  const out: CourtEvent[] = [];
  let filed = 0;
  for (const r of rows) {
    if (r.type === 'petition.filed') {
      out.push({ metric: 'court.filed', month: r.event_date.slice(0, 7) });
      if (++filed > 1) out.push({ metric: 'court.refiled', month: r.event_date.slice(0, 7) });
    } else if (r.type === 'court.decided') {
      const p = JSON.parse(r.payload) as { decision?: string; decisionDate?: string };
      const month = (p.decisionDate ?? r.event_date).slice(0, 7);
      if (p.decision === 'parole')
        out.push({ metric: mandatoryNow ? 'court.parole.mandatory' : 'court.parole.discretionary', month });
      else if (p.decision === 'refused') out.push({ metric: 'court.refused', month });
      else if (p.decision === 'replacement') out.push({ metric: 'court.replacement', month });
    }
  }
  return out;
}
