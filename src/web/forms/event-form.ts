/**
 * Forms generated from the event catalogue (machines/catalogue.ts: EVENT_CATALOGUE[type].fields). Two pure
 * functions and nothing else: `eventFormItems` turns the fields of an event into what the page draws (FieldView for
 * each input, a fieldset for each group, in the reader's language), and `parseEventForm` turns the posted form back
 * into the event's payload (amounts typed in tenge → tiyn, whole numbers, check boxes, nested groups) with the
 * errors it finds itself. The names of the form's inputs are the payload's paths (`terms.instalments.total`), so an
 * error the service reports for a payload path is shown at the input of the same name. No framework imports.
 */
import type { FieldSpec, Text } from '../../../machines/catalogue';
import type { FieldError } from '../../common/domain-error';
import type { Lang } from '../i18n/lang';
import { parseAmountInput } from '../render/format';
import { fieldId, type FieldView, type InputKind } from './field-view';

/** A group of the payload (`terms`, `terms.instalments`): a fieldset with its legend and the items inside. */
export interface FormGroup {
  kind: 'group';
  name: string;
  id: string;
  legend: string;
  help?: string;
  required: boolean;
  error?: string;
  items: FormItem[];
  /** The page shows something of its own right after this group (the agreement's schedule preview). */
  previewAfter?: boolean;
}

export type FormItem = FormGroup | (FieldView & { kind: 'field' });

/** What the form posts: one string per name, or several for repeated names (check boxes of a `choices` field). */
export type PostedForm = Readonly<Record<string, string | string[] | undefined>>;

/** The entries a `directory` field offers, by directory kind (courts, police units, banks…), labels in the language. */
export type DirectoryOptions = Readonly<Record<string, readonly { value: string; label: string }[]>>;

export interface FormInput {
  lang: Lang;
  /** What to show in the inputs: the posted form again after an error, or starting values. */
  values?: PostedForm;
  /** Errors by input name, already in the reader's language. */
  errors?: Readonly<Record<string, string>>;
  directories?: DirectoryOptions;
  /** Hint shown inside amount inputs («0,00»). */
  amountPlaceholder?: string;
  /** The htmx (or other) attributes of particular inputs, by name. */
  attrs?: Readonly<Record<string, [string, string][]>>;
}

const INPUT: Record<Exclude<FieldSpec['kind'], 'group'>, InputKind> = {
  text: 'text',
  longText: 'textarea',
  date: 'date',
  tiyn: 'money',
  integer: 'number',
  boolean: 'checkbox',
  choice: 'select',
  choices: 'checkboxes',
  directory: 'select',
};

const say = (text: Text | undefined, lang: Lang): string | undefined => (text ? (text[lang] ?? text.ru) : undefined);

/** The posted value of one name, as a list (a check box group posts its name once per ticked box). */
function postedList(values: PostedForm | undefined, name: string): string[] {
  const v = values?.[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}
const postedOne = (values: PostedForm | undefined, name: string): string | undefined => postedList(values, name)[0];

/**
 * The items of an event's form. A field is marked required (and the browser insists on it) only when it and every
 * group around it are required: a required field of an optional group is asked for only when the group is filled,
 * which the service checks.
 */
export function eventFormItems(
  fields: readonly FieldSpec[],
  input: FormInput,
  prefix = '',
  required = true,
): FormItem[] {
  return fields.map((spec): FormItem => {
    const name = prefix ? `${prefix}.${spec.name}` : spec.name;
    const id = fieldId(name);
    const needed = required && spec.required;
    const error = input.errors?.[name];
    if (spec.kind === 'group') {
      return {
        kind: 'group',
        name,
        id,
        legend: say(spec.label, input.lang)!,
        help: say(spec.help, input.lang),
        required: needed,
        ...(error ? { error } : {}),
        items: eventFormItems(spec.fields ?? [], input, name, needed),
      };
    }
    const view: FieldView & { kind: 'field' } = {
      kind: 'field',
      name,
      id,
      label: say(spec.label, input.lang)!,
      input: INPUT[spec.kind],
      // A check box is always answered (unticked is «no»): no required mark
      required: needed && spec.kind !== 'boolean',
      value: '',
      ...(spec.help ? { help: say(spec.help, input.lang) } : {}),
      ...(error ? { error } : {}),
      ...(input.attrs?.[name] ? { attrs: input.attrs[name] } : {}),
    };
    switch (spec.kind) {
      case 'boolean':
        view.checked = postedOne(input.values, name) === 'true';
        break;
      case 'choice':
        view.value = postedOne(input.values, name) ?? '';
        view.options = Object.entries(spec.options ?? {}).map(([value, label]) => ({
          value,
          label: say(label, input.lang)!,
          selected: value === view.value,
        }));
        break;
      case 'choices': {
        const ticked = new Set(postedList(input.values, name));
        view.options = Object.entries(spec.options ?? {}).map(([value, label]) => ({
          value,
          label: say(label, input.lang)!,
          selected: ticked.has(value),
        }));
        break;
      }
      case 'directory':
        view.value = postedOne(input.values, name) ?? '';
        view.options = (input.directories?.[spec.directory ?? ''] ?? []).map((o) => ({
          ...o,
          selected: o.value === view.value,
        }));
        break;
      case 'tiyn':
        view.value = postedOne(input.values, name) ?? '';
        view.placeholder = input.amountPlaceholder;
        break;
      case 'integer':
        view.value = postedOne(input.values, name) ?? '';
        view.attrs = [['step', '1'], ...(view.attrs ?? [])];
        break;
      default:
        view.value = postedOne(input.values, name) ?? '';
    }
    return view;
  });
}

/** Every input name of the form (groups walked), for mapping the service's payload paths back to inputs. */
export function inputNames(fields: readonly FieldSpec[], prefix = ''): string[] {
  return fields.flatMap((spec) => {
    const name = prefix ? `${prefix}.${spec.name}` : spec.name;
    return spec.kind === 'group' ? [name, ...inputNames(spec.fields ?? [], name)] : [name];
  });
}

/**
 * The input a payload path of an error belongs to: `meetingForms[1]` → `meetingForms`; a path below an input (the
 * rule of a part of a value) → that input; a path the form does not have → null (shown above the form).
 */
export function inputOfPath(path: string, names: readonly string[]): string | null {
  let p = path.replace(/\[\d+\]/g, '');
  for (;;) {
    if (names.includes(p)) return p;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return null;
    p = p.slice(0, dot);
  }
}

export interface ParsedForm {
  payload: Record<string, unknown>;
  /** What the form itself refuses (an amount that is not one, a number that is not whole): field = input name. */
  errors: FieldError[];
}

/**
 * The payload an event's form posts. Empty inputs are left out (the service says which are required); an
 * optional group left wholly empty is left out; a required group is always sent (its own required fields are then
 * reported inside it). Amounts are typed in tenge («2 000 000», «2 000 000,50») and sent in tiyn.
 */
export function parseEventForm(fields: readonly FieldSpec[], posted: PostedForm, prefix = ''): ParsedForm {
  const payload: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const spec of fields) {
    const name = prefix ? `${prefix}.${spec.name}` : spec.name;
    if (spec.kind === 'group') {
      const inner = parseEventForm(spec.fields ?? [], posted, name);
      errors.push(...inner.errors);
      if (spec.required || Object.keys(inner.payload).length > 0) payload[spec.name] = inner.payload;
      continue;
    }
    if (spec.kind === 'boolean') {
      const on = postedOne(posted, name) === 'true';
      // a required answer is sent either way; an optional one only when ticked
      if (on || spec.required) payload[spec.name] = on;
      continue;
    }
    if (spec.kind === 'choices') {
      const list = postedList(posted, name).filter((v) => v !== '');
      if (list.length) payload[spec.name] = list;
      continue;
    }
    const raw = postedOne(posted, name);
    const typed = spec.kind === 'longText' ? (raw ?? '') : (raw ?? '').trim();
    if (typed.trim() === '') continue;
    switch (spec.kind) {
      case 'tiyn': {
        const amount = parseAmountInput(typed);
        if (amount.ok) payload[spec.name] = amount.tiyn;
        else errors.push({ field: name, rule: amount.rule, message: AMOUNT_MESSAGES[amount.rule] });
        break;
      }
      case 'integer':
        if (/^-?\d{1,15}$/.test(typed)) payload[spec.name] = Number(typed);
        else errors.push({ field: name, rule: 'isInt', message: 'Укажите целое число' });
        break;
      default:
        payload[spec.name] = typed;
    }
  }
  return { payload, errors };
}

const AMOUNT_MESSAGES: Record<'required' | 'money_format' | 'too_many_decimals', string> = {
  required: 'Поле обязательно',
  money_format: 'Укажите сумму в тенге, например 2 000 000,00',
  too_many_decimals: 'Не больше двух знаков после запятой (тиын)',
};
