import { Injectable } from '@nestjs/common';
import { arrearsOf, claimReadings, type ProcedureState } from '../../machines';
import { addDays } from '../common/local-date';
import { ReadConnection, type ReadQuery } from '../database/read-connection';
import type { CaseApplication } from './domain/case-application';
import type { AccessKey } from './domain/case-access';

/**
 * What is due on a user's cases ("my work", GET /), the court's petitions and the officer's parolees — reads
 * of the deadlines table, the listing index (case_index with its dates, case_claim_states) and case_access.
 *
 * Every walk is bounded by the user's scope: a user who sees at most SMALL_SCOPE cases (a mediator's hundreds,
 * a court's thousands) walks his own range of case_access (primary key (key, seq)) and probes each case's
 * pending deadlines (deadlines (case_id, status, due_date)) or its row of case_index; a user who sees more (the
 * widest lawyer of the million bench) walks the service-wide date indexes soonest first — deadlines
 * (status, type, due_date), case_index (hearing_on, seq) / (eligible_on, seq), case_claim_states (claim_state, seq) —
 * and probes his key per row (case_access (case_id, key), (key, seq)). `CROSS JOIN` fixes the order on SQLite.
 * Each kind is read up to CAP rows: its count says "CAP or more" beyond that.
 */
export const WORK_KINDS = ['arrears', 'petition', 'hearing', 'reply', 'term', 'instalment', 'eligibility'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const CAP = 200;
export const SMALL_SCOPE = 5000;

/** Which kinds of work each role has: the court hearings and petitions; the officer the parolees' payments. */
export const KINDS_OF_ROLE: Readonly<Record<'mediator' | 'lawyer' | 'court' | 'officer', readonly WorkKind[]>> = {
  mediator: ['arrears', 'reply', 'term', 'hearing', 'instalment', 'eligibility'],
  lawyer: ['arrears', 'reply', 'term', 'hearing', 'instalment', 'eligibility'],
  court: ['petition', 'hearing'],
  officer: ['arrears', 'instalment'],
};

const DEADLINE_KINDS: Partial<Record<WorkKind, string>> = {
  reply: 'invitation.expired',
  term: 'term.expired',
  instalment: 'payment.overdue',
};

export interface WorkItem {
  kind: WorkKind;
  caseId: string;
  number: string;
  convict: string;
  state: string;
  claimId: string | null;
  /** The victim of the claim concerned. */
  victim: string | null;
  /** The date the item is about (the last day to reply, the hearing, the instalment's due date…). */
  date: string;
  /** Tiyn: the instalment's amount, the arrears. */
  amount: number | null;
  instalmentNo: number | null;
  /** Arrears: misses without a good reason (УК 72 ч. 7 п. 1). */
  evasions: number | null;
}

export interface WorkFilter {
  kinds: readonly WorkKind[];
  /** Items dated up to this day (inclusive); arrears and petitions awaiting the court are always in. */
  until: string;
  /** Only what is overdue (dated before today). */
  overdueOnly: boolean;
  offset: number;
  limit: number;
}

export interface WorkPage {
  items: WorkItem[];
  /** Per kind: how many (at most CAP; `capped` when there are more). */
  counts: Record<WorkKind, { n: number; capped: boolean }>;
  /** Items of the selected kinds (the sum of their counts). */
  total: number;
  more: boolean;
}

/** A row before the case is read: enough to sort and count. */
interface Ref {
  kind: WorkKind;
  caseId: string;
  claimId: string | null;
  /** null: the date comes from the case (arrears, petition) — these are overdue by nature and sort first. */
  date: string | null;
  payload: string | null;
  seq: number;
}

@Injectable()
export class WorkQueries {
  constructor(private readonly reads: ReadConnection) {}

  /** What is due on the user's cases, soonest first (overdue first), with counts per kind. */
  async myWork(key: AccessKey, kinds: readonly WorkKind[], filter: WorkFilter, today: string): Promise<WorkPage> {
    return this.reads.snapshot(async (query) => {
      const small = await smallScope(query, key);
      const until = filter.overdueOnly ? addDays(today, -1) : filter.until;
      const refs: Ref[] = [];
      const counts = Object.fromEntries(WORK_KINDS.map((k) => [k, { n: 0, capped: false }])) as WorkPage['counts'];
      for (const kind of kinds) {
        const rows = await refsOf(query, kind, key, small, until, today);
        counts[kind] = { n: Math.min(rows.length, CAP), capped: rows.length > CAP };
        if (filter.kinds.includes(kind)) refs.push(...rows.slice(0, CAP));
      }
      // Undated rows (arrears, petitions) first, newest case first; then by date, the older case first.
      refs.sort((a, b) =>
        a.date === null || b.date === null
          ? (a.date === null ? 0 : 1) - (b.date === null ? 0 : 1) || b.seq - a.seq
          : a.date < b.date
            ? -1
            : a.date > b.date
              ? 1
              : a.seq - b.seq,
      );
      const page = refs.slice(filter.offset, filter.offset + filter.limit);
      const needs = new Set(
        page
          .filter((r) => r.kind === 'arrears' || r.kind === 'petition' || r.kind === 'instalment')
          .map((r) => r.caseId),
      );
      const cases = await casesById(
        query,
        page.map((r) => r.caseId),
        (id) => needs.has(id),
      );
      const items = page.flatMap((r) => itemsOf(r, cases.get(r.caseId)));
      // Undated rows get their dates from the case: sort the page again, overdue first.
      items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const total = filter.kinds.reduce((s, k) => s + (kinds.includes(k) ? counts[k].n : 0), 0);
      return { items, counts, total, more: refs.length > filter.offset + filter.limit };
    });
  }

  /**
   * The court's cases awaiting it: petitions filed and not yet scheduled, then hearings soonest first; at most
   * `limit` (a court's open petitions are dozens).
   */
  async courtCases(key: AccessKey, limit: number): Promise<CourtCase[]> {
    return this.reads.snapshot(async (query) => {
      const small = await smallScope(query, key);
      const refs = [
        ...(await refsOf(query, 'petition', key, small, '9999-12-31', '0000-01-01')),
        ...(await refsOf(query, 'hearing', key, small, '9999-12-31', '0000-01-01')),
      ].slice(0, limit);
      const cases = await casesById(
        query,
        refs.map((r) => r.caseId),
      );
      return refs.flatMap((r) => {
        const c = cases.get(r.caseId);
        if (!c) return [];
        const ctx = c.snapshot.case.context;
        return [
          {
            caseId: c.id,
            number: c.number,
            convict: c.application.convict.fullName,
            state: c.state,
            petitionFiledOn: ctx.petitionFiledOn,
            hearingDate: c.state === 'hearingScheduled' ? ctx.hearingDate : null,
            claims: c.application.claims.length,
          },
        ];
      });
    });
  }

  /**
   * The officer's released parolees (cases in restitution or released on parole under his unit's key), each with
   * what he owes: arrears and misses without a good reason first (largest evasions, then oldest miss), then the
   * next instalment soonest first. At most `limit` parolees.
   */
  async parolees(key: AccessKey, limit: number, today: string): Promise<Parolee[]> {
    return this.reads.snapshot(async (query) => {
      const small = await smallScope(query, key);
      const rows = small
        ? await query<{ case_id: string; seq: number }>(
            `SELECT a.case_id, a.seq FROM case_access a CROSS JOIN case_index i
             WHERE a.key = ? AND i.seq = a.seq AND i.state IN ('restitution', 'paroleGranted', 'revoked')
             ORDER BY a.seq DESC LIMIT ?`,
            [key, limit],
          )
        : await query<{ case_id: string; seq: number }>(
            `SELECT a.case_id, a.seq FROM case_index i CROSS JOIN case_access a
             WHERE i.state IN ('restitution', 'paroleGranted', 'revoked') AND a.key = ? AND a.seq = i.seq
             ORDER BY i.seq DESC LIMIT ?`,
            [key, limit],
          );
      const cases = await casesById(
        query,
        rows.map((r) => r.case_id),
      );
      const out: Parolee[] = [];
      for (const r of rows) {
        const c = cases.get(r.case_id);
        if (!c) continue;
        const claims = claimReadings(c.snapshot)
          .filter((cl) => cl.restitution)
          .map((cl) => {
            const ctx = cl.restitution!.context;
            const arrears = arrearsOf(c.snapshot, cl.id);
            const next = ctx.schedule.find(
              (row) => row.dueDate >= today && !arrears?.misses.some((m) => m.instalmentNo === row.no),
            );
            return {
              claimId: cl.id,
              victim: c.application.claims.find((x) => x.id === cl.id)?.victim.fullName ?? '',
              restitution: cl.restitution!.state,
              arrears: arrears?.amount ?? 0,
              oldestMiss: arrears?.misses.reduce<string | null>(
                (d, m) => (d === null || m.dueDate < d ? m.dueDate : d),
                null,
              ),
              evasions: ctx.misses.filter((m) => m.goodReason !== true).length,
              excused: ctx.misses.filter((m) => m.goodReason === true).length,
              balance: ctx.owed - ctx.paid,
              nextDue: next ? { date: next.dueDate, amount: next.amount } : null,
            };
          });
        const ctx = c.snapshot.case.context;
        out.push({
          caseId: c.id,
          number: c.number,
          convict: c.application.convict.fullName,
          state: c.state,
          releaseDate: ctx.releaseDate,
          claims,
          arrears: claims.reduce((s, x) => s + x.arrears, 0),
          evasions: claims.reduce((s, x) => s + x.evasions, 0),
          oldestMiss: claims.reduce<string | null>(
            (d, x) => (x.oldestMiss && (d === null || x.oldestMiss < d) ? x.oldestMiss : d),
            null,
          ),
          nextDue: claims.reduce<string | null>(
            (d, x) => (x.nextDue && (d === null || x.nextDue.date < d) ? x.nextDue.date : d),
            null,
          ),
        });
      }
      // The soonest problem first: arrears (more evasions, then the oldest miss), then the next instalment.
      return out.sort(
        (a, b) =>
          Number(b.arrears > 0) - Number(a.arrears > 0) ||
          b.evasions - a.evasions ||
          cmp(a.oldestMiss, b.oldestMiss) ||
          cmp(a.nextDue, b.nextDue),
      );
    });
  }
}

export interface CourtCase {
  caseId: string;
  number: string;
  convict: string;
  state: string;
  petitionFiledOn: string | null;
  hearingDate: string | null;
  claims: number;
}

export interface Parolee {
  caseId: string;
  number: string;
  convict: string;
  state: string;
  releaseDate: string | null;
  claims: {
    claimId: string;
    victim: string;
    restitution: string;
    arrears: number;
    oldestMiss: string | null | undefined;
    evasions: number;
    excused: number;
    balance: number;
    nextDue: { date: string; amount: number } | null;
  }[];
  arrears: number;
  evasions: number;
  oldestMiss: string | null;
  nextDue: string | null;
}

/** null sorts last. */
function cmp(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** True when the user sees at most SMALL_SCOPE cases (an index range of at most that many entries). */
async function smallScope(query: ReadQuery, key: AccessKey): Promise<boolean> {
  const [{ n }] = await query<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM case_access WHERE key = ? LIMIT ${SMALL_SCOPE + 1}) scope`,
    [key],
  );
  return Number(n) <= SMALL_SCOPE;
}

/**
 * The statement for up to CAP + 1 rows of one kind, soonest first: driven by the user's own range of case_access
 * (`small`) or by the service-wide index of the kind's date, probing the user's key (exported for the test of the
 * plans, test/integration/work-plans.spec.ts).
 */
export function workStatement(
  kind: WorkKind,
  key: AccessKey,
  small: boolean,
  until: string,
  today: string,
): { sql: string; params: unknown[] } {
  const limit = CAP + 1;
  const deadlineType = DEADLINE_KINDS[kind];
  if (deadlineType) {
    return small
      ? {
          sql: `SELECT d.case_id, d.claim_id, d.due_date, d.payload, a.seq FROM case_access a CROSS JOIN deadlines d
           WHERE a.key = ? AND d.case_id = a.case_id AND d.status = 'pending' AND d.type = ? AND d.due_date <= ?
           ORDER BY d.due_date, a.seq LIMIT ?`,
          params: [key, deadlineType, dueOf(kind, until), limit],
        }
      : {
          sql: `SELECT d.case_id, d.claim_id, d.due_date, d.payload, a.seq FROM deadlines d CROSS JOIN case_access a
           WHERE d.status = 'pending' AND d.type = ? AND d.due_date <= ? AND a.case_id = d.case_id AND a.key = ?
           ORDER BY d.due_date LIMIT ?`,
          params: [deadlineType, dueOf(kind, until), key, limit],
        };
  }
  if (kind === 'hearing' || kind === 'eligibility') {
    const column = kind === 'hearing' ? 'i.hearing_on' : 'i.eligible_on';
    // Eligibility: a date still ahead; or, passed, when the petition can be filed now (ready for court, refused).
    // `i.state || ''`: a test of the row, not an index to OR with (the walk stays in date order, without a sort).
    const extra =
      kind === 'eligibility' ? ` AND (${column} >= ? OR (i.state || '') IN ('readyForCourt', 'refused'))` : '';
    const extraParams = kind === 'eligibility' ? [today] : [];
    return small
      ? {
          sql: `SELECT a.case_id, ${column} AS day, a.seq FROM case_access a CROSS JOIN case_index i
           WHERE a.key = ? AND i.seq = a.seq AND ${column} <= ?${extra} ORDER BY ${column}, a.seq LIMIT ?`,
          params: [key, until, ...extraParams, limit],
        }
      : {
          sql: `SELECT a.case_id, ${column} AS day, a.seq FROM case_index i CROSS JOIN case_access a
           WHERE ${column} <= ?${extra} AND a.key = ? AND a.seq = i.seq ORDER BY ${column}, i.seq LIMIT ?`,
          params: [until, ...extraParams, key, limit],
        };
  }
  // arrears (a claim's restitution inArrears), petition (filed, the hearing not yet scheduled): no date indexed.
  if (kind === 'arrears')
    return small
      ? {
          sql: `SELECT a.case_id, a.seq FROM case_access a CROSS JOIN case_claim_states s
             WHERE a.key = ? AND s.claim_state = 'inArrears' AND s.seq = a.seq ORDER BY a.seq DESC LIMIT ?`,
          params: [key, limit],
        }
      : {
          sql: `SELECT a.case_id, a.seq FROM case_claim_states s CROSS JOIN case_access a
             WHERE s.claim_state = 'inArrears' AND a.key = ? AND a.seq = s.seq ORDER BY s.seq DESC LIMIT ?`,
          params: [key, limit],
        };
  return small
    ? {
        sql: `SELECT a.case_id, a.seq FROM case_access a CROSS JOIN case_index i
             WHERE a.key = ? AND i.seq = a.seq AND i.state = 'petitionFiled' ORDER BY a.seq DESC LIMIT ?`,
        params: [key, limit],
      }
    : {
        sql: `SELECT a.case_id, a.seq FROM case_index i CROSS JOIN case_access a
             WHERE i.state = 'petitionFiled' AND a.key = ? AND a.seq = i.seq ORDER BY i.seq DESC LIMIT ?`,
        params: [key, limit],
      };
}

/** Up to CAP + 1 rows of one kind, soonest first. */
async function refsOf(
  query: ReadQuery,
  kind: WorkKind,
  key: AccessKey,
  small: boolean,
  until: string,
  today: string,
): Promise<Ref[]> {
  const { sql, params } = workStatement(kind, key, small, until, today);
  const rows = await query<{
    case_id: string;
    claim_id?: string | null;
    due_date?: string;
    payload?: string | null;
    day?: string;
    seq: number | string;
  }>(sql, params);
  return rows.map((r) => ({
    kind,
    caseId: r.case_id,
    claimId: r.claim_id ?? null,
    date:
      r.due_date !== undefined
        ? // The window's last day (the reply period, the mediation term) is the day before the deadline fires.
          kind === 'instalment'
          ? r.due_date
          : addDays(r.due_date, -1)
        : (r.day ?? null),
    payload: r.payload ?? null,
    seq: Number(r.seq),
  }));
}

/** The deadline's due date for items dated up to `until`. */
function dueOf(kind: WorkKind, until: string): string {
  return kind === 'instalment' ? until : addDays(until, 1);
}

interface CaseRow {
  id: string;
  number: string;
  state: string;
  application: CaseApplication;
  snapshot: ProcedureState;
}

/**
 * The cases of a page, parsed. `withSnapshot`: the cases whose lines read the machines' state (arrears, petitions,
 * instalments, parolees); the others' snapshots are not read at all (most lines need the application only).
 */
async function casesById(
  query: ReadQuery,
  ids: string[],
  withSnapshot: (id: string) => boolean = () => true,
): Promise<Map<string, CaseRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const full = unique.filter(withSnapshot);
  const rows = await query<Record<string, string | null>>(
    `SELECT id, number, state, application, CASE WHEN id IN (${full.map(() => '?').join(', ') || 'NULL'}) THEN snapshot END AS snapshot
     FROM cases WHERE id IN (${unique.map(() => '?').join(', ')})`,
    [...full, ...unique],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id as string,
        number: r.number as string,
        state: r.state as string,
        application: JSON.parse(r.application as string) as CaseApplication,
        snapshot: (r.snapshot === null ? null : JSON.parse(r.snapshot)) as ProcedureState,
      },
    ]),
  );
}

/** The lines of a row: one, or one per claim in arrears. */
function itemsOf(ref: Ref, c: CaseRow | undefined): WorkItem[] {
  if (!c) return []; // gone between the two statements of a snapshot: cannot happen, nothing to show
  const victimOf = (claimId: string | null) =>
    claimId === null ? null : (c.application.claims.find((x) => x.id === claimId)?.victim.fullName ?? null);
  const base = {
    kind: ref.kind,
    caseId: c.id,
    number: c.number,
    convict: c.application.convict.fullName,
    state: c.state,
    claimId: ref.claimId,
    victim: victimOf(ref.claimId),
    amount: null,
    instalmentNo: null,
    evasions: null,
  };
  if (ref.kind === 'arrears') {
    return claimReadings(c.snapshot).flatMap((cl) => {
      if (cl.restitution?.state !== 'inArrears') return [];
      const arrears = arrearsOf(c.snapshot, cl.id)!;
      const oldest = arrears.misses.reduce((d, m) => (m.dueDate < d ? m.dueDate : d), '9999-12-31');
      return [
        {
          ...base,
          claimId: cl.id,
          victim: victimOf(cl.id),
          date: oldest,
          amount: arrears.amount,
          evasions: cl.restitution.context.misses.filter((m) => m.goodReason !== true).length,
        },
      ];
    });
  }
  if (ref.kind === 'petition') {
    return [{ ...base, date: c.snapshot.case.context.petitionFiledOn ?? '' }];
  }
  if (ref.kind === 'instalment' && ref.claimId) {
    const no = Number((JSON.parse(ref.payload ?? '{}') as { instalmentNo?: number }).instalmentNo);
    const r = c.snapshot.claims[ref.claimId]?.restitution?.context;
    const row = r?.schedule.find((x) => x.no === no);
    return [
      { ...base, date: row?.dueDate ?? (ref.date as string), amount: row?.amount ?? null, instalmentNo: no || null },
    ];
  }
  return [{ ...base, date: ref.date as string }];
}
