import fc from 'fast-check';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { usualRoleOf } from '../support/cast';
import { application, TENGE } from '../factories/case.factory';

/**
 * No input gets a 5xx. About 10,000 generated hostile requests (fixed seed: FUZZ_SEED and FUZZ_RUNS change it)
 * over every route, sent over HTTP to the application as production builds it, eight at a time. Every answer must be below 500, every 4xx must carry
 * `errors: [{ field, rule, message }]`, and the categories below that the issue names must be refused with a
 * 400 naming the field. Results are tallied per category, so a failure says which kind of input broke.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const EVENT_TYPES = [
  'case.accepted',
  'case.declined',
  'invitation.sent',
  'invitation.accepted',
  'invitation.refused',
  'contract.signed',
  'term.extended',
  'session.held',
  'agreement.signed',
  'agreement.amended',
  'mediation.terminated',
  'payment.recorded',
  'payment.missed.explained',
  'default.reported',
  'petition.filed',
  'hearing.scheduled',
  'court.decided',
  'convict.released',
  'parole.revoked',
  'case.withdrawn',
  'invitation.expired',
  'term.expired',
  'payment.overdue',
];
const PROTOTYPE_NAMES = [
  'valueOf',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'constructor',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];
const BAD_ESCAPES = [
  '%E0%A4%A',
  '%',
  '%Z',
  '%C3%28',
  '%ED%A0%80',
  '%FF',
  '%%',
  '%u0041',
  '%E0%A4',
  'abc%G0',
  '%C0%AF',
  '%F8%88%80%80%80',
];
const HOSTILE_NUMBERS = [
  '1e308',
  '1e309',
  '1e21',
  '9007199254740993',
  '99999999999999999999999999',
  '-1',
  '0',
  '1.5',
  '-0.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1e-7',
  '',
  ' ',
  '١',
  '9'.repeat(400),
];
const BAD_CONTENT_TYPES = [
  'text/plain',
  'text/html',
  'application/xml',
  'application/octet-stream',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'image/png',
];

type Category =
  | 'garbage body'
  | 'invalid JSON'
  | 'deep JSON'
  | 'oversized body'
  | 'wrong content type'
  | 'bad escape in path'
  | 'bad escape in query'
  | 'prototype name as event type'
  | 'page numbers'
  | 'hostile query numbers'
  | 'huge claim amount'
  | 'unknown fields and wrong types'
  | 'random event payload'
  | 'actor headers'
  | 'unknown routes and methods';

interface Probe {
  category: Category;
  request: { method: string; url: string; headers?: Record<string, string>; payload?: string };
  /** What the answer must be beyond "below 500, 4xx in the API's shape". */
  expect?: { status: number; field?: RegExp; rule?: string };
  /** What was changed, when the payload is too long to show. */
  note?: string;
}

/** The cases the generated requests aim at: one just filed, one in negotiation (ids filled in beforeAll). */
const target = { applied: '', negotiating: '', claimId: '' };

let t: TestApp;

describe('fuzz: no input gets a 5xx', () => {
  const failures = new Map<Category, string[]>();
  const counts = new Map<Category, number>();
  const notSendable: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    const c = new CaseClient(t);
    target.applied = (await c.open()).id;
    const kase = await c.open();
    target.negotiating = kase.id;
    target.claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.startNegotiation(kase.id, target.claimId, '2026-12-01');

    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const queue = fc.sample(probes(), { numRuns: RUNS, seed: SEED });
    const worker = async () => {
      for (let probe = queue.shift(); probe; probe = queue.shift()) {
        counts.set(probe.category, (counts.get(probe.category) ?? 0) + 1);
        let res;
        try {
          res = await send(agent, port, probe.request, tokenFor(probe.request));
        } catch (e) {
          // a few generated paths or headers no HTTP client sends (Node's client refuses them)
          notSendable.push(`${probe.request.method} ${probe.request.url}: ${(e as Error).message}`);
          continue;
        }
        const problem = check(probe, res.status, res.text);
        if (problem) {
          const list = failures.get(probe.category) ?? [];
          const sent =
            probe.note ?? (probe.request.payload === undefined ? '' : ` ${probe.request.payload.slice(0, 300)}`);
          list.push(
            `${probe.request.method} ${probe.request.url.slice(0, 120)}${sent} → ${res.status}: ${problem} ${res.text.slice(0, 200)}`,
          );
          failures.set(probe.category, list);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    agent.destroy();
  }, 300_000);
  afterAll(() => t?.close());

  it(`sent ${RUNS} requests over every category`, () => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(RUNS);
    expect(notSendable.length).toBeLessThan(RUNS / 100);
    const tooFew = CATEGORIES.filter((category) => (counts.get(category) ?? 0) < RUNS / 500);
    expect(tooFew).toEqual([]);
  });

  const CATEGORIES: Category[] = [
    'garbage body',
    'invalid JSON',
    'deep JSON',
    'oversized body',
    'wrong content type',
    'bad escape in path',
    'bad escape in query',
    'prototype name as event type',
    'page numbers',
    'hostile query numbers',
    'huge claim amount',
    'unknown fields and wrong types',
    'random event payload',
    'actor headers',
    'unknown routes and methods',
  ];
  it.each(CATEGORIES)('%s: never a 5xx, every refusal names field and rule', (category) => {
    const list = failures.get(category) ?? [];
    // the count and the first few, not ten thousand lines
    expect({ failed: list.length, of: counts.get(category), first: list.slice(0, 5) }).toEqual({
      failed: 0,
      of: counts.get(category),
      first: [],
    });
  });
});

/**
 * Every probe is sent signed in (the hostile part is the input, not the caller): an event as the role that usually
 * records it, anything else as the lawyer. The 'actor headers' probes claim another role in headers the service
 * no longer reads.
 */
function tokenFor(r: Probe['request']): string {
  let type: unknown;
  try {
    type = r.payload && /\/events(\?|$)/.test(r.url) ? (JSON.parse(r.payload) as { type?: unknown }).type : undefined;
  } catch {
    type = undefined;
  }
  return t.users[type === undefined ? 'lawyer' : usualRoleOf(type)].token;
}

function send(
  agent: Agent,
  port: number,
  r: Probe['request'],
  token: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = {
      authorization: `Bearer ${token}`,
      ...r.headers,
      ...(r.payload === undefined ? {} : { 'content-length': String(Buffer.byteLength(r.payload)) }),
    };
    const req = httpRequest({ host: '127.0.0.1', port, method: r.method, path: r.url, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.payload);
  });
}

/** Why an answer is wrong, or null when it is right. */
function check(probe: Probe, status: number, text: string): string | null {
  if (status >= 500) return 'server error';
  if (probe.request.method === 'HEAD') return null; // no body to look at
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return status >= 400 ? 'error answer is not JSON' : null;
  }
  if (status >= 400) {
    const verifyAnswer =
      status === 404 && probe.request.url.startsWith('/api/documents/verify/') && body?.known === false;
    if (!verifyAnswer) {
      if (!Array.isArray(body?.errors) || body.errors.length === 0) return 'no errors[]';
      for (const e of body.errors) {
        if (
          typeof e?.field !== 'string' ||
          typeof e?.rule !== 'string' ||
          !e.rule ||
          typeof e?.message !== 'string' ||
          !e.message
        )
          return 'errors[] entry without field/rule/message';
        if (!/[а-яА-ЯёЁ]/.test(e.message)) return 'message not in Russian';
      }
    }
  }
  const want = probe.expect;
  if (want) {
    if (status !== want.status) return `expected ${want.status}`;
    if (want.field && !body.errors?.some((e: any) => want.field!.test(e.field) && (!want.rule || e.rule === want.rule)))
      return `expected an error on ${want.field}${want.rule ? ` (${want.rule})` : ''}`;
  }
  return null;
}

// ---- generators ------------------------------------------------------------------------------------------

const json = (payload: unknown) => ({
  headers: { 'content-type': 'application/json' },
  payload: JSON.stringify(payload),
});
const POST_ROUTES = () => [
  `/api/cases`,
  `/api/cases/${target.negotiating}/events`,
  `/api/cases/${target.applied}/events`,
  '/api/eligibility',
  '/api/schedules/preview',
];

const someId = () =>
  fc.oneof(
    fc.constant(target.negotiating),
    fc.constant(target.applied),
    fc.uuid(),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
  );
const badEscape = fc
  .tuple(
    fc.string({ maxLength: 6 }).map(encodeURIComponent),
    fc.constantFrom(...BAD_ESCAPES),
    fc.string({ maxLength: 6 }).map(encodeURIComponent),
  )
  .map(([a, b, c]) => `${a}${b}~${c}`); // '~' ends the escape: '%E0%A4%A' + 'b' would be a valid one

/** Every GET route with its parameters filled by `id`, `claimId`, `kind`, `sha` (already URL-encoded). */
function getRoutes(p: { id: string; claimId: string; kind: string; sha: string }): string[] {
  return [
    '/health',
    '/api/cases',
    `/api/cases/${p.id}`,
    `/api/cases/${p.id}/history`,
    `/api/cases/${p.id}/eligibility`,
    `/api/cases/${p.id}/claims/${p.claimId}/schedule`,
    `/api/cases/${p.id}/documents`,
    `/api/cases/${p.id}/documents/${p.kind}`,
    `/api/documents/verify/${p.sha}`,
  ];
}

const garbage = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 2 }), { maxKeys: 6 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
);

const mutatedApplication = fc
  .tuple(
    fc.constantFrom(
      'procedure',
      'convict',
      'convict.iin',
      'convict.fullName',
      'convict.birthDate',
      'sentence',
      'sentence.term',
      'sentence.term.years',
      'sentence.date',
      'sentence.articles',
      'claims',
      'claims.0',
      'claims.0.victim',
      'claims.0.victim.type',
      'claims.0.amountAwarded',
      'claims.0.amountRecovered',
      'lawyer',
      'mediator',
      'place',
      'unknownField',
      'claims.0.extra',
      'convict.__proto__',
    ),
    fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.constantFrom(null, '', -1, 0.5, 1e308, -1e308, true, [], {}, '2026-02-30', '9'.repeat(30)),
    ),
  )
  .map(([path, value]) => {
    const doc: any = application();
    const keys = path.split('.');
    let at = doc;
    for (const k of keys.slice(0, -1)) at = at[k] = typeof at[k] === 'object' && at[k] !== null ? at[k] : {};
    Object.defineProperty(at, keys[keys.length - 1], { value, enumerable: true, writable: true, configurable: true });
    return { doc, note: ` ${path} = ${JSON.stringify(value)?.slice(0, 100)}` };
  });

const deepJson = fc
  .tuple(fc.integer({ min: 33, max: 5000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
  .map(([depth, open, closed]) => {
    const close = open === '[' ? ']' : '}';
    return open.repeat(depth) + '1' + (closed ? close.repeat(depth) : '');
  });

function probes(): fc.Arbitrary<Probe> {
  const postRoute = fc.constantFrom(...POST_ROUTES());
  const get = fc.record({
    id: someId(),
    claimId: fc.oneof(fc.constant(target.claimId), fc.uuid(), fc.string({ maxLength: 10 }).map(encodeURIComponent)),
    kind: fc.oneof(
      fc.constantFrom('invitation', 'agreement', 'certificate'),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
    ),
    sha: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ maxLength: 70 }).map(encodeURIComponent)),
  });
  const queryValue = fc.oneof(
    fc.constantFrom(...HOSTILE_NUMBERS),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    badEscape,
  );
  const queryKey = fc.oneof(
    fc.constantFrom(
      'page',
      'pageSize',
      'q',
      'state',
      'lang',
      'format',
      'claimId',
      'maliciousViolations',
      '__proto__',
      'constructor',
    ),
    fc.string({ maxLength: 10 }).map(encodeURIComponent),
  );
  const query = fc
    .array(fc.tuple(queryKey, queryValue), { minLength: 1, maxLength: 4 })
    .map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&'));

  return fc.oneof(
    // garbage of any JSON shape to every POST route
    fc.tuple(postRoute, garbage).map(([url, body]): Probe => ({
      category: 'garbage body',
      request: { method: 'POST', url, ...json(body ?? null) },
    })),
    fc
      .tuple(
        postRoute,
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom('{', '{"a":', '[1,]', 'nul', '{"a":1}}', "{'a':1}", '{"a":"\\x"}', '\u0000', '\ufeff{}'),
        ),
      )
      .map(([url, text]): Probe => ({
        category: 'invalid JSON',
        request: { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: text },
      })),
    fc.tuple(postRoute, deepJson).map(([url, text]): Probe => ({
      category: 'deep JSON',
      request: { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: text },
      // an unclosed one may be refused as malformed: deeper than allowed is found first either way
      expect: { status: 400, field: /^body$/, rule: 'max_depth' },
    })),
    fc.tuple(postRoute, fc.integer({ min: 101 * 1024, max: 160 * 1024 })).map(([url, size]): Probe => ({
      category: 'oversized body',
      request: { method: 'POST', url, ...json({ type: 'session.held', notes: 'я'.repeat(size / 2) }) },
      expect: { status: 413, field: /^body$/ },
    })),
    fc
      .tuple(postRoute, fc.constantFrom(...BAD_CONTENT_TYPES), fc.string({ minLength: 1, maxLength: 100 }))
      .map(([url, type, text]): Probe => ({
        category: 'wrong content type',
        request: { method: 'POST', url, headers: { 'content-type': type }, payload: text },
        expect: { status: 415, field: /^Content-Type$/ },
      })),
    fc
      .tuple(
        fc.constantFrom<[string, string]>(
          ['GET', '/api/cases/{}'],
          ['GET', '/api/cases/{}/history'],
          ['GET', '/api/cases/{}/documents'],
          ['POST', '/api/cases/{}/events'],
          ['GET', '/api/documents/verify/{}'],
        ),
        badEscape,
      )
      .map(([[method, pattern], bad]): Probe => ({
        category: 'bad escape in path',
        request: {
          method,
          url: pattern.replace('{}', bad),
          ...(method === 'POST' ? json({ type: 'session.held' }) : {}),
        },
        expect: { status: 400, field: /^(id|sha256)$/, rule: 'url_encoding' },
      })),
    fc.tuple(get, badEscape, queryKey).map(([p, bad, key]): Probe => {
      const routes = getRoutes(p);
      return {
        category: 'bad escape in query',
        request: { method: 'GET', url: `${routes[bad.length % routes.length]}?${key}=${bad}` },
      };
    }),
    fc
      .tuple(fc.constantFrom(...PROTOTYPE_NAMES), fc.boolean(), fc.boolean())
      .map(([type, withClaim, applied]): Probe => ({
        category: 'prototype name as event type',
        request: {
          method: 'POST',
          url: `/api/cases/${applied ? target.applied : target.negotiating}/events`,
          ...json(withClaim ? { type, claimId: target.claimId } : { type }),
        },
        expect: { status: 400, field: /^type$/ },
      })),
    fc
      .tuple(
        fc.constantFrom('page', 'pageSize'),
        fc.constantFrom(
          '1e308',
          '1e309',
          '1e21',
          '9007199254740993',
          '99999999999999999999999999',
          '-1',
          '0',
          '1.5',
          'NaN',
          'Infinity',
          '9'.repeat(400),
        ),
      )
      .map(([key, value]): Probe => ({
        category: 'page numbers',
        request: { method: 'GET', url: `/api/cases?${key}=${value}` },
        expect: { status: 400, field: new RegExp(`^${key}$`) },
      })),
    fc.tuple(get, query).map(([p, q]): Probe => {
      const routes = getRoutes(p);
      return {
        category: 'hostile query numbers',
        request: { method: 'GET', url: routes[q.length % routes.length] + q },
      };
    }),
    fc
      .tuple(
        fc.bigInt({ min: 10n ** 14n, max: BigInt(Number.MAX_SAFE_INTEGER) }),
        fc.constantFrom('amountAwarded', 'amountRecovered'),
      )
      .map(([tiyn, field]): Probe => {
        const amount = Number(tiyn);
        const claim =
          field === 'amountAwarded'
            ? { amountAwarded: amount, amountRecovered: 0 }
            : { amountAwarded: amount, amountRecovered: amount - 100 * TENGE };
        return {
          category: 'huge claim amount',
          request: {
            method: 'POST',
            url: '/api/cases',
            ...json(application({ claims: [{ ...application().claims[0], ...claim }] })),
          },
          expect: { status: 400, field: /^claims\[0\]\.amount(Awarded|Recovered)$/ },
        };
      }),
    mutatedApplication.map(({ doc, note }): Probe => ({
      category: 'unknown fields and wrong types',
      request: { method: 'POST', url: '/api/cases', ...json(doc) },
      note,
    })),
    fc
      .tuple(
        fc.constantFrom(...EVENT_TYPES),
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              'claimId',
              'expectedVersion',
              'contractDate',
              'form',
              'notes',
              'terms',
              'amount',
              'paidOn',
              'reference',
              'signedBy',
              'reason',
              'date',
              'decision',
              'days',
              'replyDays',
            ),
            fc.string({ maxLength: 8 }),
          ),
          fc.oneof(
            fc.anything({ maxDepth: 3 }),
            fc.constant(target.claimId),
            fc.constantFrom(1e308, -1, 0.1, '2026-13-45', ''),
          ),
          { maxKeys: 5 },
        ),
        fc.boolean(),
      )
      .map(([type, fields, applied]): Probe => ({
        category: 'random event payload',
        request: {
          method: 'POST',
          url: `/api/cases/${applied ? target.applied : target.negotiating}/events`,
          ...json({ ...fields, type }),
        },
      })),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom('mediator', 'court', 'MEDIATOR', '', 'constructor', '__proto__'),
          fc.stringMatching(/^[\x21-\x7e]{0,20}$/),
        ),
        fc.oneof(badEscape, fc.stringMatching(/^[\x20-\x7e]{0,40}$/)),
        fc.constantFrom(...EVENT_TYPES),
      )
      .map(([role, name, type]): Probe => ({
        category: 'actor headers',
        request: {
          method: 'POST',
          url: `/api/cases/${target.negotiating}/events`,
          headers: { 'content-type': 'application/json', 'x-actor-role': role, 'x-actor-name': name },
          payload: JSON.stringify({ type, claimId: target.claimId }),
        },
      })),
    fc
      .tuple(
        fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'POST', 'HEAD'),
        fc.oneof(
          get.map((p) => getRoutes(p)[p.id.length % 9]),
          fc.webPath(),
          fc.string({ maxLength: 30 }).map((s) => '/api/' + encodeURIComponent(s)),
        ),
      )
      .map(([method, url]): Probe => ({
        category: 'unknown routes and methods',
        request: { method, url: url.startsWith('/') ? url : `/${url}` },
      })),
  );
}
