import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import request from 'supertest';
import { loadEnv } from '../../src/config/env';
import { startTestApp, TestApp } from '../support/app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Security headers on every answer, the Swagger UI's own policy, the global rate limit, the HOST default. */
describe('the perimeter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const strictCsp = (csp: string) => {
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'frame-ancestors': "'none'",
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'object-src': "'none'",
    });
    expect(directives['script-src']).not.toContain('unsafe-inline');
    return directives;
  };

  it.each([
    ['/health', 200],
    ['/health/ready', 200],
    ['/api/cases', 401],
    ['/api/nothing-here', 404],
    ['/api/docs', 401], // the Swagger routes need sign-in: refused by the authentication hook itself
    ['/api/cases/%E0%A4%A', 400], // refused by Fastify before any hook: the same headers all the same
  ])('sends the security headers on %s (%s), and no X-Powered-By', async (path, status) => {
    const res = await request(t.http).get(path);
    expect(res.status).toBe(status);
    const directives = strictCsp(res.headers['content-security-policy']);
    // inline styles only where the page has them (the Swagger UI), never inline scripts
    expect(directives['style-src']).toBe(path === '/api/docs' ? "'self' 'unsafe-inline'" : "'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends the same policy on a refused URL as helmet sends everywhere else', async () => {
    const normal = await request(t.http).get('/health');
    const refused = await request(t.http).get('/api/cases/%E0%A4%A').expect(400);
    expect(refused.headers['content-security-policy']).toBe(normal.headers['content-security-policy']);
  });

  it('gives the Swagger UI inline styles, still no inline script, and it renders in a browser without CSP errors', async () => {
    const page = await t.as('admin').get('/api/docs').redirects(1).expect(200);
    const directives = strictCsp(page.headers['content-security-policy']);
    expect(directives['style-src']).toBe("'self' 'unsafe-inline'");
    if (!existsSync(CHROMIUM)) return; // the PDF tests say what to install
    const server = t.app.getHttpServer();
    if (!server.listening) await t.app.listen(0, '127.0.0.1');
    const port = (server.address() as AddressInfo).port;
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const tab = await browser.newPage();
      await tab.setExtraHTTPHeaders({ Authorization: `Bearer ${t.users.admin.token}` });
      const violations: string[] = [];
      tab.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await tab.goto(`http://127.0.0.1:${port}/api/docs`, { waitUntil: 'networkidle0' });
      await tab.waitForSelector('.opblock-tag', { timeout: 15_000 }); // the operations, drawn from /api/docs-json
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('the rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => t?.close());

  it('answers 429 in the error shape, with Retry-After, past the limit per address; /health is never limited', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await request(t.http).get('/api/documents/verify/' + '0'.repeat(64));
      expect(ok.status).toBe(404);
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(2 - i));
    }
    const refused = await request(t.http).get('/api/cases').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      error: 'too_many_requests',
      message: expect.stringContaining('Слишком много запросов'),
      retryAfterSeconds: Number(refused.headers['retry-after']),
      errors: [{ field: 'request', rule: 'too_many_attempts', message: expect.any(String) }],
    });
    expect(refused.headers['content-security-policy']).toBeDefined();
    for (let i = 0; i < 5; i++) {
      await request(t.http).get('/health').expect(200);
      await request(t.http).get('/health/ready').expect(200);
    }
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  const budget = async (env: Record<string, string>) => {
    const t = await startTestApp({ env: { RATE_LIMIT_MAX: '2', ...env } });
    try {
      const from = (client: string) =>
        request(t.http)
          .get('/api/documents/verify/' + '0'.repeat(64))
          .set('X-Forwarded-For', client);
      return [
        (await from('203.0.113.5')).status,
        (await from('203.0.113.5')).status,
        (await from('203.0.113.6')).status,
      ];
    } finally {
      await t.close();
    }
  };

  it("counts each client's requests when the proxy is trusted, and ignores X-Forwarded-For from anyone else", async () => {
    // trusted: the third request comes from another client, with its own budget
    expect(await budget({ TRUST_PROXY: '127.0.0.1' })).toEqual([404, 404, 404]);
    // not trusted: a client cannot pick its own address; all three are the connection's
    expect(await budget({})).toEqual([404, 404, 429]);
  });
});

describe('HOST', () => {
  it('defaults to 127.0.0.1 (this machine only) and takes 0.0.0.0 for a reverse proxy', () => {
    expect(loadEnv({}).HOST).toBe('127.0.0.1');
    expect(loadEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(() => loadEnv({ HOST: 'every interface' })).toThrow(/HOST="every interface"/);
  });

  it('takes TRUST_PROXY as false, true, a number of proxies or addresses; refuses anything else', () => {
    expect(loadEnv({}).TRUST_PROXY).toBeUndefined();
    expect(loadEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).TRUST_PROXY).toBe('127.0.0.1, 10.0.0.0/8');
    expect(() => loadEnv({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY="yes please"/);
    expect(() => loadEnv({ RATE_LIMIT_MAX: '-1' })).toThrow(/RATE_LIMIT_MAX="-1"/);
  });
});
