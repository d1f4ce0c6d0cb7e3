/// <reference lib="dom" />
/**
 * Statistics and the «start now» register in a real browser (issue 12): both pages pass axe-core, fit 1280 px and
 * 390 px and break no Content-Security-Policy rule in kk, ru and en; the period form is used by typing and the
 * page answers with the chosen period; the register links to the case.
 */
import type { Page } from 'puppeteer-core';
import { checkPage, signIn, startBrowserTest, switchLanguage, type BrowserTest } from '../support/browser';
import { CaseClient } from '../support/case-client';
import { TENGE } from '../factories/case.factory';

describe('browser: statistics and «start now»', () => {
  let b: BrowserTest;
  beforeAll(async () => {
    b = await startBrowserTest({ now: '2026-02-10T10:00:00+05:00' });
    const c = new CaseClient(b.t);
    // three cases addressed to the cast's mediator: one agreed, one refused, one awaiting acceptance
    c.setDate(b.t, '2026-01-12');
    const a = await c.open();
    await c.send(a.id, { type: 'case.accepted' });
    await c.mediateToAgreement(a.id, a.claims[0].id, { paidBeforeHearing: 0, waived: 2_000_000 * TENGE }, '2026-01-12');
    const r = await c.open();
    await c.send(r.id, { type: 'case.accepted' });
    await c.send(r.id, { type: 'invitation.sent', claimId: r.claims[0].id });
    await c.send(r.id, { type: 'invitation.refused', claimId: r.claims[0].id });
    c.setDate(b.t, '2026-02-10');
    await c.open();
  }, 90_000);
  afterAll(() => b?.close());

  async function eachLanguage(page: Page, name: string, width: string): Promise<string[]> {
    const problems: string[] = [];
    for (const lang of ['kk', 'en', 'ru'] as const) {
      await switchLanguage(page, lang);
      expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
      problems.push(...(await checkPage(page, `${name}-${lang}-${width}`)));
    }
    return problems;
  }

  it.each(['desktop', 'phone'] as const)(
    'the statistics page: a period typed, the figures shown (%s)',
    async (width) => {
      const page = await b.page(width);
      await signIn(b, page, 'mediator', '/statistics');
      expect(new URL(page.url()).pathname).toBe('/statistics');
      // choose the scope and January–February by the form (a GET form: the address says the period); the phone
      // looks at his own cases (nothing suppressed: the bars show), the desktop at his organisation («< 3» cells)
      const scope = width === 'phone' ? 'own' : 'organisation';
      await page.select('#stats-scope', scope);
      await page.$eval('#stats-from', (el) => ((el as HTMLInputElement).value = '2026-01'));
      await page.$eval('#stats-to', (el) => ((el as HTMLInputElement).value = '2026-02'));
      await Promise.all([page.waitForNavigation(), page.click('form.stats-filters button[type=submit]')]);
      const url = new URL(page.url());
      expect(url.searchParams.get('scope')).toBe(scope);
      expect(url.searchParams.get('from')).toBe('2026-01');
      expect(await page.$$eval('svg.chart[role="img"] title', (t) => t.length)).toBeGreaterThan(3);
      expect(await page.$eval('#stats-applications', (t) => t.textContent)).toContain('3');
      const problems = await eachLanguage(page, 'statistics', width);
      expect(problems).toEqual([]);
    },
  );

  it.each(['desktop', 'phone'] as const)(
    'the «start now» register: the cases to start, with links (%s)',
    async (width) => {
      const page = await b.page(width);
      await signIn(b, page, 'lawyer', '/start-now');
      expect(new URL(page.url()).pathname).toBe('/start-now');
      expect(await page.$$eval('table.start-now tbody tr', (r) => r.length)).toBe(2);
      const problems = await eachLanguage(page, 'start-now', width);
      expect(problems).toEqual([]);
      await Promise.all([page.waitForNavigation(), page.click('table.start-now tbody tr a')]);
      expect(new URL(page.url()).pathname).toMatch(/^\/cases\//);
    },
  );
});
