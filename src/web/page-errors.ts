import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/authenticator';
import type { HttpErrorAnswer } from '../common/domain-error.filter';
import { translate } from './i18n/messages';
import { PageContexts, safeLocalPath } from './page-context';
import { PageRenderer } from './render/page-renderer';

/**
 * A browser asking for a page of the workplace: not the JSON API, the health checks or the pages' files, and an
 * Accept header naming HTML (every navigation and form post of a browser sends one; scripts get JSON errors).
 */
export function isPageRequest(req: FastifyRequest): boolean {
  const url = req.url;
  if (url.startsWith('/api/') || url === '/api' || url.startsWith('/health') || url.startsWith('/assets/'))
    return false;
  return /\btext\/html\b/i.test(req.headers.accept ?? '');
}

export type PageRefusal = 'csrf' | 'origin';

/**
 * Errors of page requests answered as pages, in the reader's language (the API keeps its JSON): no sign-in → the
 * sign-in page, which returns to where he was; a case out of his scope or no such page → «not found» (404, the same
 * page either way); a role without access → 403; a refused form (CSRF, foreign origin) → 403 with what to do; an
 * internal error → 500 with the log's reference and the assurance that nothing changed.
 */
@Injectable()
export class PageErrors {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly contexts: PageContexts,
  ) {}

  /** Sends the page for an error answer; false when the request is not a page's (the filter answers JSON). */
  answer(req: FastifyRequest, reply: FastifyReply, answer: HttpErrorAnswer): boolean {
    if (!isPageRequest(req)) return false;
    const { status, body } = answer;
    if (status === 401) {
      // After the sign-in he returns to this page (a form posted after the session expired: the page it was on)
      const back = req.method === 'GET' ? req.url : refererPath(req);
      // A session cookie the service no longer accepts: his session ended (idle, too long, signed out elsewhere)
      const expired = (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`) ? 'expired=1&' : '';
      void reply
        .code(303)
        .header('location', `/login?${expired}next=${encodeURIComponent(safeLocalPath(back))}`)
        .send();
      return true;
    }
    const kind = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status >= 500 ? 'server' : 'badRequest';
    const ctx = this.contexts.of(req);
    const title = translate(ctx.lang, `error.${kind}.title`);
    const message =
      kind === 'server'
        ? translate(ctx.lang, 'error.server.text', {
            reference: typeof body.reference === 'string' ? body.reference : '—',
          })
        : kind === 'badRequest'
          ? (body.message ?? '')
          : translate(ctx.lang, `error.${kind}.text`);
    this.send(reply, status, this.renderer.render('error', ctx, { heading: title, message }, { title }));
    return true;
  }

  /** A form the perimeter refused before any route ran (no CSRF token, a foreign origin). */
  refuse(req: FastifyRequest, reply: FastifyReply): void {
    const ctx = this.contexts.of(req);
    const title = translate(ctx.lang, 'error.csrf.title');
    const html = this.renderer.render(
      'error',
      ctx,
      { heading: title, message: translate(ctx.lang, 'error.csrf.text'), back: refererPath(req) },
      { title },
    );
    this.send(reply, 403, html);
  }

  private send(reply: FastifyReply, status: number, html: string): void {
    void reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    void reply.send(html);
  }
}

function refererPath(req: FastifyRequest): string {
  const referer = req.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === req.headers.host ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}
