/**
 * Renders court documents to HTML from plain view models (STYLE.md principle 10, after Ghost's
 * email-renderer): one isolated Handlebars instance, all helpers from template-helpers.ts, partials
 * registered by name, every template compiled ONCE in the constructor with strict mode and
 * knownHelpersOnly — a template error stops the start-up instead of a court clerk's download.
 *
 * Layout on disk (the repo's templates/, copied by nest-cli into dist/templates):
 *   layouts/document.hbs            the HTML page; documents fill it as a partial block
 *   partials/<name>.hbs             header, parties, signatures, schedule-table, styles, stamp …
 *   documents/<kind>.<lang>.hbs     one per document and language: legal wording is written, not glued
 *   i18n/{kk,ru}.json               labels shared by partials, reached through {{t "key"}}
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import {
  DOCUMENT_KINDS,
  LANGS,
  type DocumentKind,
  type Lang,
  type StampView,
  type ViewModels,
} from './document-view-models';
import { createTemplateHelpers, strictBuiltins, type LabelTree } from './template-helpers';
import { buildViewModel } from './view-model.builder';

/** Bump when the wording or layout of any template changes: it is printed in every document's stamp. */
export const TEMPLATE_VERSION = '2026.2';

type Compiled = Handlebars.TemplateDelegate;

/**
 * Pages that are not case documents of their own (templates/extra/<page>.<lang>.hbs, same layout, helpers and
 * partials): the court packet's cover list, the page a receipt image is placed on, the draft of the petition.
 */
export const EXTRA_PAGES = ['packet-cover', 'receipt-page', 'petition'] as const;
export type ExtraPage = (typeof EXTRA_PAGES)[number];
/** What an extra page is rendered from: plain data, with the case number and machine version for its stamp. */
export type PageContext = { caseNumber: string; machineVersion: number; [field: string]: unknown };

/** Finds templates/ walking up from here: repo root under ts-jest, dist/templates in a build. */
export function findTemplatesDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'documents'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`templates/ with documents/ not found above ${start}`);
    dir = parent;
  }
}

export class DocumentRenderer {
  private readonly hb = Handlebars.create();
  private readonly documents = new Map<string, Compiled>();
  private readonly extras = new Map<string, Compiled>();
  readonly templatesDir: string;

  constructor(templatesDir: string = findTemplatesDir()) {
    this.templatesDir = templatesDir;
    const labels = {
      kk: JSON.parse(readFileSync(join(templatesDir, 'i18n', 'kk.json'), 'utf8')) as LabelTree,
      ru: JSON.parse(readFileSync(join(templatesDir, 'i18n', 'ru.json'), 'utf8')) as LabelTree,
    };
    const helpers = {
      ...createTemplateHelpers(labels),
      ...strictBuiltins(this.hb.helpers as Record<string, Handlebars.HelperDelegate>),
    };
    this.hb.registerHelper(helpers);
    const options: CompileOptions = {
      strict: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(Object.keys(helpers).map((name) => [name, true])),
      preventIndent: true,
    };

    this.hb.registerPartial('layout', this.compile(join(templatesDir, 'layouts', 'document.hbs'), options));
    const partialsDir = join(templatesDir, 'partials');
    for (const file of readdirSync(partialsDir)
      .filter((f) => f.endsWith('.hbs'))
      .sort()) {
      this.hb.registerPartial(basename(file, '.hbs'), this.compile(join(partialsDir, file), options));
    }
    for (const kind of DOCUMENT_KINDS) {
      for (const lang of LANGS) {
        this.documents.set(
          `${kind}.${lang}`,
          this.compile(join(templatesDir, 'documents', `${kind}.${lang}.hbs`), options),
        );
      }
    }
    for (const page of EXTRA_PAGES) {
      for (const lang of LANGS) {
        this.extras.set(`${page}.${lang}`, this.compile(join(templatesDir, 'extra', `${page}.${lang}.hbs`), options));
      }
    }
  }

  /**
   * One of the EXTRA_PAGES as a complete HTML page. Its callers build `context` field by field from the case
   * (no session notes exist in what they read); it carries the case number and machine version for the stamp.
   */
  renderPage(page: ExtraPage, lang: Lang, context: PageContext): string {
    const template = this.extras.get(`${page}.${lang}`);
    if (!template) throw new RangeError(`no template for page ${String(page)} in language ${String(lang)}`);
    const stamp = {
      caseNumber: context.caseNumber,
      kind: page,
      lang,
      templateVersion: TEMPLATE_VERSION,
      machineVersion: context.machineVersion,
    };
    return template({ ...context, lang, stamp });
  }

  kinds(): readonly DocumentKind[] {
    return DOCUMENT_KINDS;
  }

  languages(): readonly Lang[] {
    return LANGS;
  }

  /**
   * The document as a complete HTML page (A4 print CSS included). The view model is first rebuilt
   * field by field, so nothing outside its type — session notes above all — can reach the template.
   */
  renderHtml<K extends DocumentKind>(kind: K, lang: Lang, viewModel: ViewModels[K]): string {
    const template = this.documents.get(`${kind}.${lang}`);
    if (!template) throw new RangeError(`no template for document ${String(kind)} in language ${String(lang)}`);
    const vm = buildViewModel(kind, viewModel);
    const stamp: StampView = {
      caseNumber: vm.caseNumber,
      kind,
      lang,
      templateVersion: TEMPLATE_VERSION,
      machineVersion: vm.machineVersion,
    };
    return template({ ...vm, lang, stamp });
  }

  /** Precompiles eagerly: Handlebars' own compile() would defer parsing (and its errors) to the first render. */
  private compile(file: string, options: CompileOptions): Compiled {
    const source = readFileSync(file, 'utf8');
    try {
      const spec = this.hb.precompile(source, options) as string;
      // The precompiled spec is JavaScript produced by Handlebars from our own template files.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- evaluating that spec is the point
      const templateSpec = new Function(`return ${spec};`)() as TemplateSpecification;
      return this.hb.template(templateSpec);
    } catch (e) {
      throw new Error(`template ${file}: ${(e as Error).message}`, { cause: e });
    }
  }
}
