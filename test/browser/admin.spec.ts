/// <reference lib="dom" />
/**
 * The administrator's pages in a real browser (issue 10): every page in kk, ru and en at 1280 px and 390 px passes
 * axe-core, does not scroll sideways and breaks no CSP rule; a user is created by typing, a short password first
 * (the error at the field), then a good one.
 */
import { SEED_IDS } from '../../src/directory/seed/east-kazakhstan';
import { checkPage, signIn, startBrowserTest, switchLanguage, type BrowserTest } from '../support/browser';

describe('browser: the administrator’s users and directory', () => {
  let b: BrowserTest;
  beforeAll(async () => {
    b = await startBrowserTest();
  }, 60_000);
  afterAll(() => b?.close());

  it.each(['desktop', 'phone'] as const)(
    'every admin page in kk, ru and en (%s)',
    async (width) => {
      const page = await b.page(width);
      await signIn(b, page, 'admin');
      expect(new URL(page.url()).pathname).toBe('/admin/users');
      const pages: [string, string][] = [
        ['users', '/admin/users'],
        ['user-new', '/admin/users/new'],
        ['user-edit', `/admin/users/${b.t.users.mediator.id}`],
        ['directory', '/admin/directory'],
        ['directory-entry', `/admin/directory/${SEED_IDS.ustKamenogorskCityCourt}`],
        ['directory-new', '/admin/directory/new'],
      ];
      const problems: string[] = [];
      for (const lang of ['kk', 'ru', 'en'] as const) {
        await page.goto(`${b.baseUrl}/admin/users`);
        await switchLanguage(page, lang);
        for (const [name, url] of pages) {
          await page.goto(`${b.baseUrl}${url}`);
          expect(await page.$eval('html', (h) => h.lang)).toBe(lang);
          expect(await page.$$eval('h1', (h) => h.length)).toBe(1);
          problems.push(...(await checkPage(page, `admin-${name}-${lang}-${width}`)));
        }
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );

  it('creates a user by typing: a short password is refused at the field, then the account exists', async () => {
    const page = await b.page('desktop');
    await signIn(b, page, 'admin', '/admin/users');
    if ((await page.$eval('html', (h) => h.lang)) !== 'ru') await switchLanguage(page, 'ru'); // remembered per user
    await Promise.all([page.waitForNavigation(), page.click('a[href="/admin/users/new"]')]);
    await page.type('#f-login', 'a.seitkali');
    await page.type('#f-fullNameRu', 'Сейткали Айгерим Болатовна');
    await page.type('#f-fullNameKk', 'Сейтқали Әйгерім Болатқызы');
    await page.select('#f-role', 'court');
    await page.select('#f-organisationId', SEED_IDS.ridderCityCourt);
    await page.type('#f-email', 'a.seitkali@example.kz');
    await page.type('#f-password', 'qwerty');
    await Promise.all([page.waitForNavigation(), page.click('form.admin-form button[type=submit]')]);
    expect(await page.$eval('#f-password-error', (e) => e.textContent)).toBe(
      'Пароль слишком короткий: не меньше 12 символов',
    );
    expect(await page.$eval('#f-password', (e) => e.getAttribute('aria-invalid'))).toBe('true');
    // what was typed is still there, except the password
    expect(await page.$eval('#f-login', (e) => (e as HTMLInputElement).value)).toBe('a.seitkali');
    expect(await page.$eval('#f-organisationId', (e) => (e as HTMLSelectElement).value)).toBe(SEED_IDS.ridderCityCourt);
    // The refused form is answered 400 (as the API would): the browser notes the status, nothing else may appear
    const refused = await checkPage(page, 'admin-user-new-error-ru-desktop');
    expect(refused.filter((p) => !/status of 400 \(Bad Request\)/.test(p))).toEqual([]);
    await page.type('#f-password', 'Риддер суды 2027 жыл');
    await Promise.all([page.waitForNavigation(), page.click('form.admin-form button[type=submit]')]);
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
    expect(await page.$eval('.notice', (e) => e.textContent)).toContain('Пользователь создан');
    expect((await checkPage(page, 'admin-user-created-ru-desktop')).join('\n')).toBe('');
    // the list shows her with the court taken from the directory
    await page.goto(`${b.baseUrl}/admin/users?role=court`);
    const row = await page.$$eval('tbody tr', (rows) => rows.map((r) => r.textContent ?? '').join('\n'));
    expect(row).toContain('a.seitkali');
    expect(row).toContain('Риддерский городской суд');
  }, 60_000);
});
