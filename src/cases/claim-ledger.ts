import type { ProcedureState } from '../../machines/procedure';
import type { ClaimMediationContext } from '../../machines/claim-mediation.machine';
import type { RestitutionContext } from '../../machines/restitution.machine';
import { DomainError } from '../common/domain-error';
import { formatTenge } from '../money/domain/money';
import { assessArrears } from '../restitution/domain/arrears';
import { applyLedger } from '../restitution/domain/ledger';
import type { CaseApplication } from './domain/case-application';

interface Persisted<C> {
  value: unknown;
  context: C;
}

export function mediationContextOf(state: ProcedureState, claimId: string): ClaimMediationContext | null {
  const claim = state.claims[claimId];
  return claim ? (claim.mediation as Persisted<ClaimMediationContext>).context : null;
}

export function restitutionOf(state: ProcedureState, claimId: string): { state: string; context: RestitutionContext } | null {
  const r = state.claims[claimId]?.restitution as Persisted<RestitutionContext> | null | undefined;
  return r ? { state: String(r.value), context: r.context } : null;
}

/**
 * The agreement's schedule with the payments applied (oldest open instalment first), arrears after the
 * grace period and the count of misses without a good reason (УК 72 ч. 7 п. 1) — what the supervising
 * officer and the court look at. Row 0 is what was due before the current schedule (the part paid before
 * the hearing, or paid before an amendment).
 */
export function claimLedgerView(state: ProcedureState, application: CaseApplication, claimId: string, today: string, graceDays: number) {
  const claim = application.claims.find((c) => c.id === claimId);
  if (!claim) throw DomainError.notFound('Требование', claimId);
  const restitution = restitutionOf(state, claimId);
  const mediation = mediationContextOf(state, claimId);
  if (!restitution || !mediation?.agreement) {
    throw new DomainError('not_found', 'По этому требованию соглашение не подписано: графика погашения нет', { claimId });
  }
  const c = restitution.context;
  const rows = [
    ...(c.scheduleOffset > 0 ? [{ no: 0, dueDate: c.agreementDate, amount: c.scheduleOffset }] : []),
    ...c.schedule.map((r) => ({ no: r.no, dueDate: r.dueDate, amount: r.amount })),
  ];
  const payments = c.payments.map((p) => ({ reference: p.reference, amount: p.amount, date: p.date, evidence: p.evidence ?? 'other' }));
  const ledger = applyLedger(rows, payments, today, graceDays);
  const reasons = c.misses
    .filter((m) => m.scheduleVersion === c.scheduleVersion && m.goodReason !== null)
    .map((m) => ({ instalmentNo: m.instalmentNo, goodReason: m.goodReason as boolean, reason: m.reason ?? '' }));
  let arrears;
  try {
    arrears = assessArrears(ledger, reasons);
  } catch {
    arrears = assessArrears(ledger, []); // a reason for an instalment since paid on time: the ledger no longer counts it
  }
  return {
    claimId,
    victim: claim.victim.fullName,
    restitution: restitution.state,
    agreement: { signedOn: mediation.agreement.signedOn, terms: mediation.agreement.terms },
    scheduleFixed: c.schedule.length > 0 || !c.instalments,
    releaseDate: c.releaseDate,
    owed: c.owed,
    waived: c.waived,
    paidTotal: ledger.paidTotal,
    balance: ledger.balance,
    arrears: ledger.arrears,
    formatted: { owed: formatTenge(c.owed), paidTotal: formatTenge(ledger.paidTotal), balance: formatTenge(ledger.balance), arrears: formatTenge(ledger.arrears) },
    instalments: ledger.instalments.map((i) => ({
      no: i.no,
      dueDate: i.dueDate,
      amount: i.amount,
      paid: i.paid,
      remaining: i.remaining,
      status: i.status,
      overdueFrom: i.overdueFrom,
      paidOn: i.paidOn ?? null,
      paidLate: i.paidLate,
    })),
    payments: c.payments,
    misses: c.misses,
    missedWithoutGoodReason: arrears.missedWithoutGoodReason,
    missedWithGoodReason: arrears.missedWithGoodReason,
    revocationGround: arrears.revocationGround,
    revocationRule: arrears.citationText,
    closedOn: c.paidInFullOn,
    defaultReportedOn: c.defaultReportedOn,
    asOf: today,
    graceDays,
  };
}
