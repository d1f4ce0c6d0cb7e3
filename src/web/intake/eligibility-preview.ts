/**
 * The earliest petition date shown beside the sentence as it is typed (templates/pages/intake/eligibility.hbs):
 * the form's fields → the question POST /api/eligibility answers (EligibilityService), and its answer → what the
 * page says, in the reader's language. Pure: no framework imports.
 */
import { isLocalDate } from '../../common/local-date';
import type { EligibilityRequestDto, EligibilityResponseDto } from '../../eligibility/dto/eligibility.dto';
import { GRAVITIES, type Gravity } from '../../eligibility/domain/parole-eligibility';
import { iinBirthDate, iinSex, isValidIin } from '../../identity/domain/iin';
import type { Citation } from '../../law/legal-rules';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { formatDate } from '../render/format';
import type { FormValues } from './application-form';

/** What the form gives for the question: enough to ask it, or what is missing. */
export function eligibilityRequest(
  values: FormValues,
  today: string,
): { ok: true; request: EligibilityRequestDto } | { ok: false; reason: 'need' | 'startFuture' } {
  const raw = (name: string) => (values[name] ?? '').trim();
  const int = (name: string, max: number): number | null => {
    const v = raw(name);
    if (v === '') return 0;
    if (!/^\d{1,3}$/.test(v)) return null;
    const n = Number(v);
    return n <= max ? n : null;
  };
  const life = raw('sentence.lifeImprisonment') === 'true';
  const years = int('sentence.term.years', 100);
  const months = int('sentence.term.months', 11);
  const days = int('sentence.term.days', 31);
  const start = raw('sentence.startDate');
  const gravity = raw('sentence.gravity');
  const detention = int('sentence.pretrialDetentionDays', 36500);
  const termOk = life || (years !== null && months !== null && days !== null && years + months + days > 0);
  if (!termOk || !isLocalDate(start) || !(GRAVITIES as readonly string[]).includes(gravity) || detention === null)
    return { ok: false, reason: 'need' };
  if (start > today) return { ok: false, reason: 'startFuture' };
  const iin = raw('convict.iin');
  const typedBirth = raw('convict.birthDate');
  const birthDate = isLocalDate(typedBirth) ? typedBirth : isValidIin(iin) ? iinBirthDate(iin) : null;
  const sex = isValidIin(iin) ? iinSex(iin) : null;
  return {
    ok: true,
    request: {
      procedure: 'both',
      ...(life ? { lifeImprisonment: true } : { term: { years: years!, months: months!, days: days! } }),
      termStartDate: start,
      pretrialDetentionDays: detention,
      gravity: gravity as Gravity,
      againstLifeOrHealth: raw('sentence.againstLifeOrHealth') === 'true',
      ...(birthDate ? { birthDate } : {}),
      ...(sex ? { sex } : {}),
    },
  };
}

export interface EligibilityLine {
  label: string;
  chosen: boolean;
  eligible: boolean;
  date: string | null;
  already: boolean;
  served: string | null;
  citation: string;
  discretionary: boolean;
  exclusion: string | null;
}

export interface EligibilityPreview {
  message: string | null;
  lines: EligibilityLine[];
}

const ACT_EN: Partial<Record<Citation['act'], string>> = { УК: 'CC RK', УПК: 'CPC RK', УИК: 'PEC RK' };

/** A citation in English («CC RK art. 72 part 3 item 2»); the Kazakh and Russian ones come with the answer. */
export function citationEn(c: Citation): string {
  const bits = [ACT_EN[c.act] ?? c.act, `art. ${c.article}`];
  if (c.part) bits.push(`part ${c.part}`);
  if (c.item) bits.push(`item ${c.item}`);
  if (c.paragraph) bits.push(`para. ${c.paragraph}`);
  return bits.join(' ');
}

/** The answer as the page says it, the procedure chosen first. */
export function eligibilityPreview(
  lang: Lang,
  values: FormValues,
  today: string,
  answer: EligibilityResponseDto | { reason: 'need' | 'startFuture' },
): EligibilityPreview {
  if ('reason' in answer)
    return {
      message: translate(lang, answer.reason === 'need' ? 'intake.elig.need' : 'intake.elig.startFuture'),
      lines: [],
    };
  const chosen = values.procedure === 'replacement' ? 'replacement' : 'parole';
  const lines: EligibilityLine[] = [];
  for (const p of ['parole', 'replacement'] as const) {
    const a = answer[p];
    if (!a) continue;
    const rule = a.rule as unknown as Citation;
    const served = a.requiredServed;
    lines.push({
      label: translate(lang, `intake.elig.${p}`),
      chosen: p === chosen,
      eligible: a.eligible && !!a.earliestDate,
      date: a.earliestDate ? formatDate(a.earliestDate, lang) : null,
      already: !!a.earliestDate && a.earliestDate <= today,
      served: served
        ? translate(lang, 'intake.elig.served', { years: served.years, months: served.months, days: served.days })
        : null,
      citation: lang === 'en' ? citationEn(rule) : a.citation[lang],
      discretionary: a.discretionaryOnly,
      exclusion: a.exclusion ? (lang === 'kk' ? a.exclusion.reason.kk : a.exclusion.reason.ru) : null,
    });
  }
  lines.sort((x, y) => Number(y.chosen) - Number(x.chosen));
  return { message: null, lines };
}
