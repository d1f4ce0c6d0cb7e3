/// <reference lib="dom" />
/**
 * A case at a glance and the forms of its steps in a real browser (issue 10): the mediator walks a case from the
 * application to a signed instalment agreement by clicking the step buttons and typing in the generated forms,
 * the schedule preview following what he types; the case page and a step form pass axe-core, fit 1280 px and
 * 390 px and break no Content-Security-Policy rule, in Kazakh, Russian and English.
 */
import type { Page } from 'puppeteer-core';
import { application } from '../factories/case.factory';
import {
  checkPage,
  consoleProblems,
  signIn,
  startBrowserTest,
  switchLanguage,
  type BrowserTest,
} from '../support/browser';

describe('browser: a case at a glance and the steps of the procedure', () => {
  let b: BrowserTest;
  beforeAll(async () => {
    b = await startBrowserTest();
  }, 60_000);
  afterAll(() => b?.close());

  async function newCase(): Promise<{ id: string; claimId: string }> {
    const res = await b.t
      .as('lawyer')
      .post('/api/cases')
      .send(application({ mediatorUserId: b.t.users.mediator.id }));
    expect(res.status).toBe(201);
    return { id: res.body.id, claimId: res.body.claims[0].id };
  }

  /** Clicks a step's button on the case page and waits for its form. */
  async function openStep(page: Page, type: string) {
    await Promise.all([page.waitForNavigation(), page.click(`a[data-step="${type}"]`)]);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`/steps/${type.replace('.', '\\.')}$`));
  }
  /** Submits the step's form and expects to be back on the case page. */
  async function record(page: Page, caseId: string) {
    await Promise.all([page.waitForNavigation(), page.click('form.step-form button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
  }
  const previewText = async (page: Page) =>
    (await page.$eval('#schedule-preview', (e) => e.textContent ?? '')).replace(/[\u00A0\u202F]/g, ' ');

  it('walks a case from the application to a signed instalment agreement by clicking and typing', async () => {
    const c = await newCase();
    const page = await b.page('desktop');
    const problems: string[] = [];
    await signIn(b, page, 'mediator', `/cases/${c.id}`);
    expect(new URL(page.url()).pathname).toBe(`/cases/${c.id}`);
    await switchLanguage(page, 'ru');
    problems.push(...(await checkPage(page, 'case-applied-ru-desktop')));

    await openStep(page, 'case.accepted');
    await record(page, c.id);
    await openStep(page, 'invitation.sent');
    await record(page, c.id);
    expect(await page.$eval('main', (m) => m.textContent)).toContain('приглашение направлено, ответа нет');
    await openStep(page, 'invitation.accepted');
    await record(page, c.id);
    await openStep(page, 'contract.signed');
    expect(await page.$eval('#f-contractDate', (i) => (i as HTMLInputElement).value)).toBe('2026-12-01');
    await page.type('#f-fee', '0');
    await page.select('#f-language', 'ru');
    await page.click('#f-meetingForms-1'); // by video
    await record(page, c.id);
    expect(await page.$eval('main', (m) => m.textContent)).toContain('идут переговоры');

    // the agreement: the schedule preview follows the instalments as they are typed
    await openStep(page, 'agreement.signed');
    expect(await previewText(page)).toContain('Введите сумму рассрочки');
    for (const who of ['mediator', 'victim', 'convict']) await page.click(`#f-signedBy-${who}`);
    await page.type('#f-terms-paidBeforeHearing', '0');
    await page.type('#f-terms-waived', '0');
    await page.type('#f-terms-instalments-total', '2 000 000');
    await page.type('#f-terms-instalments-monthly', '50 000');
    await page.type('#f-terms-instalments-dayOfMonth', '10');
    await page.click('#f-terms-instalments-startsMonthAfterRelease');
    await page.waitForFunction(() => document.querySelector('#schedule-preview')?.textContent?.includes('40 платежей'));
    expect(await page.$$eval('#schedule-preview tbody tr', (rows) => rows.length)).toBe(24);
    // he changes the monthly amount: the preview follows
    await page.click('#f-terms-instalments-monthly', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#f-terms-instalments-monthly', '100 000');
    await page.waitForFunction(() => document.querySelector('#schedule-preview')?.textContent?.includes('20 платежей'));
    expect(await previewText(page)).toContain('100 000,00');
    problems.push(...(await checkPage(page, 'step-agreement-ru-desktop')));
    await record(page, c.id);
    const main = await page.$eval('main', (m) => m.textContent ?? '');
    expect(main).toContain('соглашение подписано');
    expect(main.replace(/\s+/g, ' ')).toMatch(/рассрочка 2 000 000,00\s₸, по 100 000,00\s₸ в месяц/);
    expect(main).toContain('Медиативное соглашение подписано'); // in the history
    problems.push(...(await checkPage(page, 'case-agreed-ru-desktop')));
    expect(problems).toEqual([]);
  }, 60_000);

  it.each(['desktop', 'phone'] as const)(
    'the case page and a step form in kk, ru and en pass the checks (%s)',
    async (width) => {
      const c = await newCase();
      for (const body of [
        { type: 'case.accepted' },
        { type: 'invitation.sent', claimId: c.claimId },
        { type: 'invitation.accepted', claimId: c.claimId },
        { type: 'contract.signed', claimId: c.claimId, contractDate: '2026-12-01' },
      ])
        expect((await b.t.event(c.id, body)).status).toBe(200);
      const page = await b.page(width);
      const problems: string[] = [];
      await signIn(b, page, 'mediator', `/cases/${c.id}`);
      for (const lang of ['kk', 'en', 'ru'] as const) {
        await switchLanguage(page, lang);
        expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
        problems.push(...(await checkPage(page, `case-${lang}-${width}`)));
        await openStep(page, 'agreement.signed');
        problems.push(...(await checkPage(page, `step-agreement-${lang}-${width}`)));
        // a bad amount: the error at the field, in the page's language
        await page.type('#f-terms-waived', 'abc');
        await Promise.all([page.waitForNavigation(), page.click('form.step-form button[type=submit]')]);
        // the browser notes the answer's status (400: the form is shown again with its errors), which is meant
        const seen = consoleProblems(page);
        seen.splice(0, seen.length, ...seen.filter((p) => !/status of 400/.test(p)));
        expect(await page.$eval('#f-terms-waived', (i) => i.getAttribute('aria-invalid'))).toBe('true');
        expect(await page.$eval('#f-terms-waived-error', (e) => e.textContent)).toBe(
          {
            kk: 'Соманы теңгемен жазыңыз, мысалы 2 000 000,00',
            ru: 'Укажите сумму в тенге, например 2 000 000,00',
            en: 'Enter an amount in tenge, e.g. 2 000 000,00',
          }[lang],
        );
        if (width === 'desktop') problems.push(...(await checkPage(page, `step-agreement-errors-${lang}-${width}`)));
        await page.goto(`${b.baseUrl}/cases/${c.id}`);
      }
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
