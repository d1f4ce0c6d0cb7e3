/**
 * Renders the workplace's pages: Handlebars templates under templates/pages (one per page, named by their path:
 * `cases/list` is templates/pages/cases/list.hbs), partials under templates/partials/web (`{{> web/field}}`),
 * inside templates/layouts/page.hbs. One isolated Handlebars instance, everything compiled once at start-up; the
 * helpers (helpers.ts) read the page's language from `@root.page.lang`. Data is prepared by the controllers: the
 * renderer fetches nothing.
 */
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findTemplatesDir } from '../../documents/document-renderer';
import type { Lang } from '../i18n/lang';
import { registerPageHelpers } from './helpers';

/** What every page knows about the request: language, user, CSRF token, where it is. */
export interface PageContext {
  lang: Lang;
  /** The path and query of this page (the sign-in page returns here, the language switch too). */
  path: string;
  user: { id: string; name: string; role: string; roleLabel: string } | null;
  /** The session's CSRF token: every form that changes something posts it as `_csrf`. */
  csrfToken: string | null;
  nav: { href: string; label: string; current: boolean }[];
  /** The user's home page (the brand links there): my work, or the users' list for the administrator. */
  home: string;
  langs: { code: Lang; name: string; current: boolean }[];
}

export interface RenderOptions {
  /** The page's title (before the service's name in the browser's tab). */
  title: string;
  /** Without the layout: a fragment swapped into a page (htmx). */
  fragment?: boolean;
}

function templatesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.hbs'))
        out.set(
          relative(dir, path)
            .replace(/\\/g, '/')
            .replace(/\.hbs$/, ''),
          path,
        );
    }
  };
  walk(dir);
  return out;
}

export class PageRenderer {
  private readonly hb = Handlebars.create();
  private readonly pages = new Map<string, Handlebars.TemplateDelegate>();
  private readonly layout: Handlebars.TemplateDelegate;

  constructor(templatesDir: string = findTemplatesDir()) {
    registerPageHelpers(this.hb);
    const compile = (path: string) => this.hb.compile(readFileSync(path, 'utf8'), { preventIndent: true });
    for (const [name, path] of templatesUnder(join(templatesDir, 'partials', 'web')))
      this.hb.registerPartial(`web/${name}`, compile(path));
    for (const [name, path] of templatesUnder(join(templatesDir, 'pages'))) this.pages.set(name, compile(path));
    this.layout = compile(join(templatesDir, 'layouts', 'page.hbs'));
  }

  /** The page names (templates/pages/…), for tests. */
  pageNames(): string[] {
    return [...this.pages.keys()].sort();
  }

  render(page: string, context: PageContext, model: object, options: RenderOptions): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`No page template "${page}" under templates/pages`);
    const data = { ...model, page: context, title: options.title };
    const body = template(data);
    if (options.fragment) return body;
    return this.layout({ ...data, body });
  }
}
