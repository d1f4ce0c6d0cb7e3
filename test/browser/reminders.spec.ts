/// <reference lib="dom" />
/**
 * The reminders' pages in a real browser (issue 11): the inbox with a reminder, marked read by a click; the settings
 * page — a channel chosen, the address typed, saved; the calendar address made. Each page passes axe-core, fits
 * 1280 px and 390 px in kk, ru and en, and breaks no Content-Security-Policy rule.
 */
import { ReminderDispatcher } from '../../src/reminders/reminder-dispatcher';
import { CaseClient } from '../support/case-client';
import { checkPage, signIn, startBrowserTest, switchLanguage, type BrowserTest } from '../support/browser';

describe('browser: inbox and reminder settings', () => {
  let b: BrowserTest;
  beforeAll(async () => {
    b = await startBrowserTest({ now: '2026-12-01T10:00:00+05:00' });
    const c = new CaseClient(b.t);
    for (let i = 0; i < 2; i++) {
      const kase = await c.open();
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId: kase.claims[0].id });
    }
    b.t.clock.set('2026-12-09T10:00:00+05:00');
    await b.t.app.get(ReminderDispatcher).dispatch();
  }, 60_000);
  afterAll(() => b?.close());

  it.each(['desktop', 'phone'] as const)('inbox and settings in kk, ru, en (%s)', async (width) => {
    const page = await b.page(width);
    const problems: string[] = [];
    await signIn(b, page, 'mediator');
    await page.goto(`${b.baseUrl}/inbox`);
    for (const lang of ['kk', 'en', 'ru'] as const) {
      await switchLanguage(page, lang);
      problems.push(...(await checkPage(page, `inbox-${lang}-${width}`)));
    }
    await page.goto(`${b.baseUrl}/settings/reminders`);
    for (const lang of ['kk', 'en', 'ru'] as const) {
      await switchLanguage(page, lang);
      problems.push(...(await checkPage(page, `reminder-settings-${lang}-${width}`)));
    }
    expect(problems).toEqual([]);
  });

  it('marks a reminder read by a click; saves a channel and an address; makes the calendar address', async () => {
    const page = await b.page('desktop');
    await signIn(b, page, 'mediator');
    await page.goto(`${b.baseUrl}/inbox`);
    const unread = await page.$$eval('.inbox-item.unread', (els) => els.length);
    await Promise.all([page.waitForNavigation(), page.click('.inbox-item.unread .inbox-actions button')]);
    expect(await page.$$eval('.inbox-item.unread', (els) => els.length)).toBe(unread - 1);

    await page.goto(`${b.baseUrl}/settings/reminders`);
    await page.select('#f-rule-term-ending', 'inbox');
    await page.type('#f-email', 'not-an-address');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/settings/reminders"] button[type=submit]')]);
    expect(await page.$eval('#f-email-error', (e) => e.textContent)).toContain('name@example.kz');
    // The refused form answers 400, which Chromium reports in the console: expected here, nothing else is.
    const problems = (await checkPage(page, 'reminder-settings-error-ru-desktop')).filter(
      (p) => !p.includes('status of 400 (Bad Request)'),
    );
    await page.$eval('#f-email', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#f-email', 'med@example.kz');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/settings/reminders"] button[type=submit]')]);
    expect(new URL(page.url()).search).toBe('?saved=1');
    expect(await page.$eval('#f-rule-term-ending', (e) => (e as HTMLSelectElement).value)).toBe('inbox');

    await Promise.all([page.waitForNavigation(), page.click('form[action="/settings/reminders/calendar"] button')]);
    const url = await page.$eval('#calendar-url', (e) => (e as HTMLInputElement).value);
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    problems.push(...(await checkPage(page, 'reminder-calendar-ru-desktop')));
    expect(problems).toEqual([]);
  });

  it('the administrator’s page of undelivered reminders (kk, ru, en; both widths)', async () => {
    const problems: string[] = [];
    for (const width of ['desktop', 'phone'] as const) {
      const page = await b.page(width);
      await signIn(b, page, 'admin');
      await page.goto(`${b.baseUrl}/admin/reminders`);
      // The sign-in lands on the admin's home, /admin/users — another area's page, absent on this branch: its 404 in
      // the console is not this page's.
      await checkPage(page, `failed-reminders-first-${width}`);
      for (const lang of ['kk', 'en', 'ru'] as const) {
        await switchLanguage(page, lang);
        problems.push(...(await checkPage(page, `failed-reminders-${lang}-${width}`)));
      }
    }
    expect(problems).toEqual([]);
  });
});
