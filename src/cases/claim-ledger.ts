import { type Payment, type ProcedureState, claimLedger, claimReading } from '../../machines';
import { DomainError } from '../common/domain-error';
import { parolee } from '../law/legal-rules';
import { formatTenge } from '../money/domain/money';
import type { CaseApplication } from './domain/case-application';

/** «УК РК ст. 72 ч. 7 п. 1»: the rule on evading restitution as a ground to revoke parole. */
const revocationRule = (() => {
  const c = parolee.maxEvasionsBeforeRevocationGround.source;
  return `${c.act} РК ст. ${c.article}${c.part ? ` ч. ${c.part}` : ''}${c.item ? ` п. ${c.item}` : ''}`;
})();

/**
 * The agreement's schedule with the payments applied (oldest open instalment first) and each row's status as
 * of today — what the supervising officer and the court look at. Row 0 is what was due before the current
 * schedule (the part paid before the hearing, or paid before an amendment). Arrears and the misses without a
 * good reason (УК 72 ч. 7 п. 1) are the restitution machine's own record, read through machines/read.ts.
 * `payments` are the claim's rows of the payments ledger, in the order recorded.
 */
export function claimLedgerView(
  state: ProcedureState,
  application: CaseApplication,
  claimId: string,
  today: string,
  graceDays: number,
  payments: readonly Payment[],
) {
  const claim = application.claims.find((c) => c.id === claimId);
  if (!claim) throw DomainError.notFound('Требование', claimId);
  const agreement = claimReading(state, claimId)?.agreement;
  const l = claimLedger(state, claimId, today, graceDays, payments);
  if (!l || !agreement) {
    throw new DomainError('not_found', 'По этому требованию соглашение не подписано: графика погашения нет', {
      claimId,
    });
  }
  const { context: c, ledger } = l;
  const threshold = parolee.maxEvasionsBeforeRevocationGround.value;
  return {
    claimId,
    victim: claim.victim.fullName,
    restitution: l.state,
    agreement: { signedOn: agreement.signedOn, terms: agreement.terms },
    scheduleFixed: c.schedule.length > 0 || !c.instalments,
    releaseDate: c.releaseDate,
    owed: c.owed,
    waived: c.waived,
    paidTotal: c.paid,
    balance: c.owed - c.paid,
    arrears: l.arrears.amount,
    formatted: {
      owed: formatTenge(c.owed),
      paidTotal: formatTenge(c.paid),
      balance: formatTenge(c.owed - c.paid),
      arrears: formatTenge(l.arrears.amount),
    },
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
    payments,
    misses: c.misses,
    /** The schedule the misses of which can still be explained (`payment.missed.explained`): the current one. */
    scheduleVersion: c.scheduleVersion,
    missedWithoutGoodReason: l.evasions,
    missedWithGoodReason: l.excusedMisses,
    revocationGround: l.evasions > threshold,
    revocationRule,
    closedOn: c.paidInFullOn,
    defaultReportedOn: c.defaultReportedOn,
    asOf: today,
    graceDays,
  };
}
