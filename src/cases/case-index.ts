import type { EntityManager } from 'typeorm';
import { pendingDeadlines, type ProcedureState } from '../../machines/procedure';
import { claimReadings } from '../../machines/read';
import { procedureDeps } from '../workflow/procedure-deps';
import type { CaseApplication } from './domain/case-application';
import { foldForSearch, searchDocument } from './search/fold';
import { computeEligibility } from '../eligibility/domain/parole-eligibility';
import { iinBirthDate, iinSex } from '../identity/domain/iin';

/**
 * The listing index of a case (table case_index and its companions, migration 1764200000000): every column a
 * listing filters or searches on, derived from the case row. Written in the same transaction as every write
 * of the case (`writeCaseIndex`), so a listing never disagrees with the case it lists.
 *
 *   case_index        seq (sort key: newest first), case state, court, mediator, next deadline, folded words
 *   case_claim_states one row per (claim state, case), with the case state: pending … agreed, current, inArrears …
 *   case_iin          one row per (ИИН, case) for the convict and every victim: exact ИИН search
 *   case_counts       cases per key ('all', 'state:<s>', 'claim:<s>'): exact totals without a scan
 *   case_fts          (SQLite) FTS5 over the folded words; PostgreSQL: pg_trgm index on case_index.search_text
 *
 * Two dates of the case for "my work" (migration 1764940000000): `eligible_on`, the earliest day the petition may
 * be filed while it is still to be filed (before the filing, or after a refusal: not before the re-filing date);
 * `hearing_on`, the hearing date while a hearing is scheduled.
 */
export interface CaseIndexRow {
  caseId: string;
  number: string;
  state: string;
  courtKey: string;
  mediatorKey: string | null;
  nextDeadline: string | null;
  claimStates: string[];
  iins: string[];
  searchText: string;
  createdAt: string;
  /** The earliest petition date while a petition is still to be filed; else null. */
  eligibleOn: string | null;
  /** The hearing date while the hearing is scheduled; else null. */
  hearingOn: string | null;
}

/** The part of a case row the index is computed from. */
export interface IndexedCase {
  id: string;
  number: string;
  state: string;
  application: CaseApplication;
  snapshot: ProcedureState;
  createdAt: string;
}

const deps = procedureDeps();

/** Folded key of a free-text value filtered by equality (court, mediator): case and Kazakh letters do not matter. */
export function filterKey(text: string): string {
  return foldForSearch(text).replace(/\s+/g, ' ').trim();
}

/** Pure: the index row of a case. `deadlines` are the ones the machines await now (computed when omitted). */
export function caseIndexRow(kase: IndexedCase, deadlines?: readonly { dueDate: string }[]): CaseIndexRow {
  const app = kase.application;
  const snapshot = kase.snapshot;
  const iins = new Set<string>([app.convict.iin]);
  for (const c of app.claims) if (c.victim.iin) iins.add(c.victim.iin);
  return {
    caseId: kase.id,
    number: kase.number,
    state: kase.state,
    courtKey: filterKey(app.sentence.court),
    mediatorKey: app.mediator ? filterKey(app.mediator.fullName) : null,
    nextDeadline: nextDeadline(deadlines ?? pendingDeadlines(snapshot, deps)),
    claimStates: claimStatesOf(snapshot),
    iins: [...iins].sort(),
    searchText: searchDocument([kase.number, app.convict.fullName, ...app.claims.map((c) => c.victim.fullName)]),
    createdAt: kase.createdAt,
    eligibleOn: eligibleOn(kase),
    hearingOn: hearingOn(kase),
  };
}

/** Case states in which a petition is still to be filed. */
const BEFORE_PETITION = new Set(['applied', 'mediation', 'readyForCourt', 'refused']);

/** The hearing date while the case awaits its hearing. */
function hearingOn(kase: Pick<IndexedCase, 'state' | 'snapshot'>): string | null {
  return kase.state === 'hearingScheduled' ? (kase.snapshot.case.context.hearingDate ?? null) : null;
}

/**
 * The earliest day the petition may be filed (УК 72/73, from the sentence as filed, as GET /api/cases/:id/eligibility
 * computes it without the facts the case does not record), while one is still to be filed; after a refusal not
 * before the re-filing date (УИК 162 ч. 10). Null when excluded, or when the sentence cannot be computed.
 */
export function eligibleOn(kase: Pick<IndexedCase, 'state' | 'snapshot' | 'application'>): string | null {
  if (!BEFORE_PETITION.has(kase.state)) return null;
  const { sentence, convict } = kase.application;
  let date: string | null;
  try {
    const result = computeEligibility({
      procedure: kase.application.procedure === 'replacement' ? 'replacement' : 'parole',
      term: sentence.lifeImprisonment ? undefined : sentence.term,
      lifeImprisonment: sentence.lifeImprisonment,
      termStartDate: sentence.startDate,
      pretrialDetentionDays: sentence.pretrialDetentionDays,
      gravity: sentence.gravity,
      againstLifeOrHealth: sentence.againstLifeOrHealth,
      birthDate: convict.birthDate ?? iinBirthDate(convict.iin) ?? undefined,
      sex: iinSex(convict.iin) ?? undefined,
    });
    date = (kase.application.procedure === 'replacement' ? result.replacement : result.parole)?.earliestDate ?? null;
  } catch {
    return null; // a sentence the rules cannot read: the case page says why
  }
  if (date === null) return null;
  const refile = kase.state === 'refused' ? kase.snapshot.case.context.refileNotBefore : null;
  return refile && refile > date ? refile : date;
}

function claimStatesOf(snapshot: ProcedureState): string[] {
  const claimStates = new Set<string>();
  for (const claim of claimReadings(snapshot)) {
    claimStates.add(claim.mediationState);
    if (claim.restitution) claimStates.add(claim.restitution.state);
  }
  return [...claimStates].sort();
}

function nextDeadline(deadlines: readonly { dueDate: string }[]): string | null {
  let first: string | null = null;
  for (const d of deadlines) if (first === null || d.dueDate < first) first = d.dueDate;
  return first;
}

/** The case before a write, as far as the index is concerned (see WrittenEvent.previous). */
export interface IndexedBefore {
  state: string;
  snapshot: ProcedureState;
  /** Undefined when the write amended the application (names, court, mediator): then nothing is assumed. */
  application: CaseApplication | undefined;
  deadlines: readonly { dueDate: string }[];
}

/**
 * True when a write cannot have changed the index row: the same application (hence number, court, mediator,
 * ИИН, names) and the same state, claim states and next deadline. Then writeCaseIndex needs no statement.
 */
export function listedTheSame(
  kase: IndexedCase,
  deadlines: readonly { dueDate: string }[],
  before: IndexedBefore,
): boolean {
  if (before.application !== kase.application || before.state !== kase.state) return false;
  if (nextDeadline(before.deadlines) !== nextDeadline(deadlines)) return false;
  if (hearingOn({ state: before.state, snapshot: before.snapshot }) !== hearingOn(kase)) return false;
  if (
    kase.state === 'refused' &&
    before.snapshot.case.context.refileNotBefore !== kase.snapshot.case.context.refileNotBefore
  )
    return false;
  const now = claimStatesOf(kase.snapshot);
  const then = claimStatesOf(before.snapshot);
  return now.length === then.length && now.every((s, i) => s === then[i]);
}

interface StoredIndexRow {
  seq: number | string;
  state: string;
  court_key: string;
  mediator_key: string | null;
  next_deadline: string | null;
  claim_states: string;
  search_text: string;
  eligible_on: string | null;
  hearing_on: string | null;
}

/**
 * Brings the listing index of one case up to date with `kase`, inside the caller's transaction.
 * A write that changes nothing listed (most payments, sessions) costs no statement when `before` is given (the
 * store's hook), one primary-key read otherwise.
 */
export async function writeCaseIndex(
  em: EntityManager,
  kase: IndexedCase,
  deadlines?: readonly { dueDate: string }[],
  before?: IndexedBefore,
  /** false: the schema before migration 1764940000000 (its own backfill writes the dates). */
  withDates = true,
): Promise<void> {
  if (before && listedTheSame(kase, deadlines ?? pendingDeadlines(kase.snapshot, deps), before)) return; // e.g. a session held
  const postgres = em.connection.options.type === 'postgres';
  const sql = (text: string) => (postgres ? numbered(text) : text);
  const computed = caseIndexRow(kase, deadlines);
  const row = withDates ? computed : { ...computed, eligibleOn: null, hearingOn: null };
  const claimStates = row.claimStates.join(' ');
  const found: StoredIndexRow[] = await em.query(
    sql(
      `SELECT seq, state, court_key, mediator_key, next_deadline, claim_states, search_text${withDates ? ', eligible_on, hearing_on' : ', NULL AS eligible_on, NULL AS hearing_on'} FROM case_index WHERE case_id = ?`,
    ),
    [row.caseId],
  );
  const counts = new Map<string, number>();
  const count = (key: string, delta: number) => counts.set(key, (counts.get(key) ?? 0) + delta);

  if (found.length === 0) {
    const insert = withDates
      ? 'INSERT INTO case_index (case_id, number, state, court_key, mediator_key, next_deadline, claim_states, search_text, created_at, eligible_on, hearing_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
      : 'INSERT INTO case_index (case_id, number, state, court_key, mediator_key, next_deadline, claim_states, search_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
    const all = [
      row.caseId,
      row.number,
      row.state,
      row.courtKey,
      row.mediatorKey,
      row.nextDeadline,
      claimStates,
      row.searchText,
      row.createdAt,
      row.eligibleOn,
      row.hearingOn,
    ];
    const values = withDates ? all : all.slice(0, 9);
    // TypeORM's sqlite driver answers an INSERT with the new rowid; PostgreSQL returns the identity.
    const seq = postgres
      ? Number((await em.query<{ seq: string | number }[]>(sql(`${insert} RETURNING seq`), values))[0].seq)
      : Number(await em.query(insert, values));
    await insertClaimStates(em, sql, row.claimStates, seq, row.state);
    await insertIins(em, sql, row.iins, seq);
    if (!postgres) await em.query('INSERT INTO case_fts (rowid, body) VALUES (?, ?)', [seq, row.searchText]);
    count('all', 1);
    count(`state:${row.state}`, 1);
    for (const s of row.claimStates) count(`claim:${s}`, 1);
  } else {
    const old = found[0];
    const seq = Number(old.seq);
    if (
      old.state === row.state &&
      old.court_key === row.courtKey &&
      old.mediator_key === row.mediatorKey &&
      old.next_deadline === row.nextDeadline &&
      old.claim_states === claimStates &&
      old.search_text === row.searchText &&
      old.eligible_on === row.eligibleOn &&
      old.hearing_on === row.hearingOn
    ) {
      return;
    }
    await em.query(
      sql(
        `UPDATE case_index SET state = ?, court_key = ?, mediator_key = ?, next_deadline = ?, claim_states = ?, search_text = ?${withDates ? ', eligible_on = ?, hearing_on = ?' : ''} WHERE seq = ?`,
      ),
      [
        row.state,
        row.courtKey,
        row.mediatorKey,
        row.nextDeadline,
        claimStates,
        row.searchText,
        ...(withDates ? [row.eligibleOn, row.hearingOn] : []),
        seq,
      ],
    );
    const before = old.claim_states ? old.claim_states.split(' ') : [];
    const gone = before.filter((s) => !row.claimStates.includes(s));
    const added = row.claimStates.filter((s) => !before.includes(s));
    const kept = row.claimStates.filter((s) => before.includes(s));
    const marks = (list: string[]) => list.map(() => '?').join(', ');
    if (gone.length) {
      await em.query(sql(`DELETE FROM case_claim_states WHERE seq = ? AND claim_state IN (${marks(gone)})`), [
        seq,
        ...gone,
      ]);
    }
    if (old.state !== row.state) {
      count(`state:${old.state}`, -1);
      count(`state:${row.state}`, 1);
      if (kept.length) {
        await em.query(
          sql(`UPDATE case_claim_states SET state = ? WHERE seq = ? AND claim_state IN (${marks(kept)})`),
          [row.state, seq, ...kept],
        );
      }
    }
    await insertClaimStates(em, sql, added, seq, row.state);
    for (const s of gone) count(`claim:${s}`, -1);
    for (const s of added) count(`claim:${s}`, 1);
    if (!postgres && old.search_text !== row.searchText) {
      await em.query('DELETE FROM case_fts WHERE rowid = ?', [seq]);
      await em.query('INSERT INTO case_fts (rowid, body) VALUES (?, ?)', [seq, row.searchText]);
    }
  }
  // One statement, keys in a fixed order: two PostgreSQL transactions moving cases between the same two
  // states in opposite directions lock the rows in the same order and cannot deadlock.
  const deltas = [...counts].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (deltas.length) {
    await em.query(
      sql(
        `INSERT INTO case_counts (key, n) VALUES ${deltas.map(() => '(?, ?)').join(', ')} ON CONFLICT (key) DO UPDATE SET n = case_counts.n + excluded.n`,
      ),
      deltas.flat(),
    );
  }
}

async function insertClaimStates(
  em: EntityManager,
  sql: (t: string) => string,
  claimStates: string[],
  seq: number,
  state: string,
): Promise<void> {
  if (claimStates.length === 0) return;
  await em.query(
    sql(
      `INSERT INTO case_claim_states (claim_state, seq, state) VALUES ${claimStates.map(() => '(?, ?, ?)').join(', ')}`,
    ),
    claimStates.flatMap((s) => [s, seq, state]),
  );
}

async function insertIins(em: EntityManager, sql: (t: string) => string, iins: string[], seq: number): Promise<void> {
  if (iins.length === 0) return;
  await em.query(
    sql(`INSERT INTO case_iin (iin, seq) VALUES ${iins.map(() => '(?, ?)').join(', ')}`),
    iins.flatMap((v) => [v, seq]),
  );
}

/** `?` placeholders, numbered for PostgreSQL. */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
