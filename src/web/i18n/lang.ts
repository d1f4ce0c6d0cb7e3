/**
 * The workplace's languages: Kazakh, Russian, English. A user's choice is remembered on his account
 * (users.language); before sign-in, in the `lang` cookie; failing both, the browser's Accept-Language decides,
 * and Russian when it names none of the three. Pure: no framework imports.
 */
import type { Language, Text } from '../../../machines/catalogue';

export type Lang = Language;
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
export const DEFAULT_LANG: Lang = 'ru';
export const LANG_COOKIE = 'lang';

/** How each language names itself (the language switch). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export const isLang = (value: unknown): value is Lang => value === 'kk' || value === 'ru' || value === 'en';

/** The first of kk/ru/en the browser asks for, by its q-values; null when it names none of them. */
export function fromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) if (isLang(lang)) return lang;
  return null;
}

/** The language of a request: the user's choice, the cookie, the browser, Russian. */
export function languageOf(userChoice: Lang | null | undefined, cookie: string | undefined, accept?: string): Lang {
  if (userChoice) return userChoice;
  if (isLang(cookie)) return cookie;
  return fromAcceptLanguage(accept) ?? DEFAULT_LANG;
}

/** A text in each language (the same shape as the event catalogue's). */
export type Messages = Readonly<Record<string, Text>>;
export const text = (kk: string, ru: string, en: string): Text => ({ kk, ru, en });
