/**
 * Every label and message of the workplace, in Kazakh, Russian and English: one file per area of the workplace
 * (src/web/i18n/*.messages.ts), merged here; a key defined twice is an error at start-up. Templates reach them
 * with {{t "key"}}, code with `translate(lang, key)`. A unit test checks every {{t "…"}} of templates/pages and
 * templates/partials/web against this table.
 */
import type { Lang, Messages } from './lang';
import { ADMIN_MESSAGES } from './admin.messages';
import { CASE_MESSAGES } from './case.messages';
import { COMMON_MESSAGES } from './common.messages';
import { INTAKE_MESSAGES } from './intake.messages';
import { LISTS_MESSAGES } from './lists.messages';
import { REMINDERS_MESSAGES } from './reminders.messages';
import { RESTITUTION_MESSAGES } from './restitution.messages';
import { STATECHART_MESSAGES } from './statechart.messages';
import { STATISTICS_MESSAGES } from './statistics.messages';

const AREAS: readonly Messages[] = [
  COMMON_MESSAGES,
  ADMIN_MESSAGES,
  CASE_MESSAGES,
  INTAKE_MESSAGES,
  LISTS_MESSAGES,
  REMINDERS_MESSAGES,
  RESTITUTION_MESSAGES,
  STATECHART_MESSAGES,
  STATISTICS_MESSAGES,
];

function merge(areas: readonly Messages[]): Messages {
  const out: Record<string, Messages[string]> = {};
  for (const area of areas)
    for (const [key, value] of Object.entries(area)) {
      if (key in out) throw new Error(`Workplace message "${key}" is defined twice`);
      out[key] = value;
    }
  return out;
}

export const MESSAGES: Messages = merge(AREAS);

/** The message in the language; `{name}` placeholders filled from `params`. An unknown key is a defect: it throws. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const entry = MESSAGES[key];
  if (!entry) throw new Error(`Unknown workplace message "${key}"`);
  return entry[lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
