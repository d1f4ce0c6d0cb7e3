import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { ReadConnection, type ReadQuery } from '../database/read-connection';
import { caseView, type CaseView } from './case-view';
import { filterKey } from './case-index';
import type { ListCasesQuery } from './dto/create-case.dto';
import { CaseEntity } from '../workflow/entities/case.entity';
import type { CaseEventEntity } from '../workflow/entities/case-event.entity';
import { searchWords } from './search/fold';
import { casePayments, type CasePayments } from '../restitution/payments.repository';
import type { AccessKey } from './domain/case-access';

/** Above this many matches a combined filter's total is not counted further: "more than 10 000". */
export const TOTAL_CAP = 10_000;
export const DEFAULT_LIMIT = 20;

export interface CaseSummary {
  id: string;
  number: string;
  procedure: 'parole' | 'replacement';
  state: string;
  version: number;
  convict: string;
  institution: string;
  claims: number;
  nextDeadline: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseListPage {
  items: CaseSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Exact (`totalExact`) or, when filters combine and more than TOTAL_CAP cases match, TOTAL_CAP. */
  total: number;
  totalExact: boolean;
}

type HistoryRow = Pick<
  CaseEventEntity,
  'seq' | 'type' | 'claimId' | 'eventDate' | 'recordedAt' | 'payload' | 'stateBefore' | 'stateAfter'
> & {
  /** `userId`: the signed-in user who recorded it (null for the deadline service and events before sign-in). */
  actor: { role: string; name: string | null; userId: string | null };
};

const IIN = /^\d{12}$/;
const CURSOR = /^c1\.(\d{1,15})$/;

/**
 * Every read of cases: listing with filters and search, one case, its history. Runs on the read connections
 * (ReadConnection), never in the writer's queue. The listing walks case_index newest first by `seq` (keyset:
 * the cursor is the last `seq` seen), so page 50 000 costs what page 1 costs and cases opened between two pages
 * neither repeat nor push others out of the next page.
 */
@Injectable()
export class CaseQueries {
  constructor(private readonly reads: ReadConnection) {}

  findCase(id: string): Promise<CaseEntity | null> {
    return findCase(this.reads.query.bind(this.reads), id);
  }

  /** A case with its payments ledger, as one committed state (the snapshot holds only the payments' totals). */
  withPayments(id: string): Promise<{ entity: CaseEntity; payments: CasePayments }> {
    return this.reads.snapshot(async (query) => {
      const entity = await mustFind(query, id);
      return { entity, payments: await casePayments(query, id) };
    });
  }

  /** A case with its deadlines, as one committed state. */
  view(id: string): Promise<CaseView> {
    return this.reads.snapshot(async (query) => {
      const entity = await mustFind(query, id);
      const deadlines = await query<{
        type: string;
        claim_id: string | null;
        due_date: string;
        status: 'pending' | 'fired' | 'cancelled';
      }>(
        "SELECT type, claim_id, due_date, status FROM deadlines WHERE case_id = ? AND status <> 'cancelled' ORDER BY due_date",
        [id],
      );
      return caseView(
        entity,
        deadlines.map((d) => ({ type: d.type, claimId: d.claim_id, dueDate: d.due_date, status: d.status })),
      );
    });
  }

  /** The append-only history of a case, oldest first (notes are never in it). */
  history(id: string): Promise<HistoryRow[]> {
    return this.reads.snapshot(async (query) => {
      await mustFind(query, id);
      const rows = await query<Record<string, string | number | null>>(
        'SELECT * FROM case_events WHERE case_id = ? ORDER BY seq',
        [id],
      );
      return rows.map((e) => ({
        seq: Number(e.seq),
        type: e.type as string,
        claimId: e.claim_id as string | null,
        actor: {
          role: e.actor_role as string,
          name: e.actor_name as string | null,
          userId: (e.actor_user_id as string | null) ?? null,
        },
        eventDate: e.event_date as string,
        recordedAt: e.recorded_at as string,
        payload: JSON.parse(e.payload as string) as Record<string, unknown>,
        stateBefore: e.state_before as string | null,
        stateAfter: e.state_after as string,
      }));
    });
  }

  /** The session notes of a case written by this user, oldest first (no one else's, ever). */
  async notes(
    id: string,
    authorUserId: string,
  ): Promise<{ id: string; claimId: string | null; recordedAt: string; notes: string }[]> {
    const rows = await this.reads.query<{ id: string; claim_id: string | null; recorded_at: string; notes: string }>(
      'SELECT id, claim_id, recorded_at, notes FROM confidential_notes WHERE case_id = ? AND author_user_id = ? ORDER BY recorded_at, id',
      [id, authorUserId],
    );
    return rows.map((r) => ({ id: r.id, claimId: r.claim_id, recordedAt: r.recorded_at, notes: r.notes }));
  }

  /**
   * One statement for the page and its total (a statement reads one committed state, and each statement is a trip
   * through the event loop that a write waiting for its turn would feel).
   */
  async list(filter: ListCasesQuery, scope: AccessKey | null): Promise<CaseListPage> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const after = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    // No key (an administrator): no case at all, not even how many there are.
    const plan = scope === null ? null : listingPlan(filter, this.reads.dialect, scope);
    if (plan === null) return { items: [], nextCursor: null, total: 0, totalExact: true };
    const total = totalQuery(filter, plan);
    // Every walk is within one user's cases (his key range, or an index probed against it): a range filter such as
    // "next deadline before D" tests the few thousand cases of a court at most, never the whole table.
    const json = this.reads.dialect === 'postgres' ? POSTGRES_JSON : SQLITE_JSON;
    const keyset = after === null ? '' : ` AND ${plan.order} < ?`;
    const rows = await this.reads.query<Record<string, string | number | null>>(
      `WITH page AS MATERIALIZED (SELECT ${plan.order} AS seq, i.case_id, i.next_deadline FROM ${plan.from} WHERE ${plan.where}${keyset} ORDER BY ${plan.order} DESC LIMIT ?)
       SELECT page.seq, page.next_deadline, c.id, c.number, c.procedure, c.state, c.version, c.created_at, c.updated_at,
         ${json.convict} AS convict, ${json.institution} AS institution, ${json.claims} AS claims, (${total.sql}) AS n
       FROM page JOIN cases c ON c.id = page.case_id ORDER BY page.seq DESC`,
      [...plan.params, ...(after === null ? [] : [after]), limit + 1, ...total.params],
    );
    const known = countOf(
      total,
      rows.length ? rows : await this.reads.query<{ n: number | string }>(total.sql, total.params),
    );
    const items = rows.slice(0, limit).map((r) => ({
      id: r.id as string,
      number: r.number as string,
      procedure: r.procedure as 'parole' | 'replacement',
      state: r.state as string,
      version: Number(r.version),
      convict: r.convict as string,
      institution: r.institution as string,
      claims: Number(r.claims),
      nextDeadline: r.next_deadline as string | null,
      createdAt: r.created_at as string,
      updatedAt: r.updated_at as string,
    }));
    return { items, nextCursor: rows.length > limit ? encodeCursor(Number(rows[limit - 1].seq)) : null, ...known };
  }
}

/** What a listing shows of the application, read in SQL rather than parsing every application. */
const SQLITE_JSON = {
  convict: "json_extract(c.application, '$.convict.fullName')",
  institution: "json_extract(c.application, '$.convict.institution')",
  claims: "json_array_length(c.application, '$.claims')",
};
const POSTGRES_JSON = {
  convict: "(c.application::json #>> '{convict,fullName}')",
  institution: "(c.application::json #>> '{convict,institution}')",
  claims: "json_array_length(c.application::json -> 'claims')",
};

/**
 * The total as one scalar statement: without filters, exact — the user's cases counted in the range of his key in
 * case_access (a mediator's or a lawyer's few hundred, a court's few thousand: an index range, not a table scan);
 * otherwise counted, up to TOTAL_CAP + 1 (more means "more than TOTAL_CAP"). The service-wide counts of case_counts
 * are no one's listing total any more: every listing is someone's.
 */
function totalQuery(f: ListCasesQuery, plan: ListingPlan): TotalQuery {
  const claimStates = requiredClaimStates(f);
  const others = [f.court, f.mediator, f.deadlineBefore, f.q, f.state].some((v) => v !== undefined);
  if (!others && claimStates.length === 0)
    return { sql: 'SELECT COUNT(*) AS n FROM case_access WHERE key = ?', params: [plan.scope], capped: false };
  return {
    sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${plan.countFrom} WHERE ${plan.where} LIMIT ${TOTAL_CAP + 1}) capped`,
    params: plan.params,
    capped: true,
  };
}

interface TotalQuery {
  sql: string;
  params: unknown[];
  /** Counted up to TOTAL_CAP + 1 (else an exact count kept in case_counts). */
  capped: boolean;
}

function countOf(total: TotalQuery, rows: { n?: number | string | null }[]): { total: number; totalExact: boolean } {
  const n = Number(rows[0].n);
  return total.capped && n > TOTAL_CAP ? { total: TOTAL_CAP, totalExact: false } : { total: n, totalExact: true };
}

interface ListingPlan {
  /** The access key of the user the listing is for. */
  scope: AccessKey;
  from: string;
  where: string;
  params: unknown[];
  /** The column the walk is ordered by: seq of the table that drives it. */
  order: string;
  /** The driving table alone, when no condition needs case_index: what a capped count walks. */
  countFrom: string;
}

function requiredClaimStates(f: ListCasesQuery): string[] {
  const states = f.claimState ? [f.claimState] : [];
  if (f.arrears === true && !states.includes('inArrears')) states.push('inArrears');
  return states;
}

/**
 * The statement for a filter, within the user's scope: the most selective structure drives the walk newest first —
 * the search index, the ИИН index or a claim state's index when given (each joined to the user's key in
 * case_access by seq), else the user's own range of case_access (primary key (key, seq)), case_index joined for the
 * filtered columns. Null when the search holds no word at all: nothing can match.
 */
function listingPlan(f: ListCasesQuery, dialect: 'sqlite' | 'postgres', scope: AccessKey): ListingPlan | null {
  const joins: string[] = [];
  const joinParams: unknown[] = [];
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'case_access a JOIN case_index i ON i.seq = a.seq';
  let driver = 'case_access a';
  let order = 'a.seq';
  where.push('a.key = ?');
  params.push(scope);
  const scopeBy = (seq: string) => {
    // Another structure drives: the scope is a primary-key probe per candidate.
    where.shift();
    params.shift();
    joins.unshift(`JOIN case_access a ON a.key = ? AND a.seq = ${seq}`);
    joinParams.unshift(scope);
  };
  const q = f.q?.trim();
  if (q) {
    if (IIN.test(q)) {
      from = 'case_iin x JOIN case_index i ON i.seq = x.seq';
      driver = 'case_iin x';
      order = 'x.seq';
      scopeBy(order);
      where.push('x.iin = ?');
      params.push(q);
    } else {
      const words = searchWords(q);
      if (words.length === 0) return null;
      if (dialect === 'sqlite') {
        from = 'case_fts f JOIN case_index i ON i.seq = f.rowid';
        driver = 'case_fts f';
        order = 'f.rowid';
        scopeBy(order);
        where.push('case_fts MATCH ?');
        // Each word is letters and digits only, quoted: a word the name begins with («ерж» finds «Ержанов»).
        params.push(words.map((w) => `"${w}"*`).join(' '));
      } else {
        for (const w of words) {
          where.push('i.search_text LIKE ?');
          params.push(`%${w}%`);
        }
      }
    }
  }
  let stateDone = false;
  requiredClaimStates(f).forEach((state, n) => {
    if (!q && n === 0) {
      from = 'case_claim_states s0 JOIN case_index i ON i.seq = s0.seq';
      driver = 'case_claim_states s0';
      order = 's0.seq';
      scopeBy(order);
      where.push('s0.claim_state = ?');
      params.push(state);
      if (f.state !== undefined) {
        where.push('s0.state = ?'); // index (claim_state, state, seq)
        params.push(f.state);
        stateDone = true;
      }
    } else {
      joins.push(`JOIN case_claim_states s${n} ON s${n}.seq = i.seq AND s${n}.claim_state = ?`);
      joinParams.push(state);
    }
  });
  if (f.state !== undefined && !stateDone) {
    where.push('i.state = ?');
    params.push(f.state);
  }
  if (f.court !== undefined) {
    where.push('i.court_key = ?');
    params.push(filterKey(f.court));
  }
  if (f.mediator !== undefined) {
    where.push('i.mediator_key = ?');
    params.push(filterKey(f.mediator));
  }
  if (f.deadlineBefore !== undefined) {
    where.push('i.next_deadline < ?');
    params.push(f.deadlineBefore);
  }
  const whereText = where.length ? where.join(' AND ') : '1 = 1';
  return {
    scope,
    from: [from, ...joins].join(' '),
    where: whereText,
    params: [...joinParams, ...params],
    order,
    countFrom: joins.length === 0 && !/\bi\./.test(whereText) ? driver : [from, ...joins].join(' '),
  };
}

export function encodeCursor(seq: number): string {
  return Buffer.from(`c1.${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^[A-Za-z0-9_-]{1,40}$/.test(cursor)
    ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('latin1'))
    : null;
  const seq = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(seq)) {
    throw DomainError.validation([
      {
        field: 'cursor',
        rule: 'isCursor',
        message: 'Неверный курсор: передайте значение nextCursor из предыдущего ответа без изменений',
      },
    ]);
  }
  return seq;
}

async function findCase(query: ReadQuery, id: string): Promise<CaseEntity | null> {
  const rows = await query<Record<string, string | number>>('SELECT * FROM cases WHERE id = ?', [id]);
  return rows.length ? toEntity(rows[0]) : null;
}

async function mustFind(query: ReadQuery, id: string): Promise<CaseEntity> {
  const entity = await findCase(query, id);
  if (!entity) throw DomainError.notFound('Дело', id);
  return entity;
}

function toEntity(r: Record<string, string | number | null>): CaseEntity {
  return Object.assign(new CaseEntity(), {
    id: r.id,
    number: r.number,
    procedure: r.procedure,
    state: r.state,
    searchText: r.search_text,
    version: Number(r.version),
    machineId: r.machine_id,
    machineVersion: r.machine_version === undefined ? undefined : Number(r.machine_version),
    application: JSON.parse(r.application as string) as CaseEntity['application'],
    snapshot: r.snapshot === undefined ? undefined : (JSON.parse(r.snapshot as string) as CaseEntity['snapshot']),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}
