/**
 * The administrator's pages (issue 10): users and the directory through their forms, as a browser posts them.
 * The same services as the API (rules, audit) answer; errors come back at the fields in the reader's language.
 */
import request from 'supertest';
import { SEED_IDS } from '../../src/directory/seed/east-kazakhstan';
import { startTestApp, type TestApp } from '../support/app';
import { HTML, signInPage, type PageAgent } from '../support/web';

const PASSWORD = 'Надёжный пароль 2027!';

/** The message shown at a field (templates/partials/web/field.hbs: <small class="field-error" id="f-…-error">). */
function errorAt(html: string, field: string): string | null {
  const id = `f-${field.replace(/[^A-Za-z0-9_-]+/g, '-')}-error`;
  const m = new RegExp(`<small class="field-error" id="${id}">([^<]*)</small>`).exec(html);
  return m ? m[1].replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"') : null;
}

const newMediator = (login: string, extra: Record<string, string> = {}) => ({
  login,
  fullNameRu: 'Нурланова Динара Ерлановна',
  fullNameKk: 'Нұрланова Динара Ерланқызы',
  role: 'mediator',
  organisationId: SEED_IDS.alternativaCentre,
  organisationName: '',
  registerNumber: 'ВКО-М-0777',
  iin: '',
  email: 'dinara@example.kz',
  phone: '+7 701 555 44 33',
  password: PASSWORD,
  ...extra,
});

describe('web workplace: the administrator’s users and directory', () => {
  let t: TestApp;
  let admin: PageAgent;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInPage(t, 'admin');
  });
  afterAll(() => t.close());

  it('creates a mediator through the form; he signs in with the password given', async () => {
    const form = await admin.get('/admin/users/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<h1>Новый пользователь</h1>');
    expect(form.text).toContain(`value="${SEED_IDS.alternativaCentre}"`); // the directory's organisations offered
    const res = await admin.post('/admin/users/new', newMediator('d.nurlanova'));
    expect(res.status).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/admin\/users\/[0-9a-f-]{36}\?done=created$/);
    const page = await admin.get(location);
    expect(page.text).toContain('Пользователь создан');
    expect(page.text).toContain('value="d.nurlanova"');
    // the organisation's name was taken from the directory
    const id = location.split('/')[3].split('?')[0];
    const api = await t.as('admin').get(`/api/users/${id}`);
    expect(api.body).toMatchObject({
      login: 'd.nurlanova',
      role: 'mediator',
      registerNumber: 'ВКО-М-0777',
      organisationId: SEED_IDS.alternativaCentre,
      disabled: false,
    });
    expect(api.body.organisationName).toMatch(/.+/);
    const login = await request(t.http).post('/login').type('form').send({ login: 'd.nurlanova', password: PASSWORD });
    expect(login.status).toBe(303);
    // the list shows him
    const list = await admin.get('/admin/users?q=нурланова');
    expect(list.text).toContain('d.nurlanova');
    expect(list.text).not.toContain('test.lawyer');
  });

  it.each([
    ['ru', 'Пароль слишком короткий: не меньше 12 символов'],
    ['kk', 'Құпиясөз тым қысқа: кемінде 12 таңба'],
    ['en', 'The password is too short: at least 12 characters'],
  ] as const)('a short password is refused at the field, in the reader’s language (%s)', async (lang, message) => {
    const page = await signInPage(t, 'admin', lang);
    const res = await page.post('/admin/users/new', newMediator(`short.${lang}`, { password: 'korotko' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<html lang="${lang}"`);
    expect(errorAt(res.text, 'password')).toBe(message);
    expect(res.text).toContain('aria-describedby="f-password-help f-password-error"');
    // what was typed stays in the form (not the password)
    expect(res.text).toContain(`value="short.${lang}"`);
    expect(res.text).not.toContain('value="korotko"');
    await page.post('/language', { lang: 'ru', next: '/' });
  });

  it('the service’s other rules come back at their fields: taken login, password with the login, role needs, ИИН', async () => {
    const taken = await admin.post('/admin/users/new', newMediator('test.lawyer'));
    expect(taken.status).toBe(400);
    expect(errorAt(taken.text, 'login')).toBe('Такой логин уже занят');
    const withLogin = await admin.post('/admin/users/new', newMediator('ivanov', { password: 'ivanov-2027-пароль' }));
    expect(errorAt(withLogin.text, 'password')).toBe('Пароль не должен совпадать с логином или содержать его');
    const court = await admin.post(
      '/admin/users/new',
      newMediator('court.clerk', { role: 'court', organisationId: '', registerNumber: '' }),
    );
    expect(errorAt(court.text, 'organisationId')).toMatch(/^Для суда выберите суд/);
    const noRegister = await admin.post('/admin/users/new', newMediator('m.two', { registerNumber: '' }));
    expect(errorAt(noRegister.text, 'registerNumber')).toBe('Для медиатора укажите номер записи в реестре медиаторов');
    const badIin = await admin.post('/admin/users/new', newMediator('m.three', { iin: '123456789012', email: 'x@' }));
    expect(errorAt(badIin.text, 'iin')).toBe('ИИН не прошёл проверку контрольного разряда (12 цифр)');
    expect(errorAt(badIin.text, 'email')).toBe('Неверный адрес электронной почты (имя@домен)');
    const none = await t.as('admin').get('/api/users');
    expect((none.body as { login: string }[]).map((u) => u.login)).not.toContain('m.three');
  });

  it('edits a user, disables him (he cannot sign in, his session ends), enables him, resets his password', async () => {
    const created = await admin.post('/admin/users/new', newMediator('s.bekov'));
    const url = String(created.headers.location).split('?')[0];
    const his = await request(t.http).post('/login').type('form').send({ login: 's.bekov', password: PASSWORD });
    const cookie = ([] as string[])
      .concat(his.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await request(t.http).get('/').set('Cookie', cookie).set('Accept', HTML)).status).toBe(200);

    const saved = await admin.post(url, { ...newMediator('s.bekov'), fullNameRu: 'Беков Серик', phone: '' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`${url}?done=saved`);
    const edited = await admin.get(String(saved.headers.location));
    expect(edited.text).toContain('Изменения сохранены');
    expect(edited.text).toContain('value="Беков Серик"');
    const refused = await admin.post(url, { ...newMediator('s.bekov'), fullNameRu: ' ' });
    expect(refused.status).toBe(400);
    expect(errorAt(refused.text, 'fullNameRu')).toBe('Поле обязательно');

    const disabled = await admin.post(`${url}/disable`, {});
    expect(disabled.status).toBe(303);
    const page = await admin.get(String(disabled.headers.location));
    expect(page.text).toContain('Учётная запись отключена');
    const list = await admin.get('/admin/users?q=s.bekov');
    expect(list.text).toMatch(/<tr class="is-disabled">[\s\S]*s\.bekov[\s\S]*Отключён/);
    const again = await request(t.http).post('/login').type('form').send({ login: 's.bekov', password: PASSWORD });
    expect(again.status).toBe(401);
    const session = await request(t.http).get('/').set('Cookie', cookie).set('Accept', HTML);
    expect(session.status).toBe(303);
    expect(String(session.headers.location)).toMatch(/^\/login/);

    expect((await admin.post(`${url}/enable`, {})).status).toBe(303);
    const shortPw = await admin.post(`${url}/password`, { password: 'short' });
    expect(shortPw.status).toBe(400);
    expect(errorAt(shortPw.text, 'password')).toBe('Пароль слишком короткий: не меньше 12 символов');
    expect((await admin.post(`${url}/password`, { password: 'Совсем новый пароль 2027' })).status).toBe(303);
    const withNew = await request(t.http)
      .post('/login')
      .type('form')
      .send({ login: 's.bekov', password: 'Совсем новый пароль 2027' });
    expect(withNew.status).toBe(303);
  });

  it('the administrator cannot disable himself: the page says so', async () => {
    const self = `/admin/users/${t.users.admin.id}`;
    const page = await admin.get(self);
    expect(page.text).toContain('Собственную учётную запись отключить нельзя');
    expect(page.text).not.toContain(`action="${self}/disable"`);
    const res = await admin.post(`${self}/disable`, {});
    expect(res.status).toBe(400);
    expect(res.text).toContain('Нельзя отключить собственную учётную запись');
  });

  it('an unknown user or entry is the not-found page; another role gets the 403 page', async () => {
    expect((await admin.get('/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/admin/users/nonsense')).status).toBe(404);
    expect((await admin.get('/admin/directory/nonsense')).status).toBe(404);
    const mediator = await signInPage(t, 'mediator');
    for (const url of ['/admin/users', '/admin/users/new', '/admin/directory', `/admin/users/${t.users.lawyer.id}`]) {
      const res = await mediator.get(url);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('Нет доступа');
    }
    const post = await mediator.post('/admin/users/new', newMediator('sneaky'));
    expect(post.status).toBe(403);
    expect((await t.as('admin').get('/api/users')).body.map((u: { login: string }) => u.login)).not.toContain('sneaky');
    // the menu offers the admin pages to the administrator alone
    expect((await admin.get('/admin/users')).text).toContain('href="/admin/directory"');
    expect((await mediator.get('/')).text).not.toContain('href="/admin/users"');
  });

  it('lists the directory by kind with Kazakh and Russian names, active or not', async () => {
    const page = await admin.get('/admin/directory');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="kind-court">Суд</h2>');
    expect(page.text).toContain('Усть-Каменогорский городской суд');
    expect(page.text).toContain('Өскемен қалалық соты');
    expect(page.text).toContain(`href="/admin/directory/${SEED_IDS.halyk}"`);
    const courts = await admin.get('/admin/directory?kind=court');
    expect(courts.text).not.toContain(`href="/admin/directory/${SEED_IDS.halyk}"`);
    const found = await admin.get('/admin/directory?q=риддер');
    expect(found.text).toContain(`href="/admin/directory/${SEED_IDS.ridderCityCourt}"`);
    expect(found.text).not.toContain(`href="/admin/directory/${SEED_IDS.ustKamenogorskCityCourt}"`);
  });

  it('edits a directory entry: a corrected name, a form required for courts, deactivation, a stale version', async () => {
    const id = SEED_IDS.shemonaikhaDistrictCourt;
    const form = await admin.get(`/admin/directory/${id}`);
    expect(form.status).toBe(200);
    const value = (name: string) => {
      const m = new RegExp(`name="${name.replace(/\./g, '\\.')}" value="([^"]*)"`).exec(form.text);
      return m ? m[1].replace(/&quot;/g, '"') : '';
    };
    const fields: Record<string, string> = {};
    for (const name of [
      'names.kk.nominative',
      'names.kk.genitive',
      'names.kk.dative',
      'names.kk.locative',
      'names.ru.nominative',
      'names.ru.genitive',
      'names.ru.instrumental',
      'names.ru.prepositional',
      'address.kk',
      'address.ru',
      'codes.bin',
      'codes.courtCode',
      'codes.bik',
      'expectedVersion',
    ])
      fields[name] = value(name);
    expect(fields['names.ru.nominative']).toMatch(/Шемонаих/);
    const version = Number(fields.expectedVersion);
    expect(version).toBeGreaterThanOrEqual(1);

    // a court needs the genitive: refused at the field
    const noGenitive = await admin.post(`/admin/directory/${id}`, {
      ...fields,
      'names.ru.genitive': '',
      active: 'true',
    });
    expect(noGenitive.status).toBe(400);
    expect(errorAt(noGenitive.text, 'names.ru.genitive')).toMatch(/^Для записи этого вида нужен родительный падеж/);
    const badBik = await admin.post(`/admin/directory/${id}`, { ...fields, 'codes.bik': 'nonsense', active: 'true' });
    expect(errorAt(badBik.text, 'codes.bik')).toMatch(/^БИК — 8 знаков/);

    const saved = await admin.post(`/admin/directory/${id}`, {
      ...fields,
      'names.ru.nominative': 'Шемонаихинский районный суд ВКО',
      'names.ru.prepositional': '',
      note: 'Сверено 03.12.2026',
    });
    expect(saved.status).toBe(303);
    const api = await t.as('admin').get(`/api/directory/${id}`);
    expect(api.body).toMatchObject({ version: version + 1, active: false, note: 'Сверено 03.12.2026' });
    expect(api.body.names.ru.nominative).toBe('Шемонаихинский районный суд ВКО');
    expect(api.body.names.ru.prepositional).toBeUndefined();
    expect(api.body.names.kk.nominative).toBe(fields['names.kk.nominative']);
    const after = await admin.get(String(saved.headers.location));
    expect(after.text).toContain('Запись сохранена');
    // inactive: not listed unless asked for
    expect((await admin.get('/admin/directory?kind=court')).text).not.toContain(`/admin/directory/${id}"`);
    const all = await admin.get('/admin/directory?kind=court&inactive=1');
    expect(all.text).toMatch(
      new RegExp(`<tr class="is-disabled">\\s*<th scope="row"><a href="/admin/directory/${id}"`),
    );

    // the form of the old version, posted again: explained, not overwritten
    const stale = await admin.post(`/admin/directory/${id}`, { ...fields, active: 'true' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Запись за это время изменил кто-то другой');
    expect((await t.as('admin').get(`/api/directory/${id}`)).body.active).toBe(false);
  });

  it('adds a directory entry through the form, with errors at the fields in English', async () => {
    const page = await signInPage(t, 'admin', 'en');
    const bad = await page.post('/admin/directory/new', {
      kind: 'bank',
      'names.kk.nominative': 'Тест банкі',
      'names.ru.nominative': '',
      'codes.bin': '123',
      'address.kk': 'Өскемен',
    });
    expect(bad.status).toBe(400);
    expect(errorAt(bad.text, 'names.ru.nominative')).toBe('This field is required');
    expect(errorAt(bad.text, 'address.ru')).toBe('Enter the address in both languages');
    const badBin = await page.post('/admin/directory/new', {
      kind: 'bank',
      'names.kk.nominative': 'Тест банкі',
      'names.ru.nominative': 'Тест банк',
      'codes.bin': '123',
    });
    expect(errorAt(badBin.text, 'codes.bin')).toBe('The BIN fails its check digit (12 digits)');
    // the service's rules across fields, once the fields themselves are right
    const noBik = await page.post('/admin/directory/new', {
      kind: 'bank',
      'names.kk.nominative': 'Тест банкі',
      'names.ru.nominative': 'Тест банк',
    });
    expect(noBik.status).toBe(400);
    expect(errorAt(noBik.text, 'codes.bik')).toBe('A bank needs its BIC (e.g. HSBKKZKX)');
    const ok = await page.post('/admin/directory/new', {
      kind: 'town',
      'names.kk.nominative': 'Зайсан',
      'names.ru.nominative': 'Зайсан',
      region: 'east_kazakhstan',
    });
    expect(ok.status).toBe(303);
    const created = await page.get(String(ok.headers.location));
    expect(created.text).toContain('Entry added');
    expect(created.text).toContain('Directory entry: Зайсан');
    await page.post('/language', { lang: 'ru', next: '/' });
  });
});
