import { applyDecorators, Header, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { translate } from './i18n/messages';
import { PageContexts } from './page-context';
import { PageRenderer, type PageContext } from './render/page-renderer';

/** A route that answers a page: HTML, never cached (pages carry personal data and the CSRF token). */
export const HtmlPage = () =>
  applyDecorators(Header('Content-Type', 'text/html; charset=utf-8'), Header('Cache-Control', 'no-store'));

/** After a form is accepted: 303 See Other to the page that shows the result (a reload does not post again). */
export function seeOther(reply: FastifyReply, location: string): string {
  void reply.code(303).header('location', location);
  return '';
}

/** What controllers call to answer a page. */
@Injectable()
export class Pages {
  constructor(
    readonly renderer: PageRenderer,
    readonly contexts: PageContexts,
  ) {}

  context(req: FastifyRequest): PageContext {
    return this.contexts.of(req);
  }

  /**
   * The page `name` (templates/pages/<name>.hbs) with its model. `title`: a message key of src/web/i18n, or
   * `{ text }` for a title that is data (a case number).
   */
  render(
    req: FastifyRequest,
    name: string,
    model: object,
    title: string | { text: string },
    options: { fragment?: boolean; context?: PageContext } = {},
  ): string {
    const ctx = options.context ?? this.contexts.of(req);
    const titleText = typeof title === 'string' ? translate(ctx.lang, title) : title.text;
    return this.renderer.render(name, ctx, model, { title: titleText, fragment: options.fragment });
  }
}
