/**
 * What the restitution page of one claim shows (templates/pages/restitution/claim.hbs), prepared from the case's
 * view, the claim's ledger (CasesService.claimSchedule) and its receipts, in the reader's language. The steps
 * offered are those the event catalogue gives the user's role AND the claim's current state allows; the default
 * report also needs the law's count of misses without good reason. Pure: no framework imports.
 */
import { EVENT_CATALOGUE, type FieldSpec, type Text } from '../../../machines/catalogue';
import type { CaseView } from '../../cases/case-view';
import type { claimLedgerView } from '../../cases/claim-ledger';
import type { ReceiptInfo } from '../../court-packet/receipts.repository';
import { parolee } from '../../law/legal-rules';
import { fieldId, type FieldView } from '../forms/field-view';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { formatDate, formatMoney, formatMonth } from '../render/format';
import { claimChart } from './claim-chart';

export type FormName = 'payment' | 'upload' | 'miss' | 'default';

/** A form posted back with its values and what was wrong (errors at fields, or a message above the form). */
export interface FormState {
  form: FormName;
  values: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
  /** The miss form: which instalment. */
  instalmentNo?: number;
}

/** `?done=` after a form was accepted → the notice shown. */
export const NOTICES: Readonly<Record<string, string>> = {
  payment: 'restitution.recorded',
  paymentReceipt: 'restitution.recordedWithReceipt',
  receipt: 'restitution.uploaded',
  miss: 'restitution.miss.recorded',
  default: 'restitution.default.recorded',
};

type Schedule = ReturnType<typeof claimLedgerView>;
type ClaimOfView = CaseView['claims'][number];

export interface ClaimPageInput {
  lang: Lang;
  role: string;
  view: CaseView;
  claim: ClaimOfView;
  schedule: Schedule | null;
  receipts: ReceiptInfo[];
  today: string;
  state: FormState | null;
  /** A message key (NOTICES). */
  notice: string | null;
}

const tr = (label: Text, lang: Lang) => label[lang];

const STATUS_CLASS: Record<string, string> = {
  paid: 'ok',
  partly_paid: 'warn',
  due: 'warn',
  overdue: 'bad',
  upcoming: '',
};
const STATE_CLASS: Record<string, string> = {
  current: 'ok',
  paidInFull: 'ok',
  inArrears: 'bad',
  defaultReported: 'bad',
};

const RECEIPT_TYPE: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** The user may record `type` on this claim now: his role is among the catalogue's, the state accepts it. */
const mayRecord = (type: keyof typeof EVENT_CATALOGUE, role: string, claim: ClaimOfView) =>
  (EVENT_CATALOGUE[type].roles as readonly string[]).includes(role) && claim.nextEvents.includes(type);

function specOf(type: keyof typeof EVENT_CATALOGUE, name: string): FieldSpec {
  const spec = EVENT_CATALOGUE[type].fields.find((f) => f.name === name);
  if (!spec) throw new Error(`No field ${name} in ${type}`);
  return spec;
}

export function claimPageModel(input: ClaimPageInput) {
  const { lang, role, view, claim, schedule: s, receipts, today, state, notice } = input;
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const victim = claim.victim.fullName;
  const base = `/cases/${view.id}/claims/${claim.id}`;
  const pageTitle = `${t('restitution.title')}: ${victim} — ${view.number}`;
  const head = {
    pageTitle,
    caseId: view.id,
    caseNumber: view.number,
    convict: view.convict.fullName,
    victim,
    awarded: claim.amountAwarded,
    base,
    version: view.version,
    notice: notice ? t(notice) : null,
  };
  if (!s) return { ...head, hasAgreement: false as const };

  const threshold = parolee.maxEvasionsBeforeRevocationGround.value;
  const terms = s.agreement.terms;
  const instalments = terms.instalments && terms.instalments.total > 0 ? terms.instalments : null;
  const firstDue = s.instalments.find((i) => i.no > 0)?.dueDate ?? null;
  const errorsOf = (form: FormName, no?: number) =>
    state && state.form === form && (no === undefined || state.instalmentNo === no) ? state.errors : {};
  const valuesOf = (form: FormName, no?: number) =>
    state && state.form === form && (no === undefined || state.instalmentNo === no) ? state.values : null;
  const messageOf = (form: FormName, no?: number) =>
    state && state.form === form && (no === undefined || state.instalmentNo === no) ? (state.message ?? null) : null;

  // ── where the claim stands ──
  const standing = {
    state: s.restitution,
    stateLabel: t(`restitution.state.${s.restitution}`),
    stateClass: STATE_CLASS[s.restitution] ?? '',
    signedOn: s.agreement.signedOn,
    paidBeforeHearing: terms.paidBeforeHearing,
    paidBeforeHearingBy: terms.paidBeforeHearingBy ?? null,
    waived: s.waived,
    instalments: instalments && {
      total: instalments.total,
      monthly: instalments.monthly,
      day: t('restitution.dayOfMonth', { day: instalments.dayOfMonth }),
      start: instalments.firstDueDate
        ? t('restitution.startsOn', { date: formatDate(instalments.firstDueDate, lang) })
        : t('restitution.startsAfterRelease') +
          (firstDue && s.releaseDate ? `; ${t('restitution.startsOn', { date: formatDate(firstDue, lang) })}` : ''),
    },
    releaseDate: s.releaseDate,
    owed: s.owed,
    paid: s.paidTotal,
    outstanding: s.balance,
    arrears: s.arrears,
    evasions: t('restitution.evasionsOf', { n: s.missedWithoutGoodReason, limit: threshold, rule: s.revocationRule }),
    excused: s.missedWithGoodReason > 0 ? t('restitution.excused', { n: s.missedWithGoodReason }) : null,
    revocationGround: s.revocationGround ? t('restitution.revocationGround', { rule: s.revocationRule }) : null,
    closedOn: s.closedOn ? t('restitution.closedOn', { date: formatDate(s.closedOn, lang) }) : null,
    defaultReportedOn: s.defaultReportedOn
      ? t('restitution.defaultReportedOn', { date: formatDate(s.defaultReportedOn, lang) })
      : null,
    asOf: t('restitution.asOf', { date: formatDate(s.asOf, lang) }),
  };

  // ── the chart and the ledger ──
  const chart = claimChart(
    s.instalments.map((i) => ({ dueDate: i.dueDate, amount: i.amount, overdueFrom: i.overdueFrom })),
    s.payments.map((p) => ({ date: p.date, amount: p.amount })),
    s.asOf,
    lang,
  );
  const rows = s.instalments.map((i) => {
    const status =
      i.status === 'paid' && i.paidLate
        ? 'paidLate'
        : i.status === 'overdue' && i.paid > 0
          ? 'overduePartly'
          : i.status;
    return {
      no: i.no === 0 ? '—' : String(i.no),
      what: i.no === 0 ? t('restitution.row0') : formatMonth(i.dueDate, lang),
      dueDate: i.dueDate,
      amount: i.amount,
      paid: i.paid,
      status: t(`restitution.status.${status}`),
      statusClass: STATUS_CLASS[i.status] ?? '',
      overdue: i.status === 'overdue',
    };
  });
  const evidenceOptions = specOf('payment.recorded', 'evidence').options ?? {};
  const receiptsByReference = new Map<string, ReceiptInfo[]>();
  for (const r of receipts) receiptsByReference.set(r.reference, [...(receiptsByReference.get(r.reference) ?? []), r]);
  const payments = s.payments.map((p) => ({
    date: p.date,
    amount: p.amount,
    evidence:
      p.evidence && Object.hasOwn(evidenceOptions, p.evidence) ? tr(evidenceOptions[p.evidence], lang) : p.evidence,
    reference: p.reference,
    receipts: (receiptsByReference.get(p.reference) ?? []).map((r) => ({
      href: `${base}/receipts/${r.sha256}`,
      label: t('restitution.receipt.open', { type: RECEIPT_TYPE[r.contentType] ?? r.contentType }),
    })),
  }));

  // ── the steps offered ──
  const canPay = mayRecord('payment.recorded', role, claim);
  const mayUpload = ['officer', 'mediator', 'lawyer'].includes(role) && s.payments.length > 0;
  const canExplain = mayRecord('payment.missed.explained', role, claim);
  const defaultAllowedNow = mayRecord('default.reported', role, claim);
  const defaultLawful = s.missedWithoutGoodReason > threshold;

  const pv = valuesOf('payment') ?? {};
  const pe = errorsOf('payment');
  const field = (f: Partial<FieldView> & Pick<FieldView, 'name' | 'label' | 'input'>): FieldView => ({
    id: fieldId(f.name),
    required: true,
    value: '',
    ...f,
  });
  const paymentFields: FieldView[] = [
    field({
      name: 'amount',
      label: tr(specOf('payment.recorded', 'amount').label, lang),
      input: 'money',
      value: pv.amount ?? '',
      help: t('form.amountHint'),
      error: pe.amount,
    }),
    field({
      name: 'date',
      label: tr(specOf('payment.recorded', 'date').label, lang),
      input: 'date',
      value: pv.date ?? today,
      error: pe.date,
    }),
    field({
      name: 'evidence',
      label: tr(specOf('payment.recorded', 'evidence').label, lang),
      input: 'select',
      value: pv.evidence ?? 'bank_transfer',
      error: pe.evidence,
      options: Object.entries(evidenceOptions).map(([value, label]) => ({
        value,
        label: tr(label, lang),
        selected: value === (pv.evidence ?? 'bank_transfer'),
      })),
    }),
    field({
      name: 'reference',
      label: tr(specOf('payment.recorded', 'reference').label, lang),
      input: 'text',
      value: pv.reference ?? '',
      error: pe.reference,
      autocomplete: 'off',
    }),
  ];
  const shown = new Set(['amount', 'date', 'evidence', 'reference', 'file']);
  const otherErrors = (errors: Record<string, string>, fields: Set<string>) =>
    Object.entries(errors)
      .filter(([k]) => !fields.has(k))
      .map(([, v]) => v);

  const uv = valuesOf('upload') ?? {};
  const ue = errorsOf('upload');
  const withoutReceipt = s.payments.filter((p) => !receiptsByReference.has(p.reference));
  const uploadChoices = (withoutReceipt.length ? withoutReceipt : s.payments).map((p) => p.reference);
  const uploadFields: FieldView[] = [
    field({
      name: 'reference',
      id: 'f-upload-reference',
      label: t('restitution.upload.payment'),
      input: 'select',
      value: uv.reference ?? uploadChoices[0] ?? '',
      error: ue.reference,
      options: s.payments.map((p) => ({
        value: p.reference,
        label: `${p.reference} · ${formatDate(p.date, lang)} · ${formatMoney(p.amount)}`,
        selected: p.reference === (uv.reference ?? uploadChoices[0]),
      })),
    }),
  ];

  const goodReasonSpec = specOf('payment.missed.explained', 'goodReason');
  const reasonSpec = specOf('payment.missed.explained', 'reason');
  const misses = s.misses.map((m) => {
    const current = m.scheduleVersion === s.scheduleVersion;
    const mv = valuesOf('miss', m.instalmentNo) ?? {};
    const me = current ? errorsOf('miss', m.instalmentNo) : {};
    const prefix = `f-miss-${m.scheduleVersion}-${m.instalmentNo}`;
    const open = canExplain && current && (m.goodReason === null || Object.keys(me).length > 0);
    return {
      instalmentNo: m.instalmentNo,
      title: t('restitution.miss.instalment', { no: m.instalmentNo }),
      dueDate: m.dueDate,
      reportedOn: m.reportedOn,
      earlier: current ? null : t('restitution.miss.earlierSchedule'),
      verdict:
        m.goodReason === null
          ? t('restitution.miss.noReason')
          : m.goodReason
            ? t('restitution.miss.good')
            : t('restitution.miss.notGood'),
      verdictClass: m.goodReason === null ? 'warn' : m.goodReason ? 'ok' : 'bad',
      reason: m.reason,
      form: open
        ? {
            message: messageOf('miss', m.instalmentNo),
            otherErrors: otherErrors(me, new Set(['goodReason', 'reason'])),
            good: {
              id: `${prefix}-good`,
              label: tr(goodReasonSpec.label, lang),
              error: me.goodReason,
              options: [
                { value: 'true', label: t('common.yes'), selected: mv.goodReason === 'true' },
                { value: 'false', label: t('common.no'), selected: mv.goodReason === 'false' },
              ],
            },
            reason: field({
              name: 'reason',
              id: `${prefix}-reason`,
              label: tr(reasonSpec.label, lang),
              input: 'textarea',
              value: mv.reason ?? '',
              error: me.reason,
            }),
          }
        : null,
    };
  });

  const docs: { href: string; label: string }[] = [];
  const docLangs = ['kk', 'ru'] as const;
  const docLink = (kind: string, key: string) => {
    for (const l of docLangs)
      docs.push({
        href: `/api/cases/${view.id}/documents/${kind}?lang=${l}&claimId=${claim.id}&format=pdf`,
        label: t(key, { lang: t(`restitution.doc.${l}`) }),
      });
  };
  if (s.payments.length > 0 || s.restitution === 'paidInFull')
    docLink('payment-statement', 'restitution.doc.statement');
  if (s.restitution === 'inArrears' || s.restitution === 'defaultReported' || s.misses.length > 0)
    docLink('arrears-report', 'restitution.doc.arrears');

  const de = errorsOf('default');
  return {
    ...head,
    hasAgreement: true as const,
    standing,
    chart,
    rows,
    scheduleFixed: s.scheduleFixed,
    payments,
    paymentForm: canPay
      ? {
          action: `${base}/payments`,
          fields: paymentFields,
          fileError: pe.file ?? null,
          message: messageOf('payment'),
          hasErrors: Object.keys(pe).length > 0,
          otherErrors: otherErrors(pe, shown),
        }
      : null,
    uploadForm: mayUpload
      ? {
          action: `${base}/receipts`,
          fields: uploadFields,
          fileError: ue.file ?? null,
          message: messageOf('upload'),
          hasErrors: Object.keys(ue).length > 0,
          otherErrors: otherErrors(ue, new Set(['reference', 'file'])),
        }
      : null,
    misses,
    defaultStep: {
      reportedOn: standing.defaultReportedOn,
      form:
        defaultAllowedNow && defaultLawful
          ? {
              action: `${base}/default`,
              help: tr(EVENT_CATALOGUE['default.reported'].help, lang),
              message: messageOf('default'),
              errors: Object.values(de),
            }
          : null,
      notYet:
        !s.defaultReportedOn && !defaultLawful && s.restitution !== 'paidInFull'
          ? t('restitution.default.notYet', {
              limit: threshold,
              rule: s.revocationRule,
              n: s.missedWithoutGoodReason,
            })
          : null,
      officerOnly:
        defaultLawful && !s.defaultReportedOn && role !== 'officer' ? t('restitution.default.officerOnly') : null,
    },
    docs,
  };
}
