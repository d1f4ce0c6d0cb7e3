/**
 * The statistics of one case, as cells to be summed (table case_stats): what the case contributes to each figure,
 * under which month and for whom. Pure: no framework, no database.
 *
 * A cell is (metric, month, dimension, dimension value, n). Each figure is counted in the month of ITS OWN date:
 *   app, app.<outcome>           the application (the day the case was opened), with the case's present outcome
 *   inv, inv.<outcome>           a victim's claim, in the month of its (latest) invitation, with its present outcome
 *   agr, agr.days (dim 'days')   an agreement, in the month it was signed; days from the application to it
 *   money.*                      tiyn of the cases opened in the month: awarded, agreed, paid, waived
 *   inst.due/missed/excused      instalments of the current schedules, in the month they fall due
 *   default, revoked             a default reported / parole revoked, in that month
 *   court.*                      petitions filed (re-filings) and the court's decisions, in their months
 *   now.*                        (month 'now') claims in arrears today and their arrears: no period applies
 * Scopes: whose figures a cell counts in — 'region', `mediator:<user>`, `lawyer:<user>`, `morg:<organisation>`,
 * `lorg:<organisation>`, `court:<court>`, `officer:<unit>`. The wide scopes (everything but one's own cases)
 * also get the headline metrics broken down by mediator, court and institution.
 */
import { describeProcedure, type ProcedureState } from '../../../machines/procedure';
import { arrearsOf, claimReadings } from '../../../machines/read';
import type { CaseApplication } from '../../cases/domain/case-application';
import { lawyerIdsOf } from '../../cases/domain/case-access';
import { daysBetween } from '../../common/local-date';

/** [metric, month ('YYYY-MM' or 'now'), dimension ('' for none), dimension value, n]. */
export type Cell = [string, string, string, string, number];

export const NOW = 'now';

/** The outcome of an application, from the case's state. */
export const APPLICATION_OUTCOMES = [
  'awaiting',
  'mediation',
  'court',
  'granted',
  'refused',
  'declined',
  'withdrawn',
  'revoked',
] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

const OUTCOME_OF_STATE: Record<string, ApplicationOutcome> = {
  applied: 'awaiting',
  mediation: 'mediation',
  readyForCourt: 'court',
  petitionFiled: 'court',
  hearingScheduled: 'court',
  paroleGranted: 'granted',
  replaced: 'granted',
  restitution: 'granted',
  closed: 'granted',
  refused: 'refused',
  declined: 'declined',
  withdrawn: 'withdrawn',
  revoked: 'revoked',
};

/** Where an invitation of a victim stands. */
export const INVITATION_OUTCOMES = ['agreed', 'refused', 'silent', 'terminated', 'open'] as const;
const INVITATION_OF_STATE: Record<string, (typeof INVITATION_OUTCOMES)[number]> = {
  agreed: 'agreed',
  refused: 'refused',
  silent: 'silent',
  terminated: 'terminated',
  invited: 'open',
  accepted: 'open',
  negotiating: 'open',
};

export const COURT_DECISION_METRICS = [
  'court.parole.mandatory',
  'court.parole.discretionary',
  'court.refused',
  'court.replacement',
] as const;

/** A petition filed or a decision of the court, kept with the case's cells (the state keeps only the latest). */
export interface CourtEvent {
  metric: 'court.filed' | 'court.refiled' | (typeof COURT_DECISION_METRICS)[number];
  month: string;
}

/** The metrics broken down by mediator, court and institution (in the wide scopes). */
export const BREAKDOWN_METRICS: ReadonlySet<string> = new Set([
  'app',
  'inv',
  'inv.agreed',
  'agr',
  ...COURT_DECISION_METRICS,
  'money.paid',
]);
export const BREAKDOWN_DIMENSIONS = ['mediator', 'court', 'institution'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** Everything the cells of a case are computed from. */
export interface CaseForStatistics {
  /** The day the application was filed (Asia/Almaty). */
  appliedOn: string;
  state: string;
  application: CaseApplication;
  snapshot: ProcedureState;
  /** The organisations of the case's lawyers (their accounts' organisation), sorted. */
  lawyerOrganisations: readonly string[];
  court: readonly CourtEvent[];
}

const monthOf = (date: string): string => date.slice(0, 7);

/** The scopes whose figures the case counts in: the region, its people, their organisations, court and unit. */
export function scopesOf(c: Pick<CaseForStatistics, 'application' | 'lawyerOrganisations'>): string[] {
  const app = c.application;
  const keys = new Set<string>(['region']);
  if (app.mediator?.userId) keys.add(`mediator:${app.mediator.userId}`);
  for (const id of lawyerIdsOf(app)) keys.add(`lawyer:${id}`);
  if (app.mediator?.organisationId) keys.add(`morg:${app.mediator.organisationId}`);
  for (const org of c.lawyerOrganisations) keys.add(`lorg:${org}`);
  for (const id of app.petitionCourtIds ?? []) keys.add(`court:${id}`);
  if (app.supervisionUnitId) keys.add(`officer:${app.supervisionUnitId}`);
  return [...keys].sort();
}

/** One's own cases: no breakdown (there is one mediator or lawyer) and no suppression. */
export const isOwnScope = (scope: string): boolean => scope.startsWith('mediator:') || scope.startsWith('lawyer:');

/** The values of the breakdown dimensions of a case ('' when unknown: not filed with a court yet). */
export function dimensionsOf(app: CaseApplication): Record<BreakdownDimension, string> {
  const courts = app.petitionCourtIds ?? [];
  return {
    mediator: app.mediator?.userId ?? '',
    court: courts.length ? courts[courts.length - 1] : '',
    institution: (app.convict.institutionId ?? app.convict.institution ?? '').slice(0, 80),
  };
}

/** The figures of one case (no scope yet): metric, month, dimension '' or 'days', value, n. */
export function caseFigures(c: CaseForStatistics): Cell[] {
  const out: Cell[] = [];
  const add = (metric: string, month: string, n: number, dim = '', value = '') => {
    if (n !== 0) out.push([metric, month, dim, value, n]);
  };
  const applied = monthOf(c.appliedOn);
  add('app', applied, 1);
  add(`app.${OUTCOME_OF_STATE[c.state] ?? 'awaiting'}`, applied, 1);
  let awarded = 0;
  let agreed = 0;
  let paid = 0;
  let waived = 0;
  for (const claim of c.application.claims) awarded += claim.amountAwarded;
  for (const claim of claimReadings(c.snapshot)) {
    const kind = c.application.claims.find((x) => x.id === claim.id)?.kind;
    if (kind !== 'state' && claim.invitedOn) {
      const invited = monthOf(claim.invitedOn);
      add('inv', invited, 1);
      add(`inv.${INVITATION_OF_STATE[claim.mediationState] ?? 'open'}`, invited, 1);
    }
    if (claim.agreement) {
      const signed = claim.agreement.signedOn;
      add('agr', monthOf(signed), 1);
      add('agr.days', monthOf(signed), 1, 'days', String(Math.max(0, daysBetween(c.appliedOn, signed))));
    }
    const r = claim.restitution;
    if (r) {
      agreed += r.context.owed;
      paid += r.context.paid;
      waived += r.context.waived;
      for (const row of r.context.schedule) add('inst.due', monthOf(row.dueDate), 1);
      for (const miss of r.context.misses) {
        if (miss.scheduleVersion !== r.context.scheduleVersion) continue;
        add('inst.missed', monthOf(miss.dueDate), 1);
        if (miss.goodReason === true) add('inst.excused', monthOf(miss.dueDate), 1);
      }
      if (r.context.defaultReportedOn) add('default', monthOf(r.context.defaultReportedOn), 1);
      if (r.state === 'inArrears') {
        add('now.arrears', NOW, 1);
        add('now.arrearsAmount', NOW, arrearsOf(c.snapshot, claim.id)?.amount ?? 0);
      }
      if (r.state !== 'paidInFull') add('now.paying', NOW, 1);
    }
  }
  add('money.awarded', applied, awarded);
  add('money.agreed', applied, agreed);
  add('money.paid', applied, paid);
  add('money.waived', applied, waived);
  const revocation = c.snapshot.case.context.revocation;
  if (revocation) add('revoked', monthOf(revocation.decisionDate), 1);
  for (const e of c.court) add(e.metric, e.month, 1);
  return out;
}

/**
 * True when a write cannot have changed the case's statistics: the same application and state, not a court's event,
 * and the same figures before and after (a session held, an extension). Then the hook sends no statement.
 */
export function figuresUnchanged(
  before: { state: string; snapshot: ProcedureState; application: CaseApplication | undefined },
  after: { state: string; snapshot: ProcedureState; application: CaseApplication; appliedOn: string },
  eventType: string,
): boolean {
  if (before.application !== after.application || before.state !== after.state) return false;
  if (eventType === 'petition.filed' || eventType === 'court.decided') return false;
  const figures = (state: string, snapshot: ProcedureState) =>
    JSON.stringify(
      caseFigures({
        appliedOn: after.appliedOn,
        state,
        application: after.application,
        snapshot,
        lawyerOrganisations: [],
        court: [],
      }),
    );
  return figures(before.state, before.snapshot) === figures(after.state, after.snapshot);
}

/** A cell as stored: [scope, metric, month, dimension, dimension value, n]. */
export type ScopedCell = [string, string, string, string, string, number];

/** What is kept of a case's statistics (case_facts.facts): enough to take its cells back out of the sums. */
export interface StoredFacts {
  scopes: string[];
  dims: Record<BreakdownDimension, string>;
  figures: Cell[];
  court: CourtEvent[];
}

export function factsOf(c: CaseForStatistics): StoredFacts {
  return { scopes: scopesOf(c), dims: dimensionsOf(c.application), figures: caseFigures(c), court: [...c.court] };
}

/** Every cell of a case: its figures under each of its scopes, and the breakdowns in the wide scopes. */
export function expandCells(f: StoredFacts): ScopedCell[] {
  const out: ScopedCell[] = [];
  for (const scope of f.scopes) {
    const wide = !isOwnScope(scope);
    for (const [metric, month, dim, value, n] of f.figures) {
      out.push([scope, metric, month, dim, value, n]);
      if (dim === '' && wide && BREAKDOWN_METRICS.has(metric))
        for (const d of BREAKDOWN_DIMENSIONS) out.push([scope, metric, month, d, f.dims[d], n]);
    }
  }
  return out;
}

/** The court's own events as an event adds them (petition.filed, court.decided), for `CaseForStatistics.court`. */
export function courtEventOf(
  event: { type: string; decision?: unknown; decisionDate?: unknown },
  eventDate: string,
  after: ProcedureState,
): CourtEvent[] {
  if (event.type === 'petition.filed') {
    const out: CourtEvent[] = [{ metric: 'court.filed', month: monthOf(eventDate) }];
    if (after.case.context.petitions > 1) out.push({ metric: 'court.refiled', month: monthOf(eventDate) });
    return out;
  }
  if (event.type === 'court.decided') {
    const on = typeof event.decisionDate === 'string' ? event.decisionDate : eventDate;
    const month = monthOf(on);
    if (event.decision === 'parole')
      return [
        {
          // УК 72 ч. 1 абз. 2: every claim paid or waived when the court decided — the court had to release him.
          metric: describeProcedure(after).mandatoryParole ? 'court.parole.mandatory' : 'court.parole.discretionary',
          month,
        },
      ];
    if (event.decision === 'refused') return [{ metric: 'court.refused', month }];
    if (event.decision === 'replacement') return [{ metric: 'court.replacement', month }];
  }
  return [];
}

const keyOf = (c: ScopedCell): string => `${c[0]}\u0001${c[1]}\u0001${c[2]}\u0001${c[3]}\u0001${c[4]}`;

/** The changes that turn the cells `before` into `after` (n ≠ 0), in a fixed order (no deadlocks on PostgreSQL). */
export function cellDelta(before: readonly ScopedCell[], after: readonly ScopedCell[]): ScopedCell[] {
  const sums = new Map<string, ScopedCell>();
  const put = (c: ScopedCell, sign: number) => {
    const k = keyOf(c);
    const found = sums.get(k);
    if (found) found[5] += sign * c[5];
    else sums.set(k, [c[0], c[1], c[2], c[3], c[4], sign * c[5]]);
  };
  for (const c of before) put(c, -1);
  for (const c of after) put(c, 1);
  return [...sums.entries()]
    .filter(([, c]) => c[5] !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}
