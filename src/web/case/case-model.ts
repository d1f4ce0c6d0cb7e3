/**
 * What the page of a case shows, built from what the service reads (the case view, its machine snapshot, its
 * history, its eligibility) in the reader's language. Pure: no framework imports, no database.
 */
import {
  EVENT_CATALOGUE,
  isEventType,
  isUserEventType,
  ROLE_LABELS,
  type Role,
  type Text,
} from '../../../machines/catalogue';
import { arrearsOf, claimReading } from '../../../machines/read';
import type { ProcedureState } from '../../../machines/snapshot';
import type { CaseView } from '../../cases/case-view';
import { formatCitation } from '../../eligibility/domain/citation-format';
import type { Citation } from '../../law/legal-rules';
import { daysBetween } from '../../common/local-date';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { formatDate, formatDateTime, formatMoney } from '../render/format';

/** A step the signed-in user may record now: a button to its form. */
export interface StepLink {
  type: string;
  label: string;
  href: string;
  help: string;
}

const say = (t: Text, lang: Lang): string => t[lang] ?? t.ru;

/** The form of a step: /cases/:id/steps/:type, with ?claim= for a claim's step. */
export const stepHref = (caseId: string, type: string, claimId?: string | null): string =>
  `/cases/${caseId}/steps/${encodeURIComponent(type)}${claimId ? `?claim=${encodeURIComponent(claimId)}` : ''}`;

/** Whether this role may record this event at all (the catalogue's roles; events of the deadline service never). */
export function mayRecord(type: string, role: string): boolean {
  return isUserEventType(type) && (EVENT_CATALOGUE[type].roles as readonly string[]).includes(role);
}

/** The steps of these types that the role may record, as buttons. */
export function stepLinks(
  caseId: string,
  types: readonly string[],
  role: string,
  lang: Lang,
  claimId?: string | null,
): StepLink[] {
  return types
    .filter((t) => mayRecord(t, role))
    .map((type) => {
      const spec = EVENT_CATALOGUE[type as keyof typeof EVENT_CATALOGUE];
      return { type, label: say(spec.label, lang), help: say(spec.help, lang), href: stepHref(caseId, type, claimId) };
    });
}

/** Everything the role may record now: the case's own steps and each claim's. */
export function allStepLinks(view: CaseView, role: string, lang: Lang): StepLink[] {
  return [
    ...stepLinks(view.id, view.nextEvents, role, lang),
    ...view.claims.flatMap((c) => stepLinks(view.id, c.nextEvents, role, lang, c.id)),
  ];
}

/** «сегодня», «через 3 дн.», «2 дн. назад». */
export function inDays(date: string, today: string, lang: Lang): string {
  const n = daysBetween(today, date);
  if (n === 0) return translate(lang, 'case.days.today');
  return n > 0 ? translate(lang, 'case.days.in', { n }) : translate(lang, 'case.days.ago', { n: -n });
}

const DEADLINE_KEYS: Readonly<Record<string, string>> = {
  'invitation.expired': 'case.deadline.invitation.expired',
  'term.expired': 'case.deadline.term.expired',
  'payment.overdue': 'case.deadline.payment.overdue',
  'hearing.reminder': 'case.deadline.hearing.reminder',
};

export interface DeadlineLine {
  sentence: string;
  date: string;
  when: string;
  overdue: boolean;
}

/** The pending deadlines in words, soonest first. */
export function deadlineLines(view: CaseView, today: string, lang: Lang): DeadlineLine[] {
  const victims = victimNames(view);
  return [...view.deadlines]
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
    .map((d) => ({
      sentence: translate(lang, DEADLINE_KEYS[d.type] ?? 'case.deadline.other', {
        victim: (d.claimId && victims.get(d.claimId)) || '',
        date: formatDate(d.dueDate, lang),
      }),
      date: d.dueDate,
      when: inDays(d.dueDate, today, lang),
      overdue: d.dueDate < today,
    }));
}

export const victimNames = (view: CaseView): Map<string, string> =>
  new Map(view.claims.map((c) => [c.id, c.victim.fullName]));

/** A row of the history as the API gives it (CaseQueries.history). */
export interface HistoryEntry {
  seq: number;
  type: string;
  claimId: string | null;
  actor: { role: string; name: string | null };
  recordedAt: string;
}

export interface TimelineEntry {
  what: string;
  who: string;
  role: string;
  when: string;
  iso: string;
  claim: string | null;
}

/** Who did what when, newest first: the catalogue's label in the reader's language, the time in Asia/Almaty. */
export function timeline(history: readonly HistoryEntry[], view: CaseView, lang: Lang): TimelineEntry[] {
  const victims = victimNames(view);
  return [...history].reverse().map((h) => {
    const what = isEventType(h.type)
      ? say(EVENT_CATALOGUE[h.type].label, lang)
      : translate(lang, h.type === 'case.applied' ? 'case.timeline.applied' : 'case.timeline.unknown');
    const roleLabel = h.actor.role in ROLE_LABELS ? say(ROLE_LABELS[h.actor.role as Role], lang) : h.actor.role;
    const victim = h.claimId ? victims.get(h.claimId) : undefined;
    return {
      what,
      who: h.actor.name ?? roleLabel,
      role: roleLabel,
      when: formatDateTime(h.recordedAt, lang),
      iso: h.recordedAt,
      claim: victim ? translate(lang, 'case.timeline.claim', { victim }) : null,
    };
  });
}

export interface ClaimCard {
  id: string;
  victim: string;
  representative: string | null;
  tracked: boolean;
  awarded: string;
  recovered: string;
  outstanding: string;
  where: string;
  invitation: string | null;
  contract: string | null;
  agreement: string[] | null;
  restitution: {
    paid: number;
    owed: number;
    percent: number;
    text: string;
    arrears: string | null;
    href: string;
  } | null;
  steps: StepLink[];
}

/** One card per claim: where it stands, from invitation to restitution. */
export function claimCards(view: CaseView, state: ProcedureState | undefined, role: string, lang: Lang): ClaimCard[] {
  return view.claims.map((c) => {
    const reading = state ? claimReading(state, c.id) : null;
    const where = c.state
      ? [
          translate(lang, `case.mediation.${c.state}`),
          ...(c.restitution ? [translate(lang, `case.restitution.${c.restitution}`)] : []),
        ].join(' · ')
      : '';
    const invitation = reading?.invitedOn
      ? translate(lang, 'case.claim.invitedOn', {
          date: formatDate(reading.invitedOn, lang),
          replyBy: formatDate(reading.replyBy, lang),
        })
      : null;
    const contract = reading?.termEndsOn
      ? translate(lang, 'case.claim.termEndsOn', { date: formatDate(reading.termEndsOn, lang) })
      : null;
    const terms = reading?.agreement?.terms;
    const agreement =
      reading?.agreement && terms
        ? [
            translate(lang, 'case.claim.signedOn', { date: formatDate(reading.agreement.signedOn, lang) }),
            ...(terms.paidBeforeHearing > 0
              ? [translate(lang, 'case.claim.beforeHearing', { amount: formatMoney(terms.paidBeforeHearing) })]
              : []),
            ...(terms.waived > 0 ? [translate(lang, 'case.claim.waived', { amount: formatMoney(terms.waived) })] : []),
            ...(terms.instalments
              ? [
                  translate(lang, 'case.claim.instalments', {
                    total: formatMoney(terms.instalments.total),
                    monthly: formatMoney(terms.instalments.monthly),
                  }),
                ]
              : []),
          ]
        : null;
    const r = reading?.restitution?.context;
    let restitution: ClaimCard['restitution'] = null;
    if (r && state) {
      const paid = Math.min(r.paid, r.owed);
      const percent = r.owed > 0 ? Math.floor((paid * 100) / r.owed) : 100;
      const arrears = arrearsOf(state, c.id);
      restitution = {
        paid,
        owed: r.owed,
        percent,
        text: translate(lang, 'case.claim.progress', {
          paid: formatMoney(r.paid),
          owed: formatMoney(r.owed),
          percent,
        }),
        arrears:
          arrears && arrears.misses.length > 0
            ? translate(lang, 'case.claim.arrears', { amount: formatMoney(arrears.amount) })
            : null,
        href: `/cases/${view.id}/claims/${c.id}`,
      };
    }
    return {
      id: c.id,
      victim: c.victim.fullName,
      representative: c.victim.representative?.fullName ?? null,
      tracked: c.kind !== 'victim',
      awarded: formatMoney(c.amountAwarded),
      recovered: formatMoney(c.amountRecovered),
      outstanding: formatMoney(c.outstanding),
      where,
      invitation,
      contract,
      agreement,
      restitution,
      steps: stepLinks(view.id, c.nextEvents, role, lang, c.id),
    };
  });
}

const ACT_EN: Record<Citation['act'], string> = {
  УК: 'Criminal Code',
  УПК: 'Criminal Procedure Code',
  УИК: 'Penal Execution Code',
  ГК: 'Civil Code',
  ГПК: 'Civil Procedure Code',
  ЗМед: 'Law on Mediation',
  ЗИП: 'Law on Enforcement Proceedings',
  ЗоП: 'Law on Probation',
  setting: 'Setting',
};

/** A legal citation in the reader's language: «УК РК ст. 72 ч. 3», «ҚР ҚК 72-бап 3-бөлік», «Criminal Code, art. 72 part 3». */
export function citationText(c: Citation, lang: Lang): string {
  if (lang !== 'en') return formatCitation(c)[lang];
  if (c.act === 'setting') return `${ACT_EN.setting}: ${c.article}`;
  const bits = [`${ACT_EN[c.act]}, art. ${c.article}`];
  if (c.part) bits.push(`part ${c.part}`);
  if (c.item) bits.push(`item ${c.item}`);
  if (c.paragraph) bits.push(`para. ${c.paragraph}`);
  return bits.join(' ');
}
