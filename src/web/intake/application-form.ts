/**
 * The application form (/cases/new) as data: the posted fields → the body POST /api/cases takes (CreateCaseDto),
 * and the service's errors → messages at the fields, in the reader's language. Field names ARE the body's paths
 * (`convict.iin`, `claims[1].victim.bin`, `sentence.term.years`), so an error of the API lands on the field that
 * caused it. Amounts are typed in tenge («2 000 000,00») and sent in tiyn; the term and days as whole numbers;
 * a directory entry is chosen from a list, or typed when it is not there. Pure: no framework imports.
 */
import type { FieldError } from '../../common/domain-error';
import type { Lang } from '../i18n/lang';
import { MESSAGES, translate } from '../i18n/messages';
import { parseAmountInput } from '../render/format';

/** The posted form: one string per field (a repeated name keeps its first value). */
export type FormValues = Record<string, string>;

export const VICTIM_TYPES = ['person', 'legal_entity'] as const;

/** The form's fields as posted (urlencoded), strings only; `_csrf` and buttons are left out. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    const one: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
    if (typeof one === 'string') out[k] = one.length > 2000 ? one.slice(0, 2000) : one;
  }
  return out;
}

const CLAIM_KEY = /^claims\[(\d{1,2})\]\.(.+)$/;

/**
 * The claim blocks of the form, renumbered 0..n-1 in the order posted (a removed block leaves no gap), with
 * `remove` taken out and `add` more empty blocks (of a person) at the end. At least one block, at most 50.
 */
export function withClaims(values: FormValues, change: { remove?: number; add?: number } = {}): FormValues {
  const byIndex = new Map<number, Record<string, string>>();
  const rest: FormValues = {};
  for (const [k, v] of Object.entries(values)) {
    const m = CLAIM_KEY.exec(k);
    if (!m) {
      rest[k] = v;
      continue;
    }
    const i = Number(m[1]);
    if (!byIndex.has(i)) byIndex.set(i, {});
    byIndex.get(i)![m[2]] = v;
  }
  const blocks = [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([i]) => i !== change.remove)
    .map(([, fields]) => fields);
  for (let k = 0; k < (change.add ?? 0); k++) blocks.push({ 'victim.type': 'person', amountRecovered: '0' });
  if (blocks.length === 0) blocks.push({ 'victim.type': 'person' });
  blocks.splice(50);
  const out: FormValues = { ...rest };
  blocks.forEach((fields, i) => {
    for (const [k, v] of Object.entries(fields)) out[`claims[${i}].${k}`] = v;
  });
  return out;
}

/** How many claim blocks the (renumbered) form has. */
export function claimCount(values: FormValues): number {
  let n = 0;
  for (const k of Object.keys(values)) {
    const m = CLAIM_KEY.exec(k);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return Math.max(n, 1);
}

/** The body of POST /api/cases built from the form, and what could not be read (amounts typed wrong). */
export interface BuiltApplication {
  body: Record<string, unknown>;
  errors: FieldError[];
}

/**
 * The application the form describes, as the API takes it. Empty optional fields are left out; an empty required
 * field is sent empty, so that the API's own rule names it. The signed-in user's role decides who is named by
 * account: a lawyer addresses a mediator (`mediatorUserId`), a mediator may name the lawyer (`lawyerUserId`).
 */
export function buildApplication(values: FormValues, role: 'lawyer' | 'mediator'): BuiltApplication {
  const errors: FieldError[] = [];
  const raw = (name: string): string => (values[name] ?? '').trim();
  const opt = (name: string): string | undefined => raw(name) || undefined;
  const req = (name: string): string => raw(name);
  const int = (name: string, empty: number | undefined): number | string | undefined => {
    const v = raw(name).replace(/\s+/g, '');
    if (v === '') return empty;
    return /^\d{1,6}$/.test(v) ? Number(v) : v;
  };
  const bool = (name: string): boolean => raw(name) === 'true';
  const amount = (name: string): number | undefined => {
    const parsed = parseAmountInput(values[name]);
    if (parsed.ok) return parsed.tiyn;
    errors.push({ field: name, rule: parsed.rule, message: parsed.rule });
    return undefined;
  };
  const identityDocument = (prefix: string) => {
    const names = ['kind', 'number', 'issuer', 'issuedOn'].map((n) => `${prefix}.identityDocument.${n}`);
    if (names.every((n) => raw(n) === '')) return undefined;
    return { kind: req(names[0]), number: req(names[1]), issuer: req(names[2]), issuedOn: req(names[3]) };
  };
  const claims = Array.from({ length: claimCount(values) }, (_, i) => {
    const p = `claims[${i}]`;
    const type = raw(`${p}.victim.type`) || 'person';
    const common = {
      type,
      fullName: req(`${p}.victim.fullName`),
      address: opt(`${p}.victim.address`),
      phone: opt(`${p}.victim.phone`),
    };
    const r = `${p}.victim.representative`;
    const poa = [`${r}.powerOfAttorney.number`, `${r}.powerOfAttorney.date`];
    const victim =
      type === 'legal_entity'
        ? {
            ...common,
            bin: req(`${p}.victim.bin`),
            representative: {
              fullName: req(`${r}.fullName`),
              iin: opt(`${r}.iin`),
              basis: req(`${r}.basis`),
              position: opt(`${r}.position`),
              positionKk: opt(`${r}.positionKk`),
              powerOfAttorney: poa.every((n) => raw(n) === '') ? undefined : { number: req(poa[0]), date: req(poa[1]) },
              identityDocument: identityDocument(r),
            },
          }
        : { ...common, iin: req(`${p}.victim.iin`), identityDocument: identityDocument(`${p}.victim`) };
    return {
      victim,
      amountAwarded: amount(`${p}.amountAwarded`),
      amountRecovered: amount(`${p}.amountRecovered`),
    };
  });
  const body = {
    procedure: req('procedure'),
    convict: {
      fullName: req('convict.fullName'),
      iin: req('convict.iin'),
      birthDate: opt('convict.birthDate'),
      institutionId: opt('convict.institutionId'),
      institution: opt('convict.institution'),
      identityDocument: identityDocument('convict'),
      address: opt('convict.address'),
      phone: opt('convict.phone'),
    },
    sentence: {
      courtId: opt('sentence.courtId'),
      court: opt('sentence.court'),
      criminalCaseNumber: opt('sentence.criminalCaseNumber'),
      number: opt('sentence.number'),
      date: req('sentence.date'),
      articles: raw('sentence.articles')
        .split(/[,;]/)
        .map((a) => a.trim())
        .filter(Boolean),
      term: {
        years: int('sentence.term.years', 0),
        months: int('sentence.term.months', 0),
        days: int('sentence.term.days', 0),
      },
      lifeImprisonment: bool('sentence.lifeImprisonment'),
      startDate: req('sentence.startDate'),
      gravity: req('sentence.gravity'),
      againstLifeOrHealth: bool('sentence.againstLifeOrHealth'),
      pretrialDetentionDays: int('sentence.pretrialDetentionDays', 0),
    },
    claims,
    lawyer: {
      fullName: req('lawyer.fullName'),
      licence: opt('lawyer.licence'),
      phone: opt('lawyer.phone'),
    },
    ...(role === 'lawyer' ? { mediatorUserId: opt('mediatorUserId') } : { lawyerUserId: opt('lawyerUserId') }),
    placeId: opt('placeId'),
    place: opt('place'),
  };
  return { body: withoutUndefined(body) as Record<string, unknown>, errors };
}

/** JSON-like copy without undefined members (an absent optional field, as a JSON body would have it). */
function withoutUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutUndefined);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = withoutUndefined(x);
    return out;
  }
  return v;
}

/** Directory reference and its free-text alternative: an error on the text when neither was given goes to the list. */
const DIRECTORY_OR_TEXT: Readonly<Record<string, string>> = {
  'convict.institution': 'convict.institutionId',
  'sentence.court': 'sentence.courtId',
};

/** Errors of the API named by an object or a rule of the whole, shown at the field that answers it. */
const ALIASES: Readonly<Record<string, string>> = {
  'sentence.term': 'sentence.term.years',
  mediator: 'mediatorUserId',
  'mediator.organisationId': 'mediatorUserId',
  lawyer: 'lawyer.fullName',
};

/** The errors of a refused application: at the fields of the form, the rest above it; in the reader's language. */
export function formErrors(
  lang: Lang,
  errors: readonly FieldError[],
  values: FormValues,
  fields: ReadonlySet<string>,
): { byField: Record<string, string>; general: string[] } {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors) {
    let field = ALIASES[e.field] ?? e.field;
    let rule = e.rule;
    const list = DIRECTORY_OR_TEXT[field];
    if (list && (values[field] ?? '').trim() === '' && (values[list] ?? '').trim() === '') {
      field = list;
      rule = 'directory_or_text';
    }
    while (!fields.has(field) && /[.[]/.test(field)) field = field.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    const typed = (values[field] ?? '').trim();
    const message =
      fields.has(field) && typed === '' && rule !== 'directory_or_text' && !fieldIsChoice(field)
        ? translate(lang, 'rule.required')
        : ruleText(lang, rule, e.message);
    if (!fields.has(field)) {
      if (!general.includes(message)) general.push(message);
      continue;
    }
    if (!byField[field]) byField[field] = message;
    else if (!byField[field].includes(message)) byField[field] = `${byField[field]}; ${message}`;
  }
  return { byField, general };
}

/** Lists and radio groups: an empty choice is reported by the rule's own words («choose from the list»). */
const fieldIsChoice = (field: string): boolean =>
  /(^procedure$|\.gravity$|Id$|\.type$|\.kind$|UserId$)/.test(field) && !/\.iin$/.test(field);

/** A rule of the service in the reader's language: this form's wording, the workplace's, or the service's own. */
export function ruleText(lang: Lang, rule: string, fallback: string): string {
  for (const key of [`intake.rule.${rule}`, `rule.${rule}`]) if (key in MESSAGES) return translate(lang, key);
  return fallback;
}
