import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ROLE_LABELS } from '../../machines/catalogue';
import { csrfTokenFor } from '../auth/authenticator';
import { LANG_COOKIE, LANG_NAMES, LANGS, languageOf, type Lang } from './i18n/lang';
import { translate } from './i18n/messages';
import { homeOf, NAV } from './nav';
import type { PageContext } from './render/page-renderer';

/** The language of a request: the signed-in user's choice, the `lang` cookie, the browser's, Russian. */
export function requestLanguage(req: FastifyRequest): Lang {
  const cookies = (req as { cookies?: Record<string, string | undefined> }).cookies;
  return languageOf(req.principal?.language, cookies?.[LANG_COOKIE], req.headers['accept-language']);
}

/** A path of this service to return to (`next`): only a local absolute path, never another site. */
export function safeLocalPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return fallback;
  if (/[\r\n]/.test(next) || next.length > 2000) return fallback;
  return next;
}

@Injectable()
export class PageContexts {
  /** Everything the layout needs about this request. */
  of(req: FastifyRequest): PageContext {
    const lang = requestLanguage(req);
    const principal = req.principal ?? null;
    const path = safeLocalPath(req.url);
    const pathname = path.split('?')[0];
    const nav = principal
      ? NAV.filter((n) => n.roles.includes(principal.role)).map((n) => ({
          href: n.href,
          label: translate(lang, n.label),
          current: n.href === '/' ? pathname === '/' : pathname === n.href || pathname.startsWith(`${n.href}/`),
        }))
      : [];
    // The most specific entry is the current one (/cases/new, not /cases as well)
    const currents = nav.filter((n) => n.current);
    if (currents.length > 1) {
      const best = currents.reduce((a, b) => (b.href.length > a.href.length ? b : a));
      for (const n of nav) n.current = n === best;
    }
    return {
      lang,
      path,
      user: principal
        ? {
            id: principal.userId,
            name: lang === 'kk' ? principal.fullName.kk : principal.fullName.ru,
            role: principal.role,
            roleLabel: principal.role === 'admin' ? adminLabel[lang] : ROLE_LABELS[principal.role][lang],
          }
        : null,
      csrfToken: principal?.via === 'session' && req.sessionSecret ? csrfTokenFor(req.sessionSecret) : null,
      nav,
      home: principal ? homeOf(principal.role) : '/',
      langs: LANGS.map((code) => ({ code, name: LANG_NAMES[code], current: code === lang })),
    };
  }
}

const adminLabel: Record<Lang, string> = { kk: 'Әкімші', ru: 'Администратор', en: 'Administrator' };
