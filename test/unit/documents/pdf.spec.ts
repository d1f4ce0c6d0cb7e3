/**
 * PDF through the real Chromium: text extracted with pdftotext must carry names, amounts in words in both
 * languages, schedule rows, the Kazakh letters and the stamp. Skips (loudly) only where Chromium is absent;
 * CI installs it: apt-get install -y chromium fonts-dejavu-core poppler-utils.
 * Page 1 of each document is also written as PNG to /tmp/document-png for a human look.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../src/common/domain-error';
import { Env } from '../../../src/config/env';
import { DocumentRenderer, TEMPLATE_VERSION } from '../../../src/documents/document-renderer';
import { PdfService } from '../../../src/documents/pdf.service';
import { formatTenge } from '../../../src/money/domain/money';
import { ALL_FIXTURES } from '../../fixtures/documents';
import { instalmentSchedule } from '../../fixtures/documents/instalments';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `\n\n!!! PDF TESTS SKIPPED: ${CHROMIUM} is missing. Install: apt-get install -y chromium fonts-dejavu-core poppler-utils !!!\n\n`,
  );
}
// A developer without Chromium gets a loud skip; CI (which installs it) never skips: there a missing browser fails.
const describePdf = haveChromium || process.env.CI ? describe : describe.skip;
const OUT = '/tmp/document-png';

function env(path = CHROMIUM): Env {
  return Object.assign(new Env(), { CHROMIUM_PATH: path });
}

/** pdftotext joins lines; compare on whitespace-normalised text (NBSP included). */
function pdfText(pdf: Buffer, name: string): string {
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'])
    .toString('utf8')
    .replace(/[\s\u00A0]+/g, ' ');
}
const norm = (s: string) => s.replace(/[\s\u00A0]+/g, ' ');

describe('PdfService without Chromium', () => {
  it('answers service_unavailable saying what to install', async () => {
    const pdf = new PdfService(env('/nonexistent/chromium'));
    expect(await pdf.available()).toBe(false);
    const error = await pdf.renderPdf('<html lang="ru"><body>x</body></html>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('service_unavailable');
    expect((error as DomainError).message).toContain('apt-get install -y chromium fonts-paratype fonts-dejavu-core');
  });
});

describePdf('PdfService with Chromium', () => {
  const renderer = new DocumentRenderer();
  const pdf = new PdfService(env());
  const texts = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    expect(await pdf.available()).toBe(true);
    expect(existsSync('/usr/share/fonts/truetype/paratype/PTF55F.ttf')).toBe(true); // bash .ci/setup-system.sh
    for (const f of ALL_FIXTURES) {
      for (const lang of ['kk', 'ru'] as const) {
        const name = `${f.name}.${f.kind}.${lang}`;
        const buffer = await pdf.renderPdf(renderer.renderHtml(f.kind, lang, f.viewModel));
        expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
        texts.set(name, pdfText(buffer, name));
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(OUT, `${name}.pdf`), join(OUT, name)]);
      }
    }
  }, 120_000);

  afterAll(() => pdf.onModuleDestroy());

  it('prints the parties, the stamp and page numbers in every document', () => {
    for (const f of ALL_FIXTURES) {
      for (const lang of ['kk', 'ru'] as const) {
        const text = texts.get(`${f.name}.${f.kind}.${lang}`)!;
        expect(text).toContain(norm(f.viewModel.convict.fullName));
        expect(text).toContain(norm(f.viewModel.victim.fullName));
        expect(text).toContain(f.viewModel.caseNumber);
        expect(text).toContain(TEMPLATE_VERSION);
        expect(text).toMatch(lang === 'ru' ? /стр\. 1 из \d+/ : /1-бет, барлығы \d+/);
      }
    }
  });

  it('embeds the office serif PT Serif, and every Kazakh letter, capitals and һ included, comes back as text', async () => {
    const f = ALL_FIXTURES.find((x) => x.name === 'legal-entity' && x.kind === 'invitation')!;
    const all = 'ӘҒҚҢӨҰҮҺІ әғқңөұүһі';
    const vm = { ...f.viewModel, victim: { ...f.viewModel.victim, address: `Өскемен қ., ${all}` } };
    const buffer = await pdf.renderPdf(renderer.renderHtml(f.kind, 'kk', vm));
    const text = pdfText(buffer, 'kazakh-letters');
    for (const letter of all.replace(' ', '')) expect(text).toContain(letter);
    expect(text).toContain(all);
    const fonts = execFileSync('pdffonts', [join(OUT, 'kazakh-letters.pdf')]).toString('utf8');
    // name, type, encoding, emb, sub, uni: every font embedded (a subset), PT Serif the body's.
    expect(fonts).toMatch(/PTSerif-Regular\s.*\syes\s+yes\s+yes/);
    expect(fonts).toMatch(/PTSerif-Bold\s/);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/\syes\s+yes\s+(yes|no)\s/);
  });

  it('leaves no heading alone at the foot of a page', () => {
    for (const f of ALL_FIXTURES) {
      for (const lang of ['kk', 'ru'] as const) {
        const name = `${f.name}.${f.kind}.${lang}`;
        const html = renderer.renderHtml(f.kind, lang, f.viewModel);
        const headings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => norm(m[1]).trim());
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(OUT, `${name}.pdf`)]).toString())![1]);
        for (let page = 1; page < pages; page++) {
          const lines = execFileSync('pdftotext', [
            '-f',
            String(page),
            '-l',
            String(page),
            '-layout',
            join(OUT, `${name}.pdf`),
            '-',
          ])
            .toString('utf8')
            .split('\n')
            .map((l) => norm(l).trim())
            .filter((l) => l && !/стр\. \d+ из \d+|\d+-бет, барлығы \d+/.test(l));
          const last = lines[lines.length - 1];
          expect(headings.includes(last) ? `${name} page ${page} ends with the heading «${last}»` : 'ok').toBe('ok');
        }
      }
    }
  });

  it('keeps the Kazakh letters', () => {
    const kk = texts.get('instalments.agreement.kk')!;
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', 'Ә', 'Ө', 'Һ']) {
      expect(kk + texts.get('legal-entity.agreement.kk')).toContain(letter);
    }
    expect(kk).toContain('Дауды (жанжалды) медиация тәртібімен');
    expect(texts.get('legal-entity.agreement.kk')).toContain('Һолдинг');
  });

  it('writes the amount in figures and in words in both languages', () => {
    expect(texts.get('instalments.agreement.kk')).toContain('2 000 000 (екі миллион) теңге 00 тиын');
    expect(texts.get('instalments.agreement.ru')).toContain('2 000 000 (два миллиона) тенге 00 тиын');
    expect(texts.get('instalments.agreement.ru')).toContain('50 000 (пятьдесят тысяч) тенге 00 тиын');
    expect(texts.get('instalments.agreement.kk')).toContain('50 000 (елу мың) теңге 00 тиын');
  });

  it('prints every schedule row with its date and amounts, and the ₸ sign', () => {
    const text = texts.get('instalments.agreement.ru')!;
    expect(instalmentSchedule.rows).toHaveLength(40);
    for (const row of instalmentSchedule.rows) {
      const [y, m, d] = row.dueDate.split('-');
      expect(text).toContain(
        `${row.number} ${d}.${m}.${y}${row.nominalDate ? '*' : ''} ${norm(formatTenge(row.amount))}`,
      );
    }
    expect(text).toContain(norm(formatTenge(instalmentSchedule.total)));
  });

  it('measures: a warm PDF is fast (reused pages)', async () => {
    const f = ALL_FIXTURES.find((x) => x.name === 'instalments' && x.kind === 'agreement')!;
    const html = renderer.renderHtml(f.kind, 'ru', f.viewModel);
    const htmlTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      renderer.renderHtml(f.kind, 'kk', f.viewModel);
      htmlTimes.push(performance.now() - t0);
    }
    const pdfTimes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      await pdf.renderPdf(html);
      pdfTimes.push(performance.now() - t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `HTML render median ${median(htmlTimes).toFixed(2)} ms; warm PDF median ${median(pdfTimes).toFixed(0)} ms (agreement with 40-row schedule)`,
    );
    expect(median(pdfTimes)).toBeLessThan(3000);
  });

  it('serves concurrent renders through the page pool', async () => {
    const f = ALL_FIXTURES.find((x) => x.kind === 'invitation')!;
    const html = renderer.renderHtml(f.kind, 'kk', f.viewModel);
    const results = await Promise.all(Array.from({ length: 5 }, () => pdf.renderPdf(html)));
    for (const r of results) expect(r.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
