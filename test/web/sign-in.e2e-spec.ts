/**
 * The workplace's door (issue 10): signing in through the form, the language switch remembered per user, the
 * session that expires and returns to the page, a form without its CSRF token refused, the not-found page.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { HTML, signInPage } from '../support/web';

describe('web workplace: sign-in, language, session, CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the root page asks for sign-in, and the sign-in returns to it', async () => {
    const anon = await request(t.http).get('/?kind=hearing').set('Accept', HTML);
    expect(anon.status).toBe(303);
    expect(anon.headers.location).toBe('/login?next=%2F%3Fkind%3Dhearing');
    // a session that ended: the sign-in says so, and returns to the page
    const ended = await request(t.http)
      .get('/?kind=hearing')
      .set('Accept', HTML)
      .set('Cookie', 'mediation_session=ended-long-ago');
    expect(ended.headers.location).toBe('/login?expired=1&next=%2F%3Fkind%3Dhearing');
    const notice = await request(t.http).get(String(ended.headers.location));
    expect(notice.text).toContain('Сеанс завершён');
    const form = await request(t.http).get('/login?next=%2Fcases').set('Accept-Language', 'kk-KZ,kk;q=0.9,ru;q=0.8');
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toMatch(/text\/html/);
    expect(form.text).toContain('<html lang="kk"');
    expect(form.text).toContain('Жүйеге кіру');
    const u = t.users.mediator;
    const ok = await request(t.http)
      .post('/login')
      .type('form')
      .send({ login: u.login, password: u.password, next: '/cases' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/cases');
    expect(String(ok.headers['set-cookie'])).toMatch(/mediation_session=.*HttpOnly/);
  });

  it('a wrong password shows the form again with the reason, in the page language; never another site as next', async () => {
    const bad = await request(t.http)
      .post('/login')
      .type('form')
      .set('Cookie', 'lang=en')
      .send({ login: t.users.lawyer.login, password: 'wrong password 123', next: '//evil.example/x' });
    expect(bad.status).toBe(401);
    expect(bad.text).toContain('Wrong login or password');
    expect(bad.text).not.toContain('evil.example');
    const u = t.users.lawyer;
    const ok = await request(t.http)
      .post('/login')
      .type('form')
      .send({ login: u.login, password: u.password, next: '//evil.example/x' });
    expect(ok.headers.location).toBe('/');
  });

  it('the language switch is remembered on the account', async () => {
    const page = await signInPage(t, 'court');
    const ru = await page.get('/');
    expect(ru.text).toContain('<html lang="ru"');
    const sw = await page.post('/language', { lang: 'kk', next: '/' });
    expect(sw.status).toBe(303);
    // another browser (a new session, no cookie of the choice) gets Kazakh too
    const other = await signInPage(t, 'court');
    const kk = await other.get('/');
    expect(kk.text).toContain('<html lang="kk"');
    await other.post('/language', { lang: 'ru', next: '/' });
  });

  it('a form posted without its CSRF token is refused with a page that says what to do', async () => {
    const page = await signInPage(t, 'mediator');
    const res = await page.post('/language', { lang: 'en', next: '/' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('Форма не принята');
  });

  it('sign-out ends the session: the next page asks for sign-in again', async () => {
    const page = await signInPage(t, 'officer');
    expect((await page.get('/')).status).toBe(200);
    const out = await page.post('/logout', {});
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login?out=1');
    expect((await page.get('/')).status).toBe(303);
  });

  it('an unknown page is the not-found page, not JSON; the API keeps JSON', async () => {
    const page = await signInPage(t, 'lawyer');
    const res = await page.get('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Страница не найдена');
    const api = await page.get('/api/no/such');
    expect(api.headers['content-type']).toMatch(/json/);
    // a script (no Accept: text/html) gets JSON on any path
    const script = await request(t.http).get('/no/such/page');
    expect(script.headers['content-type']).toMatch(/json/);
    expect((await request(t.http).get('/')).status).toBe(401);
  });

  it('serves its stylesheet and scripts from the service itself', async () => {
    for (const url of ['/assets/web.css', '/assets/pico/pico.min.css', '/assets/htmx/htmx.min.js'])
      expect((await request(t.http).get(url)).status).toBe(200);
  });
});
