/**
 * Every document × language rendered from the fixtures and compared byte for byte with its golden HTML
 * (test/golden/documents). After an intended change of wording: UPDATE_GOLDEN=1 npx jest test/unit/documents,
 * then read the diff of the golden files before committing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentRenderer, TEMPLATE_VERSION } from '../../../src/documents/document-renderer';
import { DOCUMENT_KINDS, LANGS } from '../../../src/documents/document-view-models';
import { buildViewModel } from '../../../src/documents/view-model.builder';
import { ALL_FIXTURES, SENTINEL } from '../../fixtures/documents';

const GOLDEN = join(__dirname, '../../golden/documents');
const update = process.env.UPDATE_GOLDEN === '1';
const renderer = new DocumentRenderer();

const cases = ALL_FIXTURES.flatMap((f) =>
  LANGS.map((lang) => ({ ...f, lang, file: `${f.name}.${f.kind}.${lang}.html` })),
);

describe('DocumentRenderer', () => {
  it('knows the seven documents and has a fixture for each in both languages', () => {
    expect(renderer.kinds()).toEqual(DOCUMENT_KINDS);
    for (const kind of DOCUMENT_KINDS) expect(ALL_FIXTURES.some((f) => f.kind === kind)).toBe(true);
  });

  describe.each(cases)('$file', ({ kind, lang, viewModel, file }) => {
    const html = renderer.renderHtml(kind, lang, viewModel);

    it('matches the golden file', () => {
      const path = join(GOLDEN, file);
      if (update) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(path, html);
      }
      expect(existsSync(path)).toBe(true);
      expect(html).toBe(readFileSync(path, 'utf8'));
    });

    it('carries the stamp: case number, kind, template and machine version', () => {
      const stamp = /<p class="stamp">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
      expect(stamp).toContain(viewModel.caseNumber);
      expect(stamp).toContain(TEMPLATE_VERSION);
      expect(stamp).toContain(String(viewModel.machineVersion));
      expect(html).toContain(`<html lang="${lang}">`);
    });

    it('names the fonts that carry Kazakh letters and ₸, and prints A4', () => {
      expect(html).toContain("font-family: 'PT Serif', 'DejaVu Serif'");
      expect(html).toContain('size: A4');
    });

    it('never prints session notes', () => {
      expect(html).not.toContain(SENTINEL);
    });

    it('leaves no unrendered placeholders', () => {
      expect(html).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]|NaN/);
    });
  });
});

describe('view-model builder', () => {
  it('drops fields outside the view model, wherever they sit', () => {
    for (const f of ALL_FIXTURES) {
      const built = JSON.stringify(buildViewModel(f.kind, f.viewModel as never));
      expect(built).not.toContain(SENTINEL);
    }
    // …and the fixtures really carry the sentinel, so the test above means something.
    expect(JSON.stringify(ALL_FIXTURES)).toContain(SENTINEL);
  });

  it('returns plain data: a class with getters becomes a plain object', () => {
    const f = ALL_FIXTURES.find((x) => x.kind === 'invitation')!;
    class PartyEntity {
      get fullName() {
        return 'Getter Name';
      }
    }
    const { fullName: _unused, ...rest } = (f.viewModel as { victim: { fullName: string } }).victim;
    const victim = Object.assign(new PartyEntity(), rest);
    const html = renderer.renderHtml('invitation', 'ru', { ...(f.viewModel as object), victim } as never);
    expect(html).toContain('Getter Name');
  });
});

/** Text of the document body, without markup, CSS and the language-specific stamp. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<head>[\s\S]*?<\/head>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

/** Every figure: amounts with their groups («2 000 000,00»), dates («15.03.2027»), plain numbers. */
function figures(html: string): string[] {
  const text = visibleText(html).replace(/(\d)[\u00A0 ](?=\d{3}\b)/g, '$1');
  return [...new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? [])].sort();
}

describe('kk and ru versions carry the same figures and dates', () => {
  it.each(ALL_FIXTURES.map((f) => [`${f.name}.${f.kind}`, f] as const))('%s', (_, f) => {
    const kk = renderer.renderHtml(f.kind, 'kk', f.viewModel);
    const ru = renderer.renderHtml(f.kind, 'ru', f.viewModel);
    expect(figures(kk)).toEqual(figures(ru));
  });
});

describe('strict templates', () => {
  it('fail on a misspelt field instead of printing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    cpSync(renderer.templatesDir, dir, { recursive: true });
    const file = join(dir, 'documents', 'invitation.ru.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{convict.fullName}}', '{{convict.fulName}}'));
    const broken = new DocumentRenderer(dir);
    const f = ALL_FIXTURES.find((x) => x.kind === 'invitation')!;
    expect(() => broken.renderHtml('invitation', 'ru', f.viewModel as never)).toThrow(/fulName/);
  });

  it('fail on a misspelt field inside {{#if}} too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    cpSync(renderer.templatesDir, dir, { recursive: true });
    const file = join(dir, 'documents', 'invitation.kk.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{#if victim.bin}}', '{{#if victim.bn}}'));
    const broken = new DocumentRenderer(dir);
    const f = ALL_FIXTURES.find((x) => x.kind === 'invitation')!;
    expect(() => broken.renderHtml('invitation', 'kk', f.viewModel as never)).toThrow(/undefined/);
  });

  it('refuse an unknown helper at start-up, not at render time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    cpSync(renderer.templatesDir, dir, { recursive: true });
    const file = join(dir, 'documents', 'agreement.ru.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{moneyWords ', '{{mony '));
    expect(() => new DocumentRenderer(dir)).toThrow(/agreement\.ru\.hbs/);
  });

  it('fail when a view model lacks a value the document needs', () => {
    const f = ALL_FIXTURES.find((x) => x.kind === 'invitation')!;
    const vm = { ...(f.viewModel as object), claim: { awarded: 100, recovered: 0 } };
    expect(() => renderer.renderHtml('invitation', 'ru', vm as never)).toThrow(/tiyn/);
  });

  it('the kk and ru label files have the same keys', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const kk = JSON.parse(readFileSync(join(renderer.templatesDir, 'i18n/kk.json'), 'utf8'));
    const ru = JSON.parse(readFileSync(join(renderer.templatesDir, 'i18n/ru.json'), 'utf8'));
    expect(keys(kk).sort()).toEqual(keys(ru).sort());
  });
});
