import request from 'supertest';
import { AuditLog, type AuditEntry } from '../../src/audit/audit-log';
import { Authenticator, principalOf } from '../../src/auth/authenticator';
import { UsersService } from '../../src/auth/users.service';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { CAST, TEST_PASSWORD } from '../support/cast';
import { application } from '../factories/case.factory';

const COOKIE = 'mediation_session';

/** Signs in with the cookie; answers the cookie header to send back and the CSRF token. */
async function signIn(t: TestApp, login: string, password = TEST_PASSWORD, headers: Record<string, string> = {}) {
  const res = await request(t.http).post('/api/auth/login').set(headers).send({ login, password });
  if (res.status !== 200) throw new Error(`login ${login} → ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const session = setCookie.find((c) => c.startsWith(`${COOKIE}=`))!;
  return { cookie: session.split(';')[0], setCookie: session, csrf: res.body.csrfToken as string, body: res.body };
}

/** Every audit entry the service records in this app (the port spied on, or a recorder when none is bound). */
function auditEntries(t: TestApp): AuditEntry[] {
  const entries: AuditEntry[] = [];
  // the port as the services hold it (app.get of an unbound token would stop the process)
  const holder: { audit?: AuditLog } = t.app.get<Authenticator, { audit?: AuditLog }>(Authenticator);
  const bound = holder.audit;
  if (bound) {
    const original = bound.record.bind(bound);
    jest.spyOn(bound, 'record').mockImplementation((e) => {
      entries.push(e);
      return original(e);
    });
  } else {
    const recorder: AuditLog = { record: (e) => void entries.push(e) };
    Object.assign(t.app.get(Authenticator), { audit: recorder });
    Object.assign(t.app.get(UsersService), { audit: recorder });
  }
  return entries;
}

describe('signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T09:00:00+05:00' });
  });
  afterAll(() => t.close());

  it('sets an HttpOnly, SameSite=Lax session cookie on /; /me answers the user and the CSRF token', async () => {
    const { setCookie, cookie, csrf, body } = await signIn(t, 'Test.Mediator'); // the login in any case
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/; Secure/i); // no TLS configured
    expect(body.user).toMatchObject({ login: 'test.mediator', role: 'mediator', fullNameRu: CAST.mediator.fullNameRu });
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash|Тестовый пароль/);
    const me = await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body).toMatchObject({ via: 'session', csrfToken: csrf, user: { login: 'test.mediator' } });
  });

  it('refuses a wrong password and an unknown login alike: 401 naming no reason', async () => {
    const wrong = await request(t.http)
      .post('/api/auth/login')
      .send({ login: 'test.lawyer', password: 'not the password' })
      .expect(401);
    const unknown = await request(t.http)
      .post('/api/auth/login')
      .send({ login: 'nobody.here', password: 'not the password' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.errors).toEqual([
      { field: 'password', rule: 'invalid_credentials', message: 'Неверный логин или пароль' },
    ]);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('stores argon2id hashes, never the password', async () => {
    const user = await t.app.get(UsersService).findByLogin('test.court');
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('ends the session on logout: the cookie no longer signs in', async () => {
    const { cookie, csrf } = await signIn(t, 'test.lawyer');
    await request(t.http).get('/api/cases').set('Cookie', cookie).expect(200);
    const out = await request(t.http).post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`${COOKIE}=;`));
    await request(t.http).get('/api/cases').set('Cookie', cookie).expect(401);
  });

  it('ends a session after SESSION_IDLE_MINUTES (30) without a request, not while it is used', async () => {
    const { cookie } = await signIn(t, 'test.officer');
    t.clock.set('2026-12-01T09:29:00+05:00');
    await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(200); // 29 min idle: still on
    t.clock.set('2026-12-01T09:58:00+05:00');
    await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(200); // 29 min since the last request
    t.clock.set('2026-12-01T10:29:00+05:00');
    const expired = await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(expired.body.errors[0]).toMatchObject({ field: 'session', rule: 'sign_in_required' });
    t.clock.set('2026-12-01T09:00:00+05:00');
  });

  it('ends a session 12 hours after sign-in however busy (SESSION_MAX_HOURS)', async () => {
    const { cookie } = await signIn(t, 'test.officer');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.set(new Date(Date.parse('2026-12-01T09:00:00+05:00') + minutes * 60_000));
      await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(200);
    }
    t.clock.set('2026-12-01T21:00:01+05:00');
    await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(401);
    t.clock.set('2026-12-01T09:00:00+05:00');
  });
});

describe('personal API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a token shown once, lists it with its last use and never its secret, and revokes it', async () => {
    const created = await t.as('court').post('/api/auth/tokens').send({ name: 'Канцелярия' }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Канцелярия',
      token: expect.stringMatching(/^mbp_[A-Za-z0-9_-]{43}$/),
      createdAt: '2026-12-01T04:00:00.000Z',
    });
    const token = created.body.token as string;
    const listedBefore = (await t.as('court').get('/api/auth/tokens').expect(200)).body;
    expect(listedBefore.find((x: any) => x.id === created.body.id)).toEqual({
      id: created.body.id,
      name: 'Канцелярия',
      createdAt: '2026-12-01T04:00:00.000Z',
      lastUsedAt: null,
    });
    t.clock.set('2026-12-01T09:05:00+05:00');
    const me = await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ via: 'token', csrfToken: null, user: { login: 'test.court' } });
    const listed = (await t.as('court').get('/api/auth/tokens').expect(200)).body;
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(token.slice(4, 20));
    expect(listed.find((x: any) => x.id === created.body.id).lastUsedAt).toBe('2026-12-01T04:05:00.000Z');

    await t.as('court').delete(`/api/auth/tokens/${created.body.id}`).expect(204);
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect((await t.as('court').get('/api/auth/tokens')).body.map((x: any) => x.id)).not.toContain(created.body.id);
    // another user's token is not his to revoke: 404 as if it did not exist
    const lawyers = (await t.as('lawyer').get('/api/auth/tokens')).body;
    await t.as('court').delete(`/api/auth/tokens/${lawyers[0].id}`).expect(404);
    await t.as('lawyer').get('/api/auth/me').expect(200);
  });

  it('refuses a token without a name, naming the field', async () => {
    const res = await t.as('court').post('/api/auth/tokens').send({}).expect(400);
    expect(res.body.errors).toEqual([{ field: 'name', rule: 'required', message: expect.any(String) }]);
  });

  it('a bearer request needs no CSRF token; an unknown or malformed bearer token is not signed in', async () => {
    await t.as('lawyer').post('/api/cases').send(application()).expect(201);
    for (const header of ['Bearer mbp_nothing', 'Bearer ', 'Basic dGVzdDp0ZXN0', t.users.lawyer.token.slice(0, -1)])
      await request(t.http).get('/api/cases').set('Authorization', header).expect(401);
    await request(t.http).get('/api/cases').set('Authorization', `Bearer ${t.users.lawyer.token}`).expect(200);
  });
});

describe('accounts', () => {
  let t: TestApp;
  let c: CaseClient;
  beforeAll(async () => {
    t = await startTestApp();
    c = new CaseClient(t);
  });
  afterAll(() => t.close());

  const newUser = (overrides: Record<string, unknown> = {}) => ({
    login: 'kassymova',
    password: 'длинный пароль медиатора',
    role: 'mediator',
    fullNameRu: 'Касымова Динара Ержановна',
    registerNumber: 'ВКО-М-0077',
    email: 'kassymova@mediators.kz',
    ...overrides,
  });

  it.each([
    ['a short password', { password: 'короткий' }, 'password', 'min_length'],
    ['the login as password', { password: 'kassymova' }, 'password', 'min_length'],
    ['a password containing the login', { password: 'KASSYMOVA-2026-пароль' }, 'password', 'not_login'],
    ['an unknown role', { role: 'judge' }, 'role', 'isIn'],
    ['a malformed e-mail', { email: 'kassymova-at-mediators' }, 'email', 'isEmail'],
    ['a malformed login', { login: 'к а' }, 'login', 'pattern'],
    ['an invalid ИИН', { iin: '900101300018' }, 'iin', 'iin_checksum'],
    ['a court without its court', { role: 'court', registerNumber: undefined }, 'organisationId', 'required_for_role'],
    ['a mediator without a register entry', { registerNumber: undefined }, 'registerNumber', 'required_for_role'],
    ['a field that does not exist', { isAdmin: true }, 'isAdmin', 'unknown_field'],
  ])('refuses %s: 400 naming the field and the rule, in Russian', async (_, overrides, field, rule) => {
    const res = await t.as('admin').post('/api/users').send(newUser(overrides)).expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.errors).toEqual([{ field, rule, message: expect.stringMatching(/[А-Яа-яЁё]/) }]);
  });

  it('refuses a duplicate login, in any case', async () => {
    await t
      .as('admin')
      .post('/api/users')
      .send(newUser({ login: 'dup.login' }))
      .expect(201);
    const res = await t
      .as('admin')
      .post('/api/users')
      .send(newUser({ login: 'DUP.Login' }))
      .expect(400);
    expect(res.body.errors).toEqual([{ field: 'login', rule: 'unique', message: 'Такой логин уже занят' }]);
  });

  it('only an administrator manages users', async () => {
    for (const role of ['mediator', 'lawyer', 'court', 'officer'] as const) {
      const res = await t.as(role).get('/api/users').expect(403);
      expect(res.body.errors[0]).toMatchObject({ rule: 'role_not_allowed' });
      await t
        .as(role)
        .post('/api/users')
        .send(newUser({ login: `by.${role}` }))
        .expect(403);
    }
    const list = (await t.as('admin').get('/api/users').expect(200)).body;
    expect(list.map((u: any) => u.login)).toEqual(expect.arrayContaining(['test.admin', 'test.mediator']));
    expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash/);
  });

  it('a disabled account stops working at once (sessions and tokens); history keeps its name; enabled again', async () => {
    const created = (
      await t
        .as('admin')
        .post('/api/users')
        .send(newUser({ login: 'to.disable' }))
        .expect(201)
    ).body;
    const { cookie } = await signIn(t, 'to.disable', 'длинный пароль медиатора');
    const user = await t.app.get(UsersService).findById(created.id);
    const { token } = await t.app.get(Authenticator).createToken(principalOf(user!, 'token', 'x'), { name: 'n' }, null);
    const kase = await c.open({ mediatorUserId: created.id }); // addressed to the new mediator
    const accepted = await request(t.http)
      .post(`/api/cases/${kase.id}/events`)
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'case.accepted' })
      .expect(200);
    expect(accepted.body.version).toBe(2);
    await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(200);

    const disabled = await t.as('admin').post(`/api/users/${created.id}/disable`).expect(200);
    expect(disabled.body).toMatchObject({ disabled: true, disabledAt: '2026-12-01T04:00:00.000Z' });
    await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(401);
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await request(t.http)
      .post('/api/auth/login')
      .send({ login: 'to.disable', password: 'длинный пароль медиатора' })
      .expect(401);
    expect((await c.history(kase.id)).at(-1)).toMatchObject({
      type: 'case.accepted',
      actor: { role: 'mediator', name: 'Касымова Динара Ержановна', userId: created.id },
    });
    // an administrator cannot lock himself out
    await t.as('admin').post(`/api/users/${t.users.admin.id}/disable`).expect(400);

    await t.as('admin').post(`/api/users/${created.id}/enable`).expect(200);
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(401); // sessions ended for good
  });

  it('a user changes his own password with the current one; his other sessions end', async () => {
    await t
      .as('admin')
      .post('/api/users')
      .send(newUser({ login: 'changes.password' }))
      .expect(201);
    const first = await signIn(t, 'changes.password', 'длинный пароль медиатора');
    const second = await signIn(t, 'changes.password', 'длинный пароль медиатора');
    const change = (body: object) =>
      request(t.http).post('/api/auth/password').set('Cookie', first.cookie).set('X-CSRF-Token', first.csrf).send(body);
    const wrong = await change({ currentPassword: 'не тот пароль', newPassword: 'новый длинный пароль' }).expect(400);
    expect(wrong.body.errors).toEqual([
      { field: 'currentPassword', rule: 'wrong_password', message: 'Действующий пароль указан неверно' },
    ]);
    const weak = await change({ currentPassword: 'длинный пароль медиатора', newPassword: 'short' }).expect(400);
    expect(weak.body.errors).toEqual([{ field: 'newPassword', rule: 'min_length', message: expect.any(String) }]);
    await change({ currentPassword: 'длинный пароль медиатора', newPassword: 'новый длинный пароль' }).expect(204);
    await request(t.http).get('/api/auth/me').set('Cookie', first.cookie).expect(200);
    await request(t.http).get('/api/auth/me').set('Cookie', second.cookie).expect(401);
    await request(t.http)
      .post('/api/auth/login')
      .send({ login: 'changes.password', password: 'длинный пароль медиатора' })
      .expect(401);
    await signIn(t, 'changes.password', 'новый длинный пароль');
  });

  it('an administrator resets a password (rules apply); every session of the user ends', async () => {
    const created = (
      await t
        .as('admin')
        .post('/api/users')
        .send(newUser({ login: 'is.reset' }))
        .expect(201)
    ).body;
    const { cookie } = await signIn(t, 'is.reset', 'длинный пароль медиатора');
    const weak = await t.as('admin').post(`/api/users/${created.id}/password`).send({ password: 'is.reset-1234567' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]).toMatchObject({ field: 'password', rule: 'not_login' });
    await t
      .as('admin')
      .post(`/api/users/${created.id}/password`)
      .send({ password: 'пароль от администратора' })
      .expect(204);
    await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(401);
    await signIn(t, 'is.reset', 'пароль от администратора');
  });

  it('an administrator changes a user: the role takes effect on the next request', async () => {
    const created = (
      await t
        .as('admin')
        .post('/api/users')
        .send(newUser({ login: 'changes.role' }))
        .expect(201)
    ).body;
    const { cookie } = await signIn(t, 'changes.role', 'длинный пароль медиатора');
    await request(t.http).get('/api/users').set('Cookie', cookie).expect(403);
    const changed = await t
      .as('admin')
      .patch(`/api/users/${created.id}`)
      .send({ role: 'admin', email: '' })
      .expect(200);
    expect(changed.body).toMatchObject({ role: 'admin', email: null });
    await request(t.http).get('/api/users').set('Cookie', cookie).expect(200);
    const bad = await t.as('admin').patch(`/api/users/${created.id}`).send({ email: 'nope' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'email', rule: 'isEmail' });
  });
});

describe('failed sign-ins are throttled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // every request of a test comes from 127.0.0.1: one address
  const attempt = (login: string, password: string) =>
    request(t.http).post('/api/auth/login').send({ login, password });

  it('per login: after 5 failures in 15 minutes, 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('test.court', 'wrong password!')).status).toBe(401);
    const refused = await attempt('test.court', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBe(900);
    expect(refused.body.errors).toEqual([{ field: 'login', rule: 'too_many_attempts', message: expect.any(String) }]);
    t.clock.set('2026-12-01T09:15:01+05:00');
    expect((await attempt('test.court', TEST_PASSWORD)).status).toBe(200);
  });

  it('per address: 20 failures over any logins from one address', async () => {
    t.clock.set('2026-12-01T12:00:00+05:00');
    for (let i = 0; i < 20; i++) expect((await attempt(`sprayed.${i}`, 'Password2026!')).status).toBe(401);
    const refused = await attempt('test.officer', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('every /api route needs sign-in', () => {
  const routes: { method: string; url: string }[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      beforeInit: (app) =>
        app
          .getHttpAdapter()
          .getInstance()
          .addHook('onRoute', (r) => {
            for (const method of ([] as string[]).concat(r.method))
              if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: r.url });
          }),
    });
  });
  afterAll(() => t.close());

  const PUBLIC = ['GET /health', 'GET /health/ready', 'POST /api/auth/login', 'GET /api/documents/verify/:sha256'];

  it('answers 401 to an anonymous caller on every route of the route table but the public ones', async () => {
    const api = routes.filter((r) => r.url.startsWith('/api') || r.url.startsWith('/health'));
    expect(api.length).toBeGreaterThan(15);
    const answers: string[] = [];
    for (const { method, url } of api) {
      const path = url.replace(/:(\w+)/g, (_, name: string) =>
        name === 'sha256' ? 'a'.repeat(64) : '00000000-0000-4000-8000-000000000000',
      );
      const res = await request(t.http)
        [method.toLowerCase() as 'get'](path)
        .send(method === 'GET' ? undefined : {});
      answers.push(`${method} ${url} ${PUBLIC.includes(`${method} ${url}`) ? 'public' : res.status}`);
    }
    expect(answers.filter((a) => !/ (401|public)$/.test(a))).toEqual([]);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(PUBLIC));
  });

  it('puts the Swagger UI and the OpenAPI description behind sign-in', async () => {
    await request(t.http).get('/api/docs').expect(401);
    await request(t.http).get('/api/docs-json').expect(401);
    await request(t.http).get('/api/docs/swagger-ui-bundle.js').expect(401);
    await t.as('court').get('/api/docs-json').expect(200);
  });

  it('the public routes stay public', async () => {
    await request(t.http).get('/health').expect(200);
    await request(t.http)
      .get(`/api/documents/verify/${'a'.repeat(64)}`)
      .expect(404);
  });
});

describe('CSRF and the origin of state-changing requests', () => {
  let t: TestApp;
  let c: CaseClient;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://mediation.example.kz' } });
    c = new CaseClient(t);
  });
  afterAll(() => t.close());
  const OWN = 'https://mediation.example.kz';

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    expect((await signIn(t, 'test.lawyer')).setCookie).toMatch(/; Secure/i);
  });

  it('refuses a cookie POST without the CSRF token, or with another session’s, and accepts it with its own', async () => {
    const mine = await signIn(t, 'test.mediator');
    const other = await signIn(t, 'test.mediator');
    const kase = await c.open();
    const send = () =>
      request(t.http).post(`/api/cases/${kase.id}/events`).set('Cookie', mine.cookie).set('Origin', OWN);
    const none = await send().send({ type: 'case.accepted' }).expect(403);
    expect(none.body.errors).toEqual([
      { field: 'X-CSRF-Token', rule: 'csrf_token_invalid', message: expect.any(String) },
    ]);
    await send().set('X-CSRF-Token', other.csrf).send({ type: 'case.accepted' }).expect(403);
    expect((await c.get(kase.id)).version).toBe(1);
    await send().set('X-CSRF-Token', mine.csrf).send({ type: 'case.accepted' }).expect(200);
  });

  it('refuses a cookie POST from a foreign origin even with the token (Origin, else Referer)', async () => {
    const { cookie, csrf } = await signIn(t, 'test.mediator');
    const kase = await c.open();
    const res = await request(t.http)
      .post(`/api/cases/${kase.id}/events`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .set('Origin', 'https://evil.example.com')
      .send({ type: 'case.accepted' })
      .expect(403);
    expect(res.body.errors).toEqual([{ field: 'Origin', rule: 'origin_not_allowed', message: expect.any(String) }]);
    await request(t.http)
      .post(`/api/cases/${kase.id}/events`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .set('Referer', 'https://evil.example.com/page')
      .send({ type: 'case.accepted' })
      .expect(403);
    expect((await c.get(kase.id)).version).toBe(1);
  });

  it('refuses a form-encoded POST from another site: the case is not withdrawn', async () => {
    const { cookie } = await signIn(t, 'test.lawyer');
    const kase = await c.open();
    const res = await request(t.http)
      .post(`/api/cases/${kase.id}/events`)
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example.com')
      .type('form')
      .send('type=case.withdrawn&reason=%D0%BE%D1%82%D0%BE%D0%B7%D0%B2%D0%B0%D0%BD%D0%BE');
    expect(res.status).toBe(403);
    const same = await request(t.http)
      .post(`/api/cases/${kase.id}/events`)
      .set('Cookie', cookie)
      .set('Origin', OWN)
      .type('form')
      .send('type=case.withdrawn&reason=x');
    expect(same.status).toBe(403); // same site, but no token
    expect((await c.get(kase.id)).state).toBe('applied');
  });

  it('a form may send the token as its _csrf field', async () => {
    const { cookie, csrf } = await signIn(t, 'test.mediator');
    await request(t.http)
      .post('/api/auth/tokens')
      .set('Cookie', cookie)
      .set('Origin', OWN)
      .type('form')
      .send(`name=form&_csrf=${encodeURIComponent(csrf)}`)
      .expect(201);
  });

  it('a bearer POST needs no CSRF token; sign-in needs none but gets the Origin check', async () => {
    const kase = await c.open();
    await t.as('mediator').post(`/api/cases/${kase.id}/events`).send({ type: 'case.accepted' }).expect(200);
    await request(t.http)
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example.com')
      .send({ login: 'test.lawyer', password: TEST_PASSWORD })
      .expect(403);
    await signIn(t, 'test.lawyer', TEST_PASSWORD, { Origin: OWN });
  });
});

describe('who acts: the signed-in user, in a role the catalogue allows', () => {
  let t: TestApp;
  let c: CaseClient;
  beforeAll(async () => {
    t = await startTestApp();
    c = new CaseClient(t);
  });
  afterAll(() => t.close());

  it('X-Actor-Role: court and X-Actor-Name change nothing: the history names the signed-in user', async () => {
    const kase = await c.open();
    await t
      .as('mediator')
      .post(`/api/cases/${kase.id}/events`)
      .set('X-Actor-Role', 'court')
      .set('X-Actor-Name', encodeURIComponent('Судья Иванов'))
      .send({ type: 'case.accepted' })
      .expect(200);
    const history = await c.history(kase.id);
    expect(history[0].actor).toEqual({ role: 'lawyer', name: CAST.lawyer.fullNameRu, userId: t.users.lawyer.id });
    expect(history[1].actor).toEqual({
      role: 'mediator',
      name: CAST.mediator.fullNameRu,
      userId: t.users.mediator.id,
    });
  });

  it('refuses an event to a role the catalogue does not list for it: 403 role_not_allowed naming the event', async () => {
    const kase = await c.open();
    await c.send(kase.id, { type: 'case.accepted' });
    // a lawyer claiming to be the court cannot revoke a parole (the court's alone)
    const revoked = await t
      .as('lawyer')
      .post(`/api/cases/${kase.id}/events`)
      .set('X-Actor-Role', 'court')
      .set('X-Actor-Name', 'court')
      .send({ type: 'parole.revoked', reason: 'нарушение' })
      .expect(403);
    expect(revoked.body.errors).toEqual([
      { field: 'role', rule: 'role_not_allowed', message: expect.stringContaining('parole.revoked') },
    ]);
    // the officer does not see a case before the release under his unit: for him it does not exist (scope: 404)
    await t
      .as('officer')
      .post(`/api/cases/${kase.id}/events`)
      .send({ type: 'parole.revoked', reason: 'нарушение' })
      .expect(404);
    // the petition is the defence's, not the mediator's
    await t.as('mediator').post(`/api/cases/${kase.id}/events`).send({ type: 'petition.filed' }).expect(403);
    // the administrator is no case role at all: the case answers as if it did not exist
    await t.as('admin').post(`/api/cases/${kase.id}/events`).send({ type: 'case.withdrawn', reason: 'x' }).expect(404);
    expect((await c.get(kase.id)).version).toBe(2);
  });
});

describe('secrets never leave the service', () => {
  let t: TestApp;
  let audit: AuditEntry[];
  beforeAll(async () => {
    t = await startTestApp();
    audit = auditEntries(t);
  });
  afterAll(() => t.close());

  it('passwords and tokens appear in no response but the token once at creation, and in no audit entry', async () => {
    const password = 'совсем секретный пароль 2026';
    const bodies: string[] = [];
    const keep = (res: request.Response) => {
      bodies.push(JSON.stringify(res.body) + JSON.stringify(res.headers));
      return res;
    };
    const created = keep(
      await t
        .as('admin')
        .post('/api/users')
        .send({ login: 'secret.keeper', password, role: 'lawyer', fullNameRu: 'Секретов Сергей' }),
    );
    keep(
      await request(t.http).post('/api/auth/login').send({ login: 'secret.keeper', password: 'wrong password here' }),
    );
    const login = await request(t.http).post('/api/auth/login').send({ login: 'secret.keeper', password });
    bodies.push(JSON.stringify(login.body)); // its Set-Cookie carries the session's secret, by design
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const sessionSecret = cookie.split('=')[1];
    const token = await request(t.http)
      .post('/api/auth/tokens')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', login.body.csrfToken)
      .send({ name: 'integration' });
    const secretToken = token.body.token as string;
    keep(await request(t.http).get('/api/auth/tokens').set('Authorization', `Bearer ${secretToken}`));
    keep(await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${secretToken}`));
    keep(await t.as('admin').get('/api/users'));
    keep(await t.as('admin').get(`/api/users/${created.body.id}`));
    keep(
      await t.as('admin').post(`/api/users/${created.body.id}/password`).send({ password: 'другой секретный пароль' }),
    );
    keep(
      await request(t.http).delete(`/api/auth/tokens/${token.body.id}`).set('Authorization', `Bearer ${secretToken}`),
    );
    const everything = bodies.join('\n');
    for (const secret of [password, 'другой секретный пароль', secretToken, secretToken.slice(4), sessionSecret])
      expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/argon2|password_?hash|token_?hash|secret_?hash/i);

    const logged = JSON.stringify(audit);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'user.created',
        'auth.sign_in_failed',
        'auth.signed_in',
        'auth.token_created',
        'user.password_reset',
        'auth.token_revoked',
      ]),
    );
    for (const secret of [password, 'wrong password here', 'другой секретный пароль', secretToken, sessionSecret])
      expect(logged).not.toContain(secret);
    expect(audit.find((e) => e.action === 'auth.sign_in_failed')).toMatchObject({
      userId: created.body.id,
      login: 'secret.keeper',
      detail: { reason: 'wrong_password' },
    });
  });
});
