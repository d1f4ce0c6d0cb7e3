/**
 * The lines of "my work" as the page shows them: what is due in words in the reader's language, how far off,
 * and where to go — the form of the step to take when the reader's role records it, else the claim's
 * restitution page or the case. Pure.
 */
import { EVENT_CATALOGUE, isEventType } from '../../../machines/catalogue';
import type { CaseRole } from '../../auth/principal';
import type { WorkItem, WorkKind } from '../../cases/work-queries';
import { caseStateLabel } from '../../cases/state-labels';
import type { CaseStateValue } from '../../../machines';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { formatMoney } from '../render/format';

/** The step a kind of work calls for. */
const STEP_OF: Partial<Record<WorkKind, string>> = {
  reply: 'invitation.accepted',
  term: 'agreement.signed',
  hearing: 'court.decided',
  petition: 'hearing.scheduled',
  eligibility: 'petition.filed',
};

export interface WorkLine {
  kind: WorkKind;
  kindLabel: string;
  caseId: string;
  number: string;
  convict: string;
  stateLabel: string;
  what: string;
  date: string;
  when: string;
  overdue: boolean;
  today: boolean;
  href: string;
  isStep: boolean;
}

/** Whole days from `a` to `b` (calendar dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function workLine(item: WorkItem, role: CaseRole, lang: Lang, today: string): WorkLine {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const victim = item.victim ?? '';
  let what: string;
  switch (item.kind) {
    case 'instalment':
      what = t('lists.what.instalment', {
        victim,
        no: item.instalmentNo ?? '',
        amount: item.amount === null ? '' : formatMoney(item.amount),
      });
      break;
    case 'arrears':
      what = t('lists.what.arrears', { victim, amount: formatMoney(item.amount ?? 0), misses: item.evasions ?? 0 });
      break;
    case 'hearing':
      what = t(item.date < today ? 'lists.what.hearingPast' : 'lists.what.hearing');
      break;
    case 'eligibility':
      what = t(
        item.state === 'readyForCourt' || (item.state === 'refused' && item.date <= today)
          ? 'lists.what.eligibilityReady'
          : 'lists.what.eligibility',
      );
      break;
    default:
      what = t(`lists.what.${item.kind}`, { victim });
  }
  const days = daysBetween(today, item.date);
  const when =
    days === 0 ? t('lists.when.today') : days > 0 ? t('lists.when.in', { n: days }) : t('lists.when.ago', { n: -days });
  const step = STEP_OF[item.kind];
  const stepAllowed =
    step !== undefined &&
    isEventType(step) &&
    (EVENT_CATALOGUE[step].roles as readonly string[]).includes(role) &&
    (item.kind !== 'eligibility' || item.state === 'readyForCourt' || item.state === 'refused');
  const claimQuery = item.claimId ? `?claim=${encodeURIComponent(item.claimId)}` : '';
  const href = stepAllowed
    ? `/cases/${item.caseId}/steps/${step}${claimQuery}`
    : (item.kind === 'instalment' || item.kind === 'arrears') && item.claimId
      ? `/cases/${item.caseId}/claims/${item.claimId}`
      : `/cases/${item.caseId}`;
  return {
    kind: item.kind,
    kindLabel: t(`lists.kind.${item.kind}`),
    caseId: item.caseId,
    number: item.number,
    convict: item.convict,
    stateLabel: caseStateLabel(item.state as CaseStateValue, lang),
    what,
    date: item.date,
    when,
    overdue: item.kind === 'arrears' || (days < 0 && item.kind !== 'eligibility'),
    today: days === 0,
    href,
    isStep: stepAllowed,
  };
}
