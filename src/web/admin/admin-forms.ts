/**
 * The administrator's forms: what a posted form becomes for the users and directory services (exactly the bodies
 * the API takes), the fields the pages draw (FieldView), and the services' errors at the fields in the reader's
 * language. Pure: no framework imports.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords';
import { USER_ROLES, type UserRole } from '../../auth/principal';
import type { UserView } from '../../auth/users.service';
import type { DomainError } from '../../common/domain-error';
import { DIRECTORY_KINDS, REGIONS, type DirectoryEntry, type DirectoryKind } from '../../directory/directory-entry';
import { fieldId, type FieldView, type InputKind } from '../forms/field-view';
import type { Lang } from '../i18n/lang';
import { MESSAGES, translate } from '../i18n/messages';

/** A posted form's fields: text, the first value of a repeated name. */
export type FormValues = Record<string, string>;

export function formValues(body: unknown, names: readonly string[]): FormValues {
  const input = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out: FormValues = {};
  for (const name of names) {
    const v = input[name];
    const one = Array.isArray(v) ? (v as unknown[])[0] : v;
    out[name] = typeof one === 'string' ? one : '';
  }
  return out;
}

/**
 * A service's refusal as messages at the fields, in the reader's language: the most specific message we have
 * (`admin.rule.<field>.<rule>`, `admin.rule.<rule>`, `rule.<rule>`), else the service's own (Russian) text.
 */
const REQUIRED_RULES = ['required', 'isNotEmpty', 'isDefined'];

export function adminFieldErrors(lang: Lang, error: DomainError): Record<string, string> {
  const list = (error.details.errors as { field: string; rule: string; message: string }[] | undefined) ?? [];
  const params = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  const out: Record<string, string[]> = {};
  for (const e of list) {
    // A field left empty in a form is «required», not also «expected a string» or «too long»
    const missing = list.some((o) => o.field === e.field && REQUIRED_RULES.includes(o.rule));
    if (missing && !REQUIRED_RULES.includes(e.rule)) continue;
    const key = [`admin.rule.${e.field}.${e.rule}`, `admin.rule.${e.rule}`, `rule.${e.rule}`].find(
      (k) => k in MESSAGES,
    );
    const text = key ? translate(lang, key, params) : e.message;
    const texts = (out[e.field] ??= []);
    if (!texts.includes(text)) texts.push(text);
  }
  return Object.fromEntries(Object.entries(out).map(([field, texts]) => [field, texts.join('; ')]));
}

const field = (
  lang: Lang,
  name: string,
  label: string,
  input: InputKind,
  values: FormValues,
  errors: Record<string, string>,
  extra: Partial<FieldView> = {},
): FieldView => ({
  name,
  id: fieldId(name),
  label: translate(lang, label),
  input,
  required: false,
  value: values[name] ?? '',
  error: errors[name],
  ...extra,
});

// ── users ──────────────────────────────────────────────────────────────────────────────────────────────
export const USER_FIELDS = [
  'login',
  'fullNameRu',
  'fullNameKk',
  'role',
  'organisationId',
  'organisationName',
  'registerNumber',
  'iin',
  'email',
  'phone',
] as const;

export const roleLabel = (lang: Lang, role: string): string =>
  `admin.role.${role}` in MESSAGES ? translate(lang, `admin.role.${role}`) : role;

export const kindLabel = (lang: Lang, kind: string): string =>
  `admin.kind.${kind}` in MESSAGES ? translate(lang, `admin.kind.${kind}`) : kind;

/** The kinds of directory entry a user may belong to (courts and police units scope the cases he sees). */
export const ORGANISATION_KINDS: readonly DirectoryKind[] = ['court', 'police_unit', 'mediators_organisation'];

export function userValues(u: UserView): FormValues {
  const out: FormValues = {};
  for (const k of USER_FIELDS) out[k] = u[k] ?? '';
  return out;
}

/**
 * The body the users service takes, from the form: every field sent as typed (the service trims; an empty optional
 * field clears it). An organisation chosen without a name typed takes the directory's Russian name.
 */
export function userBody(values: FormValues, organisations: readonly DirectoryEntry[]): Record<string, string> {
  const body: Record<string, string> = {};
  for (const k of USER_FIELDS) body[k] = values[k] ?? '';
  if (body.organisationId && !body.organisationName.trim()) {
    const org = organisations.find((o) => o.id === body.organisationId);
    if (org) body.organisationName = org.names.ru.nominative;
  }
  return body;
}

export function userFieldViews(
  lang: Lang,
  values: FormValues,
  errors: Record<string, string>,
  organisations: readonly DirectoryEntry[],
): FieldView[] {
  const nameOf = (o: DirectoryEntry) => (lang === 'kk' ? o.names.kk.nominative : o.names.ru.nominative);
  const orgs = organisations
    .filter((o) => o.active || o.id === values.organisationId)
    .map((o) => ({
      value: o.id,
      label: `${kindLabel(lang, o.kind)} — ${nameOf(o)}`,
      selected: o.id === values.organisationId,
    }));
  // An id that is not in the directory (set through the API): kept, shown as it is
  if (values.organisationId && !orgs.some((o) => o.selected))
    orgs.unshift({ value: values.organisationId, label: values.organisationId, selected: true });
  return [
    field(lang, 'login', 'admin.field.login', 'text', values, errors, {
      required: true,
      help: translate(lang, 'admin.field.loginHelp'),
      autocomplete: 'off',
      attrs: [
        ['maxlength', '64'],
        ['spellcheck', 'false'],
        ['autocapitalize', 'none'],
      ],
    }),
    field(lang, 'fullNameRu', 'admin.field.fullNameRu', 'text', values, errors, { required: true }),
    field(lang, 'fullNameKk', 'admin.field.fullNameKk', 'text', values, errors),
    field(lang, 'role', 'admin.field.role', 'select', values, errors, {
      required: true,
      options: USER_ROLES.map((r: UserRole) => ({ value: r, label: roleLabel(lang, r), selected: r === values.role })),
    }),
    field(lang, 'organisationId', 'admin.field.organisationId', 'select', values, errors, {
      help: translate(lang, 'admin.field.organisationIdHelp'),
      options: orgs,
    }),
    field(lang, 'organisationName', 'admin.field.organisationName', 'text', values, errors, {
      help: translate(lang, 'admin.field.organisationNameHelp'),
    }),
    field(lang, 'registerNumber', 'admin.field.registerNumber', 'text', values, errors, {
      help: translate(lang, 'admin.field.registerNumberHelp'),
    }),
    field(lang, 'iin', 'admin.field.iin', 'text', values, errors, {
      help: translate(lang, 'admin.field.iinHelp'),
      attrs: [
        ['inputmode', 'numeric'],
        ['maxlength', '12'],
        ['pattern', '[0-9]{12}'],
      ],
    }),
    field(lang, 'email', 'admin.field.email', 'email', values, errors, { autocomplete: 'off' }),
    field(lang, 'phone', 'admin.field.phone', 'text', values, errors, {
      attrs: [['inputmode', 'tel']],
      autocomplete: 'off',
    }),
  ];
}

export function passwordFieldView(lang: Lang, label: string, errors: Record<string, string>): FieldView {
  return field(lang, 'password', label, 'password', {}, errors, {
    required: true,
    help: translate(lang, 'admin.field.passwordHelp', { min: PASSWORD_MIN_LENGTH }),
    autocomplete: 'new-password',
    attrs: [['minlength', String(PASSWORD_MIN_LENGTH)]],
  });
}

// ── directory ──────────────────────────────────────────────────────────────────────────────────────────
const NAME_FIELDS = {
  kk: ['nominative', 'genitive', 'dative', 'locative'],
  ru: ['nominative', 'genitive', 'instrumental', 'prepositional'],
} as const;

export const DIRECTORY_FIELDS = [
  'kind',
  ...NAME_FIELDS.kk.map((f) => `names.kk.${f}`),
  ...NAME_FIELDS.ru.map((f) => `names.ru.${f}`),
  'address.kk',
  'address.ru',
  'codes.bin',
  'codes.courtCode',
  'codes.bik',
  'region',
  'note',
  'active',
  'expectedVersion',
] as const;

export function directoryValues(e: DirectoryEntry): FormValues {
  const names = e.names as unknown as Record<'kk' | 'ru', Record<string, string | undefined>>;
  const out: FormValues = { kind: e.kind, region: e.region ?? '', note: e.note ?? '' };
  for (const lang of ['kk', 'ru'] as const)
    for (const f of NAME_FIELDS[lang]) out[`names.${lang}.${f}`] = names[lang][f] ?? '';
  out['address.kk'] = e.address?.kk ?? '';
  out['address.ru'] = e.address?.ru ?? '';
  out['codes.bin'] = e.codes.bin ?? '';
  out['codes.courtCode'] = e.codes.courtCode ?? '';
  out['codes.bik'] = e.codes.bik ?? '';
  out.active = e.active ? 'true' : '';
  out.expectedVersion = String(e.version);
  return out;
}

/**
 * The body of POST /api/directory (create) or PATCH /api/directory/:id (update) from the form, for the DTO's
 * validation: empty fields are left out (the DTO refuses blank strings). `cleared`: the name forms the
 * administrator emptied on an existing entry — the service drops an empty form, the DTO would refuse it, so they
 * are added after the validation.
 */
export function directoryBody(
  values: FormValues,
  mode: 'create' | 'update',
): { body: Record<string, unknown>; cleared: Record<'kk' | 'ru', Record<string, string>>; addressError: boolean } {
  const given = (k: string) => (values[k] ?? '').trim();
  const names: Record<'kk' | 'ru', Record<string, string>> = { kk: {}, ru: {} };
  const cleared: Record<'kk' | 'ru', Record<string, string>> = { kk: {}, ru: {} };
  for (const lang of ['kk', 'ru'] as const)
    for (const f of NAME_FIELDS[lang]) {
      const v = given(`names.${lang}.${f}`);
      if (v) names[lang][f] = v;
      else if (mode === 'update') cleared[lang][f] = '';
    }
  const body: Record<string, unknown> = { names };
  if (mode === 'create') body.kind = given('kind');
  else {
    body.expectedVersion = Number(given('expectedVersion'));
    body.active = values.active === 'true';
  }
  const addressKk = given('address.kk');
  const addressRu = given('address.ru');
  if (addressKk && addressRu) body.address = { kk: addressKk, ru: addressRu };
  const codes: Record<string, string> = {};
  for (const c of ['bin', 'courtCode', 'bik']) if (given(`codes.${c}`)) codes[c] = given(`codes.${c}`);
  if (mode === 'update' || Object.keys(codes).length) body.codes = codes;
  if (given('region')) body.region = given('region');
  if (mode === 'update' || given('note')) body.note = values.note ?? '';
  return { body, cleared, addressError: Boolean(addressKk) !== Boolean(addressRu) };
}

export interface DirectoryFormView {
  kind: FieldView | null;
  kk: FieldView[];
  ru: FieldView[];
  address: FieldView[];
  codes: FieldView[];
  note: FieldView;
  active: FieldView | null;
}

export function directoryFieldViews(
  lang: Lang,
  values: FormValues,
  errors: Record<string, string>,
  mode: 'create' | 'update',
): DirectoryFormView {
  const help = (key: string) => (key in MESSAGES ? translate(lang, key) : undefined);
  const nameField = (l: 'kk' | 'ru', f: string) =>
    field(lang, `names.${l}.${f}`, `admin.dir.${l}.${f}`, 'text', values, errors, {
      required: f === 'nominative',
      help: help(`admin.dir.${l}.${f}Help`),
    });
  return {
    kind:
      mode === 'create'
        ? field(lang, 'kind', 'admin.directory.kind', 'select', values, errors, {
            required: true,
            options: DIRECTORY_KINDS.map((k) => ({ value: k, label: kindLabel(lang, k), selected: k === values.kind })),
          })
        : null,
    kk: NAME_FIELDS.kk.map((f) => nameField('kk', f)),
    ru: NAME_FIELDS.ru.map((f) => nameField('ru', f)),
    address: [
      field(lang, 'address.kk', 'admin.dir.address.kk', 'text', values, errors),
      field(lang, 'address.ru', 'admin.dir.address.ru', 'text', values, errors),
    ],
    codes: [
      field(lang, 'codes.bin', 'admin.dir.codes.bin', 'text', values, errors, {
        help: help('admin.dir.codes.binHelp'),
        attrs: [
          ['inputmode', 'numeric'],
          ['maxlength', '12'],
        ],
      }),
      field(lang, 'codes.courtCode', 'admin.dir.codes.courtCode', 'text', values, errors),
      field(lang, 'codes.bik', 'admin.dir.codes.bik', 'text', values, errors, {
        help: help('admin.dir.codes.bikHelp'),
        attrs: [['maxlength', '8']],
      }),
      field(lang, 'region', 'admin.dir.region', 'select', values, errors, {
        options: REGIONS.map((r) => ({
          value: r,
          label: translate(lang, `admin.region.${r}`),
          selected: r === values.region,
        })),
      }),
    ],
    note: field(lang, 'note', 'admin.dir.note', 'textarea', values, errors),
    active:
      mode === 'update'
        ? field(lang, 'active', 'admin.directory.activeField', 'checkbox', values, errors, {
            checked: values.active === 'true',
            help: translate(lang, 'admin.directory.activeHelp'),
          })
        : null,
  };
}
