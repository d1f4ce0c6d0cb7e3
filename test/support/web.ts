/**
 * The workplace over HTTP as a browser uses it: sign in through the form, keep the session cookie, post forms
 * with the page's CSRF token. For page tests that need no real browser (test/web); the browser tests are in
 * test/browser (test/support/browser.ts).
 */
import request from 'supertest';
import type { UserRole } from '../../src/auth/principal';
import type { TestApp } from './app';

export interface PageAgent {
  /** GET a page (follows no redirect): status, headers, HTML. */
  get(url: string): Promise<request.Response>;
  /** POST a form as the page does: urlencoded fields plus `_csrf` (unless `csrf: false`), with the Origin. */
  post(url: string, fields: Record<string, string | string[]>, opts?: { csrf?: boolean }): Promise<request.Response>;
  /** The session's CSRF token (read from a page, as the browser has it). */
  csrf: string;
  cookie: string;
}

/** What a browser's Accept header says for a page (the service answers errors of such requests with pages). */
export const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Signs in through the sign-in form as the cast member of this role. */
export async function signInPage(t: TestApp, role: UserRole, lang?: 'kk' | 'ru' | 'en'): Promise<PageAgent> {
  const user = t.users[role];
  const res = await request(t.http).post('/login').type('form').send({ login: user.login, password: user.password });
  if (res.status !== 303) throw new Error(`sign-in as ${role}: ${res.status} ${res.text.slice(0, 300)}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  const agent: PageAgent = {
    cookie,
    csrf: '',
    get: (url) => request(t.http).get(url).set('Cookie', agent.cookie).set('Accept', HTML),
    post: (url, fields, opts = {}) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      if (opts.csrf !== false) body.append('_csrf', agent.csrf);
      return request(t.http)
        .post(url)
        .set('Cookie', agent.cookie)
        .set('Accept', HTML)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(body.toString());
    },
  };
  const home = await agent.get('/login'); // signed in: redirects; any page carries the token
  const page = home.status === 303 ? await agent.get(String(home.headers.location)) : home;
  agent.csrf = csrfOf(page.text);
  if (lang) await agent.post('/language', { lang, next: '/' });
  return agent;
}

/** The CSRF token a page's forms carry. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1];
}
