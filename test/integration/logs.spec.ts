import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { call, startChildService, tokenFor } from '../support/child-service';
import { TEST_PASSWORD } from '../support/cast';
import { application, IIN } from '../factories/case.factory';

/** Personal data (ИИН, names, addresses, phones) and mediation notes never reach a log line. */
describe('logs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('carry method, path and status of every request, and nothing personal', async () => {
    const service = await startChildService({
      DATABASE_PATH: join(dir, 'l.sqlite'),
      FIXED_CLOCK: '2026-12-01T10:00:00+05:00',
      LOG_LEVEL: 'debug',
    });
    const { port, process: child } = service;
    const agent = new Agent({ keepAlive: true });
    try {
      const kase = (await call(agent, port, 'POST', '/api/cases', application(), service.tokens.lawyer)).body;
      const claimId = kase.claims[0].id;
      for (const e of [
        { type: 'case.accepted' },
        { type: 'invitation.sent', claimId },
        { type: 'invitation.accepted', claimId },
        { type: 'contract.signed', claimId, contractDate: '2026-12-01' },
      ]) {
        await call(agent, port, 'POST', `/api/cases/${kase.id}/events`, e, tokenFor(service, '/events', e));
      }
      await call(
        agent,
        port,
        'POST',
        `/api/cases/${kase.id}/events`,
        { type: 'session.held', claimId, notes: 'LOGSENTINEL-NOTES потерпевшая согласна' },
        service.tokens.mediator,
      );
      expect(
        (
          await call(
            agent,
            port,
            'POST',
            '/api/cases',
            application({ convict: { ...application().convict, iin: '900101300018' } }),
            service.tokens.lawyer,
          )
        ).status,
      ).toBe(400);
      await call(agent, port, 'GET', `/api/cases?q=${encodeURIComponent('Серіков')}`, undefined, service.tokens.lawyer);
      await call(agent, port, 'GET', `/api/cases/${kase.id}/history`, undefined, service.tokens.lawyer);
      // an ИИН (and a name) put where an id goes, on a route that exists and on one that does not
      const lawyer = service.tokens.lawyer;
      expect((await call(agent, port, 'GET', `/api/cases/${IIN.victim2}`, undefined, lawyer)).status).toBe(404);
      expect(
        (await call(agent, port, 'GET', `/api/cases/${IIN.victim2}/history?q=${IIN.representative}`, undefined, lawyer))
          .status,
      ).toBe(404);
      expect(
        (await call(agent, port, 'GET', `/api/people/${IIN.representative}/${encodeURIComponent('Ахметова')}`)).status,
      ).toBe(404);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      agent.destroy();
      child.kill('SIGKILL');
    }
    const out = service.output();
    const lines = out.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.some((l) => l.includes('"url":"/api/cases"'))).toBe(true);
    expect(lines.some((l) => /"statusCode":400/.test(l))).toBe(true);
    // route patterns, never paths as sent; a request no route matched has a fixed placeholder
    const urls = lines
      .map((l) => JSON.parse(l) as { req?: { url: string } })
      .flatMap((l) => (l.req ? [l.req.url] : []));
    expect(urls).toEqual(
      expect.arrayContaining(['/api/cases/:id', '/api/cases/:id/events', '/api/cases/:id/history', '(unknown route)']),
    );
    expect(urls.filter((u) => !u.startsWith('/api/') && u !== '(unknown route)')).toEqual([]);
    expect(urls.filter((u) => /[0-9a-f]{8}-[0-9a-f]{4}/.test(u))).toEqual([]); // not even the case ids
    for (const secret of [
      IIN.convict,
      '900101300018',
      IIN.victim1,
      IIN.victim2,
      IIN.representative,
      'Серіков',
      'Ахметова',
      '+77010000001',
      'ул. Абая',
      'LOGSENTINEL-NOTES',
    ]) {
      expect(out).not.toContain(secret);
    }
  }, 90_000);

  it('carry no password, token or session secret, even at LOG_LEVEL=debug', async () => {
    const service = await startChildService({
      DATABASE_PATH: join(dir, 'secrets.sqlite'),
      FIXED_CLOCK: '2026-12-01T10:00:00+05:00',
      LOG_LEVEL: 'debug',
    });
    const { port, process: child } = service;
    const agent = new Agent({ keepAlive: true });
    const secrets: string[] = [TEST_PASSWORD, 'wrong password for the log test', service.tokens.court];
    try {
      expect(
        (await call(agent, port, 'POST', '/api/auth/login', { login: 'test.court', password: secrets[1] })).status,
      ).toBe(401);
      const login = await signInRaw(port, 'test.court', TEST_PASSWORD);
      secrets.push(login.sessionSecret, login.csrf);
      const created = await call(agent, port, 'POST', '/api/auth/tokens', { name: 'log test' }, service.tokens.court);
      secrets.push(created.body.token);
      expect((await call(agent, port, 'GET', '/api/auth/me', undefined, created.body.token)).status).toBe(200);
      const admin = service.tokens.admin;
      const user = await call(
        agent,
        port,
        'POST',
        '/api/users',
        { login: 'logged.user', password: 'пароль для журнала 2026', role: 'lawyer', fullNameRu: 'Журналов' },
        admin,
      );
      secrets.push('пароль для журнала 2026');
      expect(user.status).toBe(201);
      await call(agent, port, 'POST', '/api/users', { login: 'x', password: 'weak' }, admin); // a 400
      await call(agent, port, 'GET', '/api/cases', undefined, 'mbp_not-a-real-token-but-secret-looking');
      secrets.push('mbp_not-a-real-token-but-secret-looking');
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      agent.destroy();
      child.kill('SIGKILL');
    }
    // the test harness's own line handing the cast's tokens to the test is not the service's log
    const out = service
      .output()
      .split('\n')
      .filter((l) => !l.startsWith('cast '))
      .join('\n');
    expect(out).toContain('"url":"/api/auth/login"');
    for (const secret of secrets) expect(out).not.toContain(secret);
    expect(out).not.toMatch(/argon2|mbp_/);
  }, 90_000);
});

/** Signs in over plain HTTP: the session cookie's secret and the CSRF token. */
async function signInRaw(port: number, login: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.get('set-cookie') ?? '';
  return { sessionSecret: /mediation_session=([^;]+)/.exec(cookie)![1], csrf: body.csrfToken };
}
