/**
 * The pages that are not case documents of their own — the court packet's cover list, a receipt's page, the
 * petition draft — rendered from plain contexts and compared with golden HTML (UPDATE_GOLDEN=1 to rewrite,
 * then read the diff). The services that build these contexts from a case are tested over HTTP
 * (test/e2e/court-packet.e2e-spec.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentRenderer, type ExtraPage, type PageContext } from '../../../src/documents/document-renderer';
import { convict, sentence, victimCompany, victimPerson } from '../../fixtures/documents/common';

const GOLDEN = join(__dirname, '../../golden/documents');
const update = process.env.UPDATE_GOLDEN === '1';
const renderer = new DocumentRenderer();
const TENGE = 100;

const base = { caseNumber: 'МЕД-2027-0042', machineVersion: 3, place: { kk: 'Өскемен қ.', ru: 'г. Усть-Каменогорск' } };

const cover: PageContext = {
  ...base,
  date: '2027-03-01',
  asOf: '2027-03-01',
  convict: { fullName: convict.fullName, iin: convict.iin },
  sentence,
  items: [
    {
      no: 1,
      kind: 'agreement',
      victim: victimPerson.fullName,
      date: '2027-01-20',
      reference: null,
      amount: null,
      first: 2,
      last: 5,
      pageCount: 4,
      single: false,
    },
    {
      no: 2,
      kind: 'payment-statement',
      victim: victimPerson.fullName,
      date: '2027-03-01',
      reference: null,
      amount: null,
      first: 6,
      last: 6,
      pageCount: 1,
      single: true,
    },
    {
      no: 3,
      kind: 'receipt',
      victim: victimPerson.fullName,
      date: '2027-02-10',
      reference: 'ПП-17',
      amount: 50_000 * TENGE,
      first: 7,
      last: 7,
      pageCount: 1,
      single: true,
    },
    {
      no: 4,
      kind: 'termination-notice',
      victim: victimCompany.fullName,
      date: '2027-01-05',
      reference: null,
      amount: null,
      first: 8,
      last: 8,
      pageCount: 1,
      single: true,
    },
  ],
  totalPages: 8,
};

const receipt: PageContext = {
  ...base,
  victim: victimPerson.fullName,
  date: '2027-02-10',
  reference: 'ПП-17',
  amount: 50_000 * TENGE,
  sha256: 'a'.repeat(64),
  uploadedOn: '2027-02-11',
  dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
};

const petition = (isParole: boolean): PageContext => ({
  ...base,
  date: '2027-03-01',
  asOf: '2027-03-01',
  isParole,
  convict: { fullName: convict.fullName, iin: convict.iin, institution: convict.institution },
  lawyer: { fullName: 'Иванов Пётр Сергеевич' },
  sentence: { ...sentence, term: { years: 6, months: 0, days: 0 }, startDate: '2024-05-14' },
  eligibility: {
    earliestDate: isParole ? '2027-05-14' : '2026-05-14',
    fraction: isParole ? { numerator: 1, denominator: 2 } : { numerator: 1, denominator: 3 },
    ofRemainder: false,
    requiredServed: isParole ? { years: 3, months: 0, days: 0 } : { years: 2, months: 0, days: 0 },
    minimumSixMonthsApplied: false,
    citation: isParole
      ? { ru: 'УК РК ст. 72 ч. 3 п. 2', kk: 'ҚР ҚК 72-бап 3-бөлік 2-тармақ' }
      : { ru: 'УК РК ст. 73 ч. 2', kk: 'ҚР ҚК 73-бап 2-бөлік' },
    method: 'Срок 6 лет, половина — 3 года; от начала срока 14.05.2024',
    exclusion: null,
  },
  decision: isParole
    ? {
        reason: {
          ru: 'Не все иски оплачены: решение об УДО остаётся на усмотрении суда',
          kk: 'Барлық талап өтелмеген: ШМБ туралы шешім соттың қалауында',
        },
        citation: { ru: 'УК РК ст. 72 ч. 1 абз. 1', kk: 'ҚР ҚК 72-бап 1-бөлік 1-абзац' },
      }
    : null,
  agreements: [
    {
      no: 1,
      victim: victimPerson.fullName,
      signedOn: '2027-01-20',
      settled: 2_000_000 * TENGE,
      paid: 50_000 * TENGE,
      outstanding: 1_950_000 * TENGE,
      waived: null,
      instalments: { monthly: 50_000 * TENGE, count: 40 },
    },
    {
      no: 2,
      victim: victimCompany.fullName,
      signedOn: '2027-01-22',
      settled: 300_000 * TENGE,
      paid: 300_000 * TENGE,
      outstanding: 0,
      waived: 200_000 * TENGE,
      instalments: null,
    },
  ],
  refusals: [{ victim: 'Омарова Сәуле Маратқызы', date: '2027-01-05' }],
});

const PAGES: Array<[string, ExtraPage, PageContext]> = [
  ['packet-cover', 'packet-cover', cover],
  ['receipt-page', 'receipt-page', receipt],
  ['petition-parole', 'petition', petition(true)],
  ['petition-replacement', 'petition', petition(false)],
];

describe.each(PAGES)('%s', (name, page, context) => {
  describe.each(['kk', 'ru'] as const)('%s', (lang) => {
    const html = renderer.renderPage(page, lang, context);

    it('matches the golden file', () => {
      const path = join(GOLDEN, `extra.${name}.${lang}.html`);
      if (update) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(path, html);
      }
      expect(existsSync(path)).toBe(true);
      expect(html).toBe(readFileSync(path, 'utf8'));
    });

    it('leaves no placeholder and speaks one language', () => {
      expect(html).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]|NaN/);
      const body = html.replace(/<head>[\s\S]*<\/head>/, '');
      if (lang === 'kk') expect(body).not.toMatch(/Соглашение|Платёжный|Прошу|ПРОЕКТ|Опись/);
      else expect(body).not.toMatch(/Келісім|Сұраймын|ЖОБА|тізімдемесі/);
    });
  });
});

describe('the petition draft', () => {
  it('is marked a draft and carries the eligibility numbers it is given', () => {
    const ru = renderer.renderPage('petition', 'ru', petition(true));
    expect(ru).toContain('ПРОЕКТ');
    expect(ru).toContain('не менее 1/2 срока наказания — 3 г. 0 мес. 0 дн.');
    expect(ru).toContain('14 мая 2027 года');
    expect(ru).toContain('УК РК ст. 72 ч. 3 п. 2');
    const kk = renderer.renderPage('petition', 'kk', petition(false));
    expect(kk).toContain('ЖОБА');
    expect(kk).toContain('жаза мерзімінің кемінде 1/3 бөлігі — 2 жыл 0 ай 0 күн');
    expect(kk).toContain('ҚР ҚК 73-бап 2-бөлік');
  });
});
