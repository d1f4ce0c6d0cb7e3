/**
 * The check of an ИИН or a БИН as it is typed (templates/pages/intake/id-check.hbs; the form shows it too, for a
 * form posted back): still typing, wrong, or what the number tells (birth date and sex; month of registration).
 * Pure: no framework imports.
 */
import { binInfo, iinBirthDate, iinSex, isValidBin, isValidIin } from '../../identity/domain/iin';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { formatDate, formatMonth } from '../render/format';

export interface IdCheck {
  ok: boolean;
  message: string;
}

/** What the check as typed says about an ИИН or a БИН: still typing, wrong, or what it tells. */
export function idCheckModel(lang: Lang, kind: 'iin' | 'bin', typed: string): IdCheck | null {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  if (typed === '') return null;
  if (!/^\d+$/.test(typed)) return { ok: false, message: t('intake.id.onlyDigits') };
  if (typed.length !== 12) return { ok: false, message: t('intake.id.digits', { n: typed.length }) };
  if (kind === 'iin') {
    const valid = isValidIin(typed);
    const born = valid ? iinBirthDate(typed) : null;
    const sex = valid ? iinSex(typed) : null;
    if (born && sex)
      return { ok: true, message: t('intake.id.iinOk', { date: formatDate(born, lang), sex: t(`intake.id.${sex}`) }) };
    // A БИН's fifth digit is its type (4–6), where an ИИН has the tens of the birth day: typed in the wrong field
    if (isValidBin(typed)) return { ok: false, message: t('intake.id.iinIsBin') };
    return valid ? { ok: true, message: t('intake.id.iinOkPlain') } : { ok: false, message: t('rule.iin_checksum') };
  }
  const info = binInfo(typed);
  if (info) return { ok: true, message: t('intake.id.binOk', { month: formatMonth(info.registered, lang) }) };
  return { ok: false, message: isValidIin(typed) ? t('intake.id.binIsIin') : t('rule.bin_checksum') };
}
