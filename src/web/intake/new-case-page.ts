/**
 * The model of templates/pages/intake/new-case.hbs: every field of the application as a FieldView (label, value as
 * typed, required mark, help, the error at the field), grouped as the form shows them. Labels of the fields the
 * event catalogue declares (APPLICATION_FIELDS: directory pickers, numbers, identity documents, the
 * representative's position and power of attorney) come from it; the others from src/web/i18n/intake.messages.ts.
 * Pure: no framework imports.
 */
import { APPLICATION_FIELDS, type FieldSpec, type Text } from '../../../machines/catalogue';
import { GRAVITY } from '../../cases/dto/create-case.dto';
import { fieldId, type FieldView, type InputKind } from '../forms/field-view';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { claimCount, type FormValues } from './application-form';
import { idCheckModel, type IdCheck } from './id-check';

/** A field of an ИИН or a БИН, with what the check says of the number typed (a form posted back shows it). */
export type IdField = FieldView & { check: IdCheck | null };

export interface Choice {
  value: string;
  label: string;
}

/** What the page offers to choose from. */
export interface NewCaseChoices {
  institutions: Choice[];
  courts: Choice[];
  towns: Choice[];
  /** Mediators a lawyer addresses the application to (active accounts). */
  mediators: Choice[];
  /** Lawyers a mediator may name (active accounts). */
  lawyers: Choice[];
}

export interface NewCaseModel {
  role: 'lawyer' | 'mediator';
  procedure: { value: string; label: string; checked: boolean; id: string }[];
  procedureError?: string;
  convict: Record<string, FieldView>;
  convictDocument: DocumentGroup;
  sentence: Record<string, FieldView>;
  claims: ClaimBlock[];
  people: Record<string, FieldView>;
  mediatorSelf: string | null;
  place: Record<string, FieldView>;
  errors: string[];
  /** Every field name the form shows (errors of other paths go above the form). */
  names: Set<string>;
  /** The fields with an error, in form order: the summary above the form links to them. */
  invalid: { id: string; label: string; error: string }[];
}

/** An optional identity document: open when something is typed in it or it has an error. */
export interface DocumentGroup {
  label: string;
  open: boolean;
  fields: FieldView[];
}

export interface ClaimBlock {
  index: number;
  n: number;
  prefix: string;
  types: { value: string; label: string; checked: boolean; id: string }[];
  typeError?: string;
  entity: boolean;
  person: Record<string, FieldView>;
  entityFields: Record<string, FieldView>;
  common: Record<string, FieldView>;
  document: DocumentGroup;
  representative: Record<string, FieldView>;
  representativeDocument: DocumentGroup;
  amounts: Record<string, FieldView>;
  removable: boolean;
}

const spec = (group: keyof typeof APPLICATION_FIELDS, name: string): FieldSpec => {
  const found = (APPLICATION_FIELDS[group] as readonly FieldSpec[]).find((f) => f.name === name);
  if (!found) throw new Error(`APPLICATION_FIELDS.${group} has no field ${name}`);
  return found;
};

/** Builds the page's model from what was typed and the errors at the fields. */
export function newCaseModel(input: {
  lang: Lang;
  role: 'lawyer' | 'mediator';
  userName: string;
  values: FormValues;
  errors?: Record<string, string>;
  general?: string[];
  choices: NewCaseChoices;
}): NewCaseModel {
  const { lang, values, choices } = input;
  const errors = input.errors ?? {};
  const names = new Set<string>();
  const invalid: NewCaseModel['invalid'] = [];
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const txt = (label: Text) => label[lang];

  const f = (
    name: string,
    label: string,
    kind: InputKind,
    o: {
      required?: boolean;
      help?: string;
      options?: Choice[];
      attrs?: [string, string][];
      autocomplete?: string;
      placeholder?: string;
    } = {},
  ): FieldView => {
    names.add(name);
    const value = values[name] ?? '';
    if (errors[name]) {
      // «Victim 2: IIN» — each victim has the same fields
      const claim = /^claims\[(\d+)\]/.exec(name);
      const where = claim ? `${t('intake.claim', { n: Number(claim[1]) + 1 })}: ` : '';
      invalid.push({ id: fieldId(name), label: `${where}${label}`, error: errors[name] });
    }
    return {
      name,
      id: fieldId(name),
      label,
      input: kind,
      required: o.required ?? false,
      value: kind === 'checkbox' ? 'true' : value,
      ...(kind === 'checkbox' ? { checked: value === 'true' } : {}),
      ...(o.help ? { help: o.help } : {}),
      ...(errors[name] ? { error: errors[name] } : {}),
      ...(o.options ? { options: o.options.map((c) => ({ ...c, selected: c.value === value })) } : {}),
      ...(o.attrs ? { attrs: o.attrs } : {}),
      ...(o.autocomplete ? { autocomplete: o.autocomplete } : {}),
      ...(o.placeholder ? { placeholder: o.placeholder } : {}),
    };
  };
  /** A field with the ИИН/БИН check as typed: the answer appears in `<id>-check` (templates: idCheck). */
  const idField = (name: string, label: string, kind: 'iin' | 'bin', required: boolean): IdField => ({
    // an error at the field already says what is wrong with the number
    check: errors[name] ? null : idCheckModel(lang, kind, (values[name] ?? '').trim()),
    ...f(name, label, 'text', {
      required,
      help: t('intake.iin.help'),
      autocomplete: 'off',
      attrs: [
        ['inputmode', 'numeric'],
        ['maxlength', '12'],
        ['hx-get', `/cases/new/${kind}`],
        ['hx-trigger', 'input changed delay:300ms'],
        ['hx-target', `#${fieldId(name)}-check`],
        ['hx-swap', 'innerHTML'],
      ],
    }),
  });
  const docFields = spec('convict', 'identityDocument').fields!;
  const identityDocument = (prefix: string): DocumentGroup => {
    const fields = docFields.map((d) =>
      f(
        `${prefix}.identityDocument.${d.name}`,
        txt(d.label),
        d.kind === 'date' ? 'date' : d.kind === 'choice' ? 'select' : 'text',
        {
          help: d.help ? txt(d.help) : undefined,
          options: d.options ? Object.entries(d.options).map(([value, l]) => ({ value, label: txt(l) })) : undefined,
        },
      ),
    );
    const label = txt(spec('convict', 'identityDocument').label);
    return { label, open: fields.some((x) => x.value !== '' || !!x.error), fields };
  };
  const amountHint = t('form.amountHint');

  if (errors.procedure)
    invalid.push({ id: 'f-procedure-parole', label: t('intake.procedure'), error: errors.procedure });
  const procedure = (['parole', 'replacement'] as const).map((p) => ({
    value: p,
    label: t(`intake.procedure.${p}`),
    checked: (values.procedure ?? 'parole') === p,
    id: `f-procedure-${p}`,
  }));
  names.add('procedure');

  const convict = {
    fullName: f('convict.fullName', t('intake.convict.fullName'), 'text', { required: true, autocomplete: 'off' }),
    iin: idField('convict.iin', t('intake.iin'), 'iin', true),
    birthDate: f('convict.birthDate', t('intake.birthDate'), 'date', { help: t('intake.birthDate.help') }),
    institutionId: f('convict.institutionId', txt(spec('convict', 'institutionId').label), 'select', {
      options: choices.institutions,
    }),
    institution: f('convict.institution', t('intake.institution'), 'text', { help: t('intake.freeText.help') }),
    address: f('convict.address', t('intake.address'), 'text', { autocomplete: 'off' }),
    phone: f('convict.phone', t('intake.phone'), 'text', { autocomplete: 'off' }),
  };
  const convictDocument = identityDocument('convict');

  const sentence = {
    courtId: f('sentence.courtId', txt(spec('sentence', 'courtId').label), 'select', { options: choices.courts }),
    court: f('sentence.court', t('intake.court'), 'text', { help: t('intake.freeText.help') }),
    criminalCaseNumber: f('sentence.criminalCaseNumber', txt(spec('sentence', 'criminalCaseNumber').label), 'text'),
    number: f('sentence.number', txt(spec('sentence', 'number').label), 'text'),
    date: f('sentence.date', t('intake.sentence.date'), 'date', { required: true }),
    startDate: f('sentence.startDate', t('intake.sentence.startDate'), 'date', { required: true }),
    years: f('sentence.term.years', t('intake.term.years'), 'number', {
      attrs: [
        ['min', '0'],
        ['max', '30'],
      ],
    }),
    months: f('sentence.term.months', t('intake.term.months'), 'number', {
      attrs: [
        ['min', '0'],
        ['max', '11'],
      ],
    }),
    days: f('sentence.term.days', t('intake.term.days'), 'number', {
      attrs: [
        ['min', '0'],
        ['max', '31'],
      ],
    }),
    articles: f('sentence.articles', t('intake.articles'), 'text', { required: true, help: t('intake.articles.help') }),
    gravity: f('sentence.gravity', t('intake.gravity'), 'select', {
      required: true,
      options: [{ value: '', label: '—' }, ...GRAVITY.map((g) => ({ value: g, label: t(`intake.gravity.${g}`) }))],
    }),
    againstLifeOrHealth: f('sentence.againstLifeOrHealth', t('intake.againstLifeOrHealth'), 'checkbox'),
    lifeImprisonment: f('sentence.lifeImprisonment', t('intake.lifeImprisonment'), 'checkbox'),
    pretrialDetentionDays: f('sentence.pretrialDetentionDays', t('intake.pretrialDetentionDays'), 'number', {
      attrs: [['min', '0']],
    }),
  };

  const count = claimCount(values);
  const rep = spec('representative', 'powerOfAttorney').fields!;
  const claims: ClaimBlock[] = Array.from({ length: count }, (_, index) => {
    const p = `claims[${index}]`;
    const v = `${p}.victim`;
    const r = `${v}.representative`;
    const type = values[`${v}.type`] || 'person';
    names.add(`${v}.type`);
    return {
      index,
      n: index + 1,
      prefix: p,
      types: (['person', 'legal_entity'] as const).map((value) => ({
        value,
        label: t(value === 'person' ? 'intake.victim.person' : 'intake.victim.entity'),
        checked: type === value,
        id: `${fieldId(`${v}.type`)}-${value}`,
      })),
      ...(errors[`${v}.type`] ? { typeError: errors[`${v}.type`] } : {}),
      entity: type === 'legal_entity',
      common: {
        fullName: f(`${v}.fullName`, t('intake.victim.personName'), 'text', { required: true, autocomplete: 'off' }),
        address: f(`${v}.address`, t('intake.address'), 'text', { autocomplete: 'off' }),
        phone: f(`${v}.phone`, t('intake.phone'), 'text', { autocomplete: 'off' }),
      },
      person: { iin: idField(`${v}.iin`, t('intake.iin'), 'iin', true) },
      entityFields: { bin: idField(`${v}.bin`, t('intake.bin'), 'bin', true) },
      document: identityDocument(v),
      representative: {
        fullName: f(`${r}.fullName`, t('intake.representative.fullName'), 'text', { required: true }),
        iin: idField(`${r}.iin`, t('intake.representative.iin'), 'iin', false),
        basis: f(`${r}.basis`, t('intake.representative.basis'), 'text', {
          required: true,
          help: t('intake.representative.basis.help'),
        }),
        position: f(`${r}.position`, txt(spec('representative', 'position').label), 'text'),
        positionKk: f(`${r}.positionKk`, txt(spec('representative', 'positionKk').label), 'text'),
        poaNumber: f(
          `${r}.powerOfAttorney.number`,
          `${txt(spec('representative', 'powerOfAttorney').label)}: ${txt(rep[0].label).toLowerCase()}`,
          'text',
        ),
        poaDate: f(
          `${r}.powerOfAttorney.date`,
          `${txt(spec('representative', 'powerOfAttorney').label)}: ${txt(rep[1].label).toLowerCase()}`,
          'date',
        ),
      },
      representativeDocument: identityDocument(r),
      amounts: {
        awarded: f(`${p}.amountAwarded`, t('intake.amountAwarded'), 'money', {
          required: true,
          help: amountHint,
        }),
        recovered: f(`${p}.amountRecovered`, t('intake.amountRecovered'), 'money', {
          required: true,
          help: t('intake.amountRecovered.help'),
        }),
      },
      removable: count > 1,
    };
  });

  const people: Record<string, FieldView> =
    input.role === 'lawyer'
      ? {
          mediatorUserId: f('mediatorUserId', t('intake.mediatorUser'), 'select', {
            help: t('intake.mediatorUser.help'),
            options: choices.mediators,
          }),
        }
      : {
          lawyerUserId: f('lawyerUserId', t('intake.lawyerUser'), 'select', {
            help: t('intake.lawyerUser.help'),
            options: choices.lawyers,
          }),
        };
  people.lawyerFullName = f('lawyer.fullName', t('intake.lawyer.fullName'), 'text', { required: true });
  people.licence = f('lawyer.licence', t('intake.lawyer.licence'), 'text');
  people.lawyerPhone = f('lawyer.phone', t('intake.lawyer.phone'), 'text');

  const place = {
    placeId: f('placeId', txt(spec('case', 'placeId').label), 'select', { options: choices.towns }),
    place: f('place', t('intake.place'), 'text', { help: t('intake.freeText.help') }),
  };

  return {
    role: input.role,
    procedure,
    ...(errors.procedure ? { procedureError: errors.procedure } : {}),
    convict,
    convictDocument,
    sentence,
    claims,
    people,
    mediatorSelf: input.role === 'mediator' ? t('intake.mediatorSelf', { name: input.userName }) : null,
    place,
    errors: input.general ?? [],
    names,
    invalid,
  };
}

/** The field names of the form with this many claims (to place the errors of a refused application). */
export function formFieldNames(role: 'lawyer' | 'mediator', values: FormValues): Set<string> {
  const empty: NewCaseChoices = { institutions: [], courts: [], towns: [], mediators: [], lawyers: [] };
  return newCaseModel({ lang: 'ru', role, userName: '', values, choices: empty }).names;
}
