/**
 * One field of a page's form as templates/partials/web/field.hbs draws it: label, input, required mark, help
 * text, the error at the field (in the reader's language), options. Controllers (or the form generator of the
 * event catalogue) build these; the partial has no logic of its own. Pure: no framework imports.
 */
import type { DomainError } from '../../common/domain-error';
import type { Lang } from '../i18n/lang';
import { MESSAGES, translate } from '../i18n/messages';

export type InputKind =
  'text' | 'textarea' | 'date' | 'money' | 'number' | 'checkbox' | 'select' | 'checkboxes' | 'email' | 'password';

export interface FieldView {
  /** The form field's name as posted (`terms.instalments.total`). */
  name: string;
  /** The element id (derived from the name when not given). */
  id: string;
  label: string;
  input: InputKind;
  required: boolean;
  /** The value shown (money: «2 000 000,00»; date: YYYY-MM-DD). */
  value: string;
  checked?: boolean;
  help?: string;
  error?: string;
  options?: { value: string; label: string; selected: boolean }[];
  /** Extra attributes, e.g. htmx's for a live preview: [['hx-get', '/x'], ['hx-trigger', 'input changed delay:300ms']]. */
  attrs?: [string, string][];
  /** The field's short hint shown inside an amount or number input. */
  placeholder?: string;
  autocomplete?: string;
}

/** The id of a field's element from its name: `terms.instalments.total` → `f-terms-instalments-total`. */
export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** The errors of a refused request, keyed by field, in the reader's language (the rule's own text when we have one). */
export function fieldErrors(lang: Lang, error: DomainError): Record<string, string> {
  const list = (error.details.errors as { field: string; rule: string; message: string }[] | undefined) ?? [];
  const out: Record<string, string> = {};
  for (const e of list) {
    const key = `rule.${e.rule}`;
    const text = key in MESSAGES ? translate(lang, key) : e.message;
    out[e.field] = out[e.field] ? `${out[e.field]}; ${text}` : text;
  }
  return out;
}
