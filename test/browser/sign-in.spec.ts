/// <reference lib="dom" />
/**
 * The door of the workplace in a real browser (issue 10): sign in by typing, switch the language, sign out; the
 * sign-in page and the home page pass axe-core, fit 1280 px and 390 px, and break no Content-Security-Policy rule.
 */
import { checkPage, signIn, startBrowserTest, switchLanguage, type BrowserTest } from '../support/browser';

describe('browser: sign-in and the frame of every page', () => {
  let b: BrowserTest;
  beforeAll(async () => {
    b = await startBrowserTest();
  }, 60_000);
  afterAll(() => b?.close());

  it.each(['desktop', 'phone'] as const)('signs in, switches kk → en → ru, signs out (%s)', async (width) => {
    const page = await b.page(width);
    const problems: string[] = [];
    await page.goto(`${b.baseUrl}/login`);
    problems.push(...(await checkPage(page, `login-ru-${width}`)));
    await signIn(b, page, 'mediator');
    expect(new URL(page.url()).pathname).toBe('/');
    for (const lang of ['kk', 'en', 'ru'] as const) {
      await switchLanguage(page, lang);
      expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
      problems.push(...(await checkPage(page, `home-${lang}-${width}`)));
    }
    await Promise.all([page.waitForNavigation(), page.click('.sign-out button')]);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(problems).toEqual([]);
  });

  it('the keyboard alone signs in: Tab to the fields, type, Enter', async () => {
    const page = await b.page();
    await page.goto(`${b.baseUrl}/login`);
    // the login field has the focus on arrival
    await page.waitForFunction(() => document.activeElement?.id === 'login', { timeout: 5000 });
    await page.keyboard.type(b.t.users.lawyer.login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(b.t.users.lawyer.password);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
