/// <reference lib="dom" />
/**
 * The lists in a real browser (issue 10): my work, cases, the court's cases, the officer's parolees — axe-core,
 * no sideways scroll at 1280 and 390 px, no CSP error, in Kazakh, Russian and English; a click from my work into
 * the case at its step; a search typed in the Russian spelling of a Kazakh name.
 */
import type { UserRole } from '../../src/auth/principal';
import { application, TENGE } from '../factories/case.factory';
import { checkPage, signIn, startBrowserTest, switchLanguage, WIDTHS, type BrowserTest } from '../support/browser';
import { CaseClient } from '../support/case-client';
import { COURT_ID, POLICE_UNIT_ID } from '../support/cast';

const TODAY = '2026-12-01';
const TERMS = {
  paidBeforeHearing: 0,
  waived: 0,
  instalments: { total: 2_000_000 * TENGE, monthly: 50_000 * TENGE, dayOfMonth: 10, startsMonthAfterRelease: true },
};

describe('browser: my work, cases, court, supervision', () => {
  let b: BrowserTest;
  const ids: Record<string, { id: string; claimId: string }> = {};

  beforeAll(async () => {
    b = await startBrowserTest({ now: `${TODAY}T10:00:00+05:00` });
    const c = new CaseClient(b.t);
    const open = async (name: string, convict: string) => {
      const base = application();
      const k = await c.open({ convict: { ...base.convict, fullName: convict } });
      ids[name] = { id: k.id, claimId: k.claims[0].id };
      return ids[name];
    };
    const invited = await open('invited', 'Жұмабеков Ерлан Серікұлы');
    await c.send(invited.id, { type: 'case.accepted' });
    await c.send(invited.id, { type: 'invitation.sent', claimId: invited.claimId });
    const negotiating = await open('negotiating', 'Әбдірахманов Нұрсұлтан Қайратұлы');
    await c.send(negotiating.id, { type: 'case.accepted' });
    await c.startNegotiation(negotiating.id, negotiating.claimId, TODAY);
    for (const [name, convict, released] of [
      ['hearing', 'Иванов Олег Петрович', false],
      ['released', 'Серіков Болат Нұрланұлы', true],
    ] as const) {
      const k = await open(name, convict);
      await c.send(k.id, { type: 'case.accepted' });
      await c.mediateToAgreement(k.id, k.claimId, TERMS, TODAY);
      await c.send(k.id, { type: 'petition.filed', courtId: COURT_ID });
      await c.send(k.id, { type: 'hearing.scheduled', hearingDate: released ? TODAY : '2026-12-21' });
      if (released) {
        await c.send(k.id, { type: 'court.decided', decision: 'parole', decisionDate: TODAY });
        await c.send(k.id, { type: 'convict.released', releaseDate: TODAY, supervisionUnitId: POLICE_UNIT_ID });
      }
    }
  }, 90_000);
  afterAll(() => b?.close());

  const pages: [UserRole, string, string][] = [
    ['lawyer', '/?within=all', 'my-work'],
    ['lawyer', '/cases', 'cases'],
    ['court', '/court', 'court'],
    ['officer', '/supervision', 'supervision'],
  ];

  it('every list passes axe and fits 1280 and 390 px in kk, ru, en', async () => {
    const problems: string[] = [];
    for (const [role, url, name] of pages) {
      const page = await b.page('desktop');
      await signIn(b, page, role, url);
      expect(new URL(page.url()).pathname).toBe(url.split('?')[0]);
      for (const lang of ['kk', 'ru', 'en'] as const) {
        await switchLanguage(page, lang);
        expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
        for (const width of ['desktop', 'phone'] as const) {
          await page.setViewport({ width: WIDTHS[width], height: 900 });
          problems.push(...(await checkPage(page, `lists-${name}-${lang}-${width}`)));
        }
        await page.setViewport({ width: WIDTHS.desktop, height: 900 });
      }
      await page.browserContext().close();
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('the mediator clicks from his work into the step of the case', async () => {
    const page = await b.page('phone');
    await signIn(b, page, 'mediator');
    expect(new URL(page.url()).pathname).toBe('/');
    const first = await page.$eval('a.work-action', (a) => a.getAttribute('href'));
    expect(first).toBe(`/cases/${ids.invited.id}/steps/invitation.accepted?claim=${ids.invited.claimId}`);
    await Promise.all([page.waitForNavigation(), page.click('a.work-action')]);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/cases/${ids.invited.id}/steps/invitation.accepted`);
    expect(url.searchParams.get('claim')).toBe(ids.invited.claimId);
    // the filters: only the mediation terms
    await page.goto(`${b.baseUrl}/`);
    await page.select('select[name="kind"]', 'term');
    await Promise.all([page.waitForNavigation(), page.click('.list-filters button[type=submit]')]);
    const links = await page.$$eval('a.work-action', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([`/cases/${ids.negotiating.id}/steps/agreement.signed?claim=${ids.negotiating.claimId}`]);
  });

  it('the lawyer types a Kazakh name the Russian way and finds the case', async () => {
    const page = await b.page('desktop');
    await signIn(b, page, 'lawyer', '/cases');
    await page.type('#f-q', 'Жумабеков');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const rows = await page.$$eval('table.case-list tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Жұмабеков Ерлан Серікұлы');
    expect(await checkPage(page, 'lists-cases-search-ru-desktop')).toEqual([]);
  });
});
