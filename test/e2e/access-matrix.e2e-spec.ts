/**
 * The role × route × own/foreign case matrix (issue «People and access», tests that must exist). The routes come
 * from the application itself (Nest's controller metadata, the table the router is built from): a route without
 * an access rule, or without a row here, fails this test. Every route is called by every role and by an anonymous
 * caller, on a case in the caller's scope ("own": the cast's case, filed with the cast's court and released under
 * the cast's unit) and on a case outside it ("foreign": the other cast's), and answers the status below.
 */
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE } from '../../src/auth/access.decorator';
import type { AccessRule } from '../../src/auth/principal';
import { application, TENGE } from '../factories/case.factory';
import { ORG, startScopedApp, type Caller, type Member, type ScopedApp } from '../support/scoped-app';

const TODAY = '2026-12-01';
const ROLES = ['mediator', 'lawyer', 'court', 'officer', 'admin', 'anonymous'] as const;
type Role = (typeof ROLES)[number];
type Scope = 'own' | 'foreign';

interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  handler: string;
}

/** Every controller route of the application with its access rule, from Nest's metadata. */
function routesOf(t: ScopedApp): Route[] {
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]);
        routes.push({ method: RequestMethod[method], path, rule, handler: `${controller.name}.${name}` });
      }
    }
  }
  return routes;
}

const CASE_ROLES: Role[] = ['mediator', 'lawyer', 'court', 'officer'];
const ALL_ROLES: Role[] = [...CASE_ROLES, 'admin'];
/** A case route: in scope, the route's answer (`ok`); outside, 404; admin 404; anonymous 401. */
const caseRoute =
  (ok: number | Partial<Record<Role, number>>, roles: Role[] = CASE_ROLES) =>
  (role: Role, scope: Scope | null): number => {
    if (role === 'anonymous') return 401;
    if (!roles.includes(role) || scope === 'foreign') return 404;
    return typeof ok === 'number' ? ok : (ok[role] ?? 404);
  };
/** A route without a case: `ok` for the roles allowed, 403 for the others, 401 anonymous. */
const plainRoute =
  (ok: number, roles: Role[]) =>
  (role: Role): number =>
    role === 'anonymous' ? 401 : roles.includes(role) ? ok : 403;
const publicRoute = (ok: number) => () => ok;
/**
 * A page of the workplace (src/web): called here as a script calls it (no Accept: text/html), it answers as the API
 * does (a browser is sent to the sign-in page instead of 401: test/web); a form accepted answers 303.
 */
const page = (expect: (role: Role, scope: Scope | null) => number) => expect;

/** Expected status per route, and how it is called (body: a bad one where the route validates — 400 proves entry). */
const MATRIX: Record<string, { expect: (role: Role, scope: Scope | null) => number; query?: string; body?: object }> = {
  'GET /health': { expect: publicRoute(200) },
  'GET /health/ready': { expect: publicRoute(200) },
  'GET /api/documents/verify/:sha256': { expect: publicRoute(404) },
  'POST /api/cases': { expect: plainRoute(400, ['lawyer', 'mediator']), body: {} },
  'GET /api/cases': { expect: plainRoute(200, CASE_ROLES) },
  'POST /api/eligibility': { expect: plainRoute(400, CASE_ROLES), body: {} },
  'POST /api/schedules/preview': { expect: plainRoute(400, CASE_ROLES), body: {} },
  'GET /api/cases/:id': { expect: caseRoute(200) },
  'GET /api/cases/:id/history': { expect: caseRoute(200) },
  'GET /api/cases/:id/eligibility': { expect: caseRoute(200) },
  'GET /api/cases/:id/claims/:claimId/schedule': { expect: caseRoute(200) },
  'GET /api/cases/:id/documents': { expect: caseRoute(200) },
  'GET /api/cases/:id/documents/:kind': { expect: caseRoute(200), query: '?lang=ru&format=html' },
  'POST /api/cases/:id/events': { expect: caseRoute(400), body: { type: 'no.such.event' } },
  'GET /api/cases/:id/notes': { expect: caseRoute({ mediator: 200 }, ['mediator']) },
  // the audit: the administrator searches it; the case's mediator sees who read his case
  'GET /api/audit': { expect: plainRoute(200, ['admin']) },
  'GET /api/cases/:id/audit': { expect: caseRoute({ mediator: 200 }, ['mediator']) },
  // receipts (a reference never recorded: 404 after the gate), the court's packet, the petition draft
  'POST /api/cases/:id/claims/:claimId/payments/:reference/receipts': {
    expect: caseRoute(400, ['officer', 'mediator', 'lawyer']),
    body: {},
  },
  'GET /api/cases/:id/receipts': { expect: caseRoute(200) },
  'GET /api/cases/:id/court-packet': { expect: caseRoute(200, ['lawyer', 'mediator', 'court']), query: '?lang=ru' },
  'GET /api/cases/:id/petition-draft': { expect: caseRoute(200, ['lawyer', 'mediator']), query: '?lang=ru' },
  // the public verification page of a paper document: no sign-in, nothing personal (an unknown id: 404)
  'GET /verify': { expect: publicRoute(200) },
  'GET /verify/:id': { expect: publicRoute(404) },
  'POST /verify': { expect: publicRoute(400), body: {} },
  // sign-in and one's own account: every signed-in user (an empty body is refused after the gate: 400)
  'POST /api/auth/login': { expect: publicRoute(400), body: {} },
  'POST /api/auth/logout': { expect: plainRoute(204, ALL_ROLES) },
  'GET /api/auth/me': { expect: plainRoute(200, ALL_ROLES) },
  'POST /api/auth/password': { expect: plainRoute(400, ALL_ROLES), body: {} },
  'POST /api/auth/tokens': { expect: plainRoute(400, ALL_ROLES), body: {} },
  'GET /api/auth/tokens': { expect: plainRoute(200, ALL_ROLES) },
  'DELETE /api/auth/tokens/:id': { expect: plainRoute(404, ALL_ROLES) },
  // users: the administrator only (an unknown user id: 404)
  'POST /api/users': { expect: plainRoute(400, ['admin']), body: {} },
  'GET /api/users': { expect: plainRoute(200, ['admin']) },
  'GET /api/users/:id': { expect: plainRoute(404, ['admin']) },
  'PATCH /api/users/:id': { expect: plainRoute(404, ['admin']), body: {} },
  'POST /api/users/:id/disable': { expect: plainRoute(404, ['admin']) },
  'POST /api/users/:id/enable': { expect: plainRoute(404, ['admin']) },
  'POST /api/users/:id/password': { expect: plainRoute(404, ['admin']), body: {} },
  // The directory: every signed-in role reads it (a case's id is no entry: 404); only the administrator writes.
  'GET /api/directory': { expect: plainRoute(200, ALL_ROLES) },
  'GET /api/directory/:id': { expect: plainRoute(404, ALL_ROLES) },
  'POST /api/directory': { expect: plainRoute(400, ['admin']), body: {} },
  'PATCH /api/directory/:id': { expect: plainRoute(400, ['admin']), body: {} },
  // ── the web workplace (src/web): pages answer HTML; anonymous → the sign-in page ──
  'GET /login': { expect: (role) => (role === 'anonymous' ? 200 : 303) },
  'POST /login': { expect: publicRoute(400), body: {} },
  'POST /logout': { expect: page(plainRoute(303, ALL_ROLES)) },
  'POST /language': { expect: publicRoute(303), body: { lang: 'ru' } },
  'GET /': { expect: page(plainRoute(200, CASE_ROLES)) },
  // the administrator's pages (a case's id is no user or entry: 404 after the gate; an empty form: 400)
  'GET /admin/users': { expect: page(plainRoute(200, ['admin'])) },
  'GET /admin/users/new': { expect: page(plainRoute(200, ['admin'])) },
  'POST /admin/users/new': { expect: page(plainRoute(400, ['admin'])), body: {} },
  'GET /admin/users/:id': { expect: page(plainRoute(404, ['admin'])) },
  'POST /admin/users/:id': { expect: page(plainRoute(404, ['admin'])), body: {} },
  'POST /admin/users/:id/disable': { expect: page(plainRoute(404, ['admin'])) },
  'POST /admin/users/:id/enable': { expect: page(plainRoute(404, ['admin'])) },
  'POST /admin/users/:id/password': { expect: page(plainRoute(404, ['admin'])), body: {} },
  'GET /admin/directory': { expect: page(plainRoute(200, ['admin'])) },
  'GET /admin/directory/new': { expect: page(plainRoute(200, ['admin'])) },
  'POST /admin/directory/new': { expect: page(plainRoute(400, ['admin'])), body: {} },
  'GET /admin/directory/:id': { expect: page(plainRoute(404, ['admin'])) },
  'POST /admin/directory/:id': { expect: page(plainRoute(404, ['admin'])), body: {} },
  // a case at a glance; the form of a step (`:type` is release.corrected: the officer's or the lawyer's, allowed on
  // the released case; for another role the step does not exist: 404); the empty form posted: 400 at the fields
  'GET /cases/:id': { expect: page(caseRoute(200)) },
  'GET /cases/:id/steps/:type': { expect: page(caseRoute({ officer: 200, lawyer: 200 })) },
  'POST /cases/:id/steps/:type': { expect: page(caseRoute({ officer: 400, lawyer: 400 })), body: {} },
  'GET /cases/:id/schedule-preview': { expect: page(caseRoute({ mediator: 200 }, ['mediator'])) },
  'GET /cases/:id/notes': { expect: page(caseRoute({ mediator: 200 }, ['mediator'])) },
  'GET /cases': { expect: page(plainRoute(200, CASE_ROLES)) },
  'GET /court': { expect: page(plainRoute(200, ['court'])) },
  'GET /supervision': { expect: page(plainRoute(200, ['officer'])) },
  // the application form (lawyer, mediator; an empty form is refused at its fields: 400) and its live fragments
  'GET /cases/new': { expect: page(plainRoute(200, ['lawyer', 'mediator'])) },
  'POST /cases/new': { expect: page(plainRoute(400, ['lawyer', 'mediator'])), body: {} },
  'GET /cases/new/eligibility': { expect: page(plainRoute(200, ['lawyer', 'mediator'])) },
  'GET /cases/new/iin': { expect: page(plainRoute(200, ['lawyer', 'mediator'])) },
  'GET /cases/new/bin': { expect: page(plainRoute(200, ['lawyer', 'mediator'])) },
  // the documents of a case: as GET /api/cases/:id/documents
  'GET /cases/:id/documents': { expect: page(caseRoute(200)) },
  // restitution of one claim: every case role reads it; payments, receipts and reasons of misses are the
  // catalogue's recorders' (a JSON body is no multipart form / no valid step: 400 after the gate); the evasion
  // report the officer's (no misses yet: the law's count refuses it, 400); a receipt never uploaded: 404
  'GET /cases/:id/claims/:claimId': { expect: page(caseRoute(200)) },
  'POST /cases/:id/claims/:claimId/payments': {
    expect: page(caseRoute(400, ['officer', 'mediator', 'lawyer'])),
    body: {},
  },
  'POST /cases/:id/claims/:claimId/receipts': {
    expect: page(caseRoute(400, ['officer', 'mediator', 'lawyer'])),
    body: {},
  },
  'POST /cases/:id/claims/:claimId/misses': {
    expect: page(caseRoute(400, ['officer', 'mediator', 'lawyer'])),
    body: {},
  },
  'POST /cases/:id/claims/:claimId/default': { expect: page(caseRoute(400, ['officer'])), body: {} },
  'GET /cases/:id/claims/:claimId/receipts/:sha256': { expect: page(caseRoute(404)) },
  // reminders (issue 11): one's own inbox, preferences and calendar address; failed deliveries for the administrator;
  // the calendar feed is public, its secret the credential (an unknown one: 404). A reminder id never seen: 404.
  'GET /api/inbox': { expect: plainRoute(200, CASE_ROLES) },
  'POST /api/inbox/:id/read': { expect: plainRoute(404, CASE_ROLES) },
  'POST /api/inbox/read-all': { expect: plainRoute(204, CASE_ROLES) },
  'GET /api/reminders/preferences': { expect: plainRoute(200, CASE_ROLES) },
  'PUT /api/reminders/preferences': { expect: plainRoute(400, CASE_ROLES), body: { email: 'not-an-address' } },
  'GET /api/reminders/calendar': { expect: plainRoute(200, CASE_ROLES) },
  'POST /api/reminders/calendar': { expect: plainRoute(201, CASE_ROLES) },
  'DELETE /api/reminders/calendar': { expect: plainRoute(204, CASE_ROLES) },
  'GET /api/reminders/failed': { expect: plainRoute(200, ['admin']) },
  'POST /api/reminders/:id/retry': { expect: plainRoute(404, ['admin']) },
  'GET /calendar/:file': { expect: publicRoute(404) },
  'GET /inbox': { expect: page(plainRoute(200, CASE_ROLES)) },
  'POST /inbox/read': { expect: page(plainRoute(400, CASE_ROLES)), body: {} },
  'GET /settings/reminders': { expect: page(plainRoute(200, CASE_ROLES)) },
  'POST /settings/reminders': { expect: page(plainRoute(400, CASE_ROLES)), body: { email: 'not-an-address' } },
  'POST /settings/reminders/calendar': { expect: page(plainRoute(200, CASE_ROLES)) },
  'POST /settings/reminders/calendar/revoke': { expect: page(plainRoute(303, CASE_ROLES)) },
  'GET /admin/reminders': { expect: page(plainRoute(200, ['admin'])) },
  'POST /admin/reminders/:id/retry': { expect: page(plainRoute(404, ['admin'])) },
  // statistics (every role, its own scope) and the «start now» register (lawyers and mediators: their own cases)
  'GET /api/statistics': { expect: plainRoute(200, ALL_ROLES) },
  'GET /api/start-now': { expect: plainRoute(200, ['lawyer', 'mediator']) },
  'GET /statistics': { expect: page(plainRoute(200, ALL_ROLES)) },
  'GET /statistics.csv': { expect: page(plainRoute(200, ALL_ROLES)) },
  'GET /start-now': { expect: page(plainRoute(200, ['lawyer', 'mediator'])) },
};

describe('access matrix: every route × every role × own / foreign case', () => {
  let t: ScopedApp;
  const cases: Record<Scope, { id: string; claimId: string }> = {} as never;

  /** A case all the way to release: every role of one cast sees it, no one of the other. */
  async function released(who: Record<'lawyer' | 'mediator' | 'court', Member>, courtId: string, unitId: string) {
    const post = async (by: Member, url: string, body: object) => {
      const res = await t.as(by).post(url, body);
      if (res.status >= 300)
        throw new Error(`${url} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; claims: { id: string }[] };
    };
    const kase = await post(who.lawyer, '/api/cases', application({ mediatorUserId: t.idOf(who.mediator) }));
    const claimId = kase.claims[0].id;
    const ev = (by: Member, e: object) => post(by, `/api/cases/${kase.id}/events`, e);
    await ev(who.mediator, { type: 'case.accepted' });
    await ev(who.mediator, { type: 'invitation.sent', claimId });
    await ev(who.mediator, { type: 'invitation.accepted', claimId });
    await ev(who.mediator, { type: 'contract.signed', claimId, contractDate: TODAY });
    await ev(who.mediator, { type: 'session.held', claimId, notes: 'конфиденциально' });
    await ev(who.mediator, {
      type: 'agreement.signed',
      claimId,
      signedBy: { mediator: true, victim: true, convict: true },
      terms: {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: {
          total: 2_000_000 * TENGE,
          monthly: 50_000 * TENGE,
          dayOfMonth: 10,
          startsMonthAfterRelease: true,
        },
      },
    });
    await ev(who.lawyer, { type: 'petition.filed', courtId });
    await ev(who.court, { type: 'court.decided', decision: 'parole', decisionDate: TODAY });
    await ev(who.lawyer, { type: 'convict.released', releaseDate: TODAY, supervisionUnitId: unitId });
    return { id: kase.id, claimId };
  }

  beforeAll(async () => {
    t = await startScopedApp();
    cases.own = await released({ lawyer: 'lawyer', mediator: 'mediator', court: 'court' }, ORG.court, ORG.unit);
    cases.foreign = await released(
      { lawyer: 'otherLawyer', mediator: 'otherMediator', court: 'otherCourt' },
      ORG.otherCourt,
      ORG.otherUnit,
    );
  });
  afterAll(() => t.close());

  it('every route carries an access rule and has its row in the matrix, and every row is a route', () => {
    const routes = routesOf(t);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !r.rule).map((r) => r.handler)).toEqual([]);
    // A route addressing a case names the parameter, so that the guard checks the scope.
    const unscoped = routes.filter(
      (r) =>
        (r.path.startsWith('/api/cases/:id') || r.path.startsWith('/cases/:id')) &&
        !(r.rule?.kind === 'signedIn' && r.rule.caseParam === 'id'),
    );
    expect(unscoped.map((r) => r.handler)).toEqual([]);
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('every route answers every role as the matrix says, on its own case and on a foreign one', async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const route of routesOf(t)) {
      const row = MATRIX[`${route.method} ${route.path}`];
      if (!row) continue; // reported by the test above
      const isCaseRoute = route.rule?.kind === 'signedIn' && route.rule.caseParam !== undefined;
      for (const scope of isCaseRoute ? (['own', 'foreign'] as const) : [null]) {
        const kase = cases[scope ?? 'own'];
        const url =
          route.path
            .replace(':id', kase.id)
            .replace(':claimId', kase.claimId)
            .replace(':kind', 'agreement')
            .replace(':type', 'release.corrected')
            .replace(':sha256', '0'.repeat(64)) + (row.query ?? '');
        for (const role of ROLES) {
          const caller: Caller = role;
          const client = t.as(caller);
          const res =
            route.method === 'POST'
              ? await client.post(url, row.body)
              : route.method === 'PATCH'
                ? await client.patch(url, row.body)
                : route.method === 'PUT'
                  ? await client.put(url, row.body)
                  : route.method === 'DELETE'
                    ? await client.delete(url)
                    : await client.get(url);
          calls++;
          const expected = row.expect(role, scope);
          if (res.status !== expected)
            wrong.push(
              `${route.method} ${route.path} [${scope ?? '-'}] as ${role}: ${res.status}, expected ${expected}`,
            );
          // Outside the scope, nothing of the case is told: the answer is the same as for an id that does not exist.
          if (scope === 'foreign' && role !== 'anonymous')
            expect(JSON.stringify(res.body ?? '') + (res.text ?? '')).not.toContain('Серіков');
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(100);
  });

  it('0 foreign reads: no listing or search of any role shows the other case or counts it', async () => {
    for (const role of ROLES.filter((r) => r !== 'anonymous' && r !== 'admin')) {
      for (const q of ['', '&q=Серіков', '&q=900101300017', '&state=restitution', '&claimState=current']) {
        const res = await t.as(role).get(`/api/cases?limit=100${q}`);
        expect(res.status).toBe(200);
        const ids = (res.body as { items: { id: string }[] }).items.map((i) => i.id);
        expect(ids).toEqual([cases.own.id]);
        expect(res.body).toMatchObject({ total: 1, totalExact: true });
      }
    }
  });
});
