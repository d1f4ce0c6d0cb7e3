import request from 'supertest';
import { DataSource } from 'typeorm';
import { BufferedAuditLog } from '../../src/audit/buffered-audit-log';
import type { UserRole } from '../../src/auth/principal';
import { IIN } from '../factories/case.factory';
import { CaseClient } from '../support/case-client';
import { startScopedApp, type ScopedApp } from '../support/scoped-app';
import { TEST_PASSWORD, usualRoleOf } from '../support/cast';

const NOTE = 'AUDIT-SENTINEL-NOTE потерпевшая согласна';
const CONVICT = 'Серіков Болат Нұрланұлы';

/** Every successful read of a case, download, event and new case leaves an audit row; nothing personal in it. */
describe('the audit log over HTTP', () => {
  let t: ScopedApp;
  let db: DataSource;
  let caseId: string;
  let claimId: string;

  const as = (role: UserRole) => ({
    get: (path: string) => t.as(role).get(path),
    post: (path: string, body: object) => t.as(role).post(path, body),
  });
  const user = (role: UserRole) => t.users[role];
  const flush = () => t.app.get(BufferedAuditLog).flush();
  const rows = async (where = '1 = 1', params: unknown[] = []) => {
    await flush();
    return db.query<Record<string, any>[]>(`SELECT * FROM audit_log WHERE ${where} ORDER BY id`, params);
  };

  beforeAll(async () => {
    t = await startScopedApp();
    db = t.app.get(DataSource);
    // the lawyer opens the case, addressed to the cast's mediator: these two see it (the court and the officer
    // only once it is filed with the court / the parolee released)
    const created = await new CaseClient(t).open();
    caseId = created.id;
    claimId = created.claims[0].id;
    for (const event of [
      { type: 'case.accepted' },
      { type: 'invitation.sent', claimId },
      { type: 'invitation.accepted', claimId },
      { type: 'contract.signed', claimId, contractDate: '2026-12-01' },
      { type: 'session.held', claimId, notes: NOTE },
    ])
      await t.event(caseId, event).expect(200);
  });
  afterAll(() => t?.close());

  it('records the new case and each event: who, role, the event type and claim — not the payload', async () => {
    const created = await rows("action = 'case.created'");
    expect(created).toEqual([
      expect.objectContaining({
        case_id: caseId,
        user_id: user('lawyer').id,
        user_name: 'Касымов Ерлан Маратович',
        role: 'lawyer',
        login: 'test.lawyer',
      }),
    ]);
    const events = await rows("action = 'event.recorded' AND case_id = ?", [caseId]);
    expect(events.map((r) => JSON.parse(r.detail))).toEqual([
      { type: 'case.accepted', claimId: null },
      { type: 'invitation.sent', claimId },
      { type: 'invitation.accepted', claimId },
      { type: 'contract.signed', claimId },
      { type: 'session.held', claimId },
    ]);
    expect(events.map((r) => [r.user_id, r.role, r.user_name])).toEqual(
      events.map((r) => {
        const role = usualRoleOf(JSON.parse(r.detail).type);
        return [user(role).id, role, user(role).fullNameRu];
      }),
    );
    expect(events.every((r) => r.address)).toBe(true);
  });

  it('records reads of the case, its history and documents, and each download with kind and language', async () => {
    const before = (await rows()).length;
    await as('lawyer').get(`/api/cases/${caseId}`).expect(200);
    await as('lawyer').get(`/api/cases/${caseId}/history`).expect(200);
    await as('lawyer').get(`/api/cases/${caseId}/documents`).expect(200);
    const doc = await as('lawyer').get(`/api/cases/${caseId}/documents/invitation?lang=kk&format=html`).expect(200);
    // the document's own <style> block is allowed on its route; scripts still are not
    expect(doc.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(doc.headers['content-security-policy']).toContain("script-src 'self';");
    const added = (await rows()).slice(before);
    expect(added.map((r) => [r.action, r.role, r.case_id, JSON.parse(r.detail)])).toEqual([
      ['case.read', 'lawyer', caseId, { route: '/api/cases/:id', claimId: null }],
      ['case.history', 'lawyer', caseId, { route: '/api/cases/:id/history', claimId: null }],
      ['case.read', 'lawyer', caseId, { route: '/api/cases/:id/documents', claimId: null }],
      ['document.download', 'lawyer', caseId, { kind: 'invitation', lang: 'kk', format: 'html', claimId: null }],
    ]);
    expect(added[0].at).toBe('2026-12-01T04:00:00.000Z'); // the service's clock
    expect(added[0].address).toMatch(/127\.0\.0\.1/);
  });

  it('records a listing with the filters used, never their values', async () => {
    await as('officer').get(`/api/cases?q=${IIN.convict}&state=mediation`).expect(200);
    const [list] = await rows("action = 'case.list'");
    expect(JSON.parse(list.detail)).toEqual({ route: '/api/cases', filters: 'state,q' });
    expect(list.case_id).toBeNull();
  });

  it('records nothing for a refused request', async () => {
    const before = (await rows()).length;
    await as('lawyer').get('/api/cases/00000000-0000-4000-8000-000000000000').expect(404);
    expect((await as('court').post(`/api/cases/${caseId}/events`, { type: 'court.decided' })).status).toBe(404);
    expect((await as('lawyer').get(`/api/cases/${caseId}/documents/agreement?format=html`)).status).toBeGreaterThan(
      399,
    );
    await request(t.http).get(`/api/cases/${caseId}`).expect(401);
    expect((await rows()).length).toBe(before);
  });

  it('records sign-in, a failed sign-in and sign-out with the name and role, never the password', async () => {
    const before = (await rows()).length;
    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ login: 'test.court', password: TEST_PASSWORD })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await request(t.http)
      .post('/api/auth/login')
      .send({ login: 'test.court', password: 'Неверный пароль 2026' })
      .expect(401);
    // a password typed into the login field: kept only as a short hash
    await request(t.http)
      .post('/api/auth/login')
      .send({ login: TEST_PASSWORD, password: 'x'.repeat(12) })
      .expect(401);
    const cookie = login.headers['set-cookie'];
    const csrf = login.body.csrfToken as string;
    await request(t.http).post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({});
    const added = (await rows()).slice(before);
    expect(added.map((r) => [r.action, r.user_id, r.user_name, r.role, r.login])).toEqual([
      ['auth.signed_in', user('court').id, 'Жумабаева Алия Каировна', 'court', 'test.court'],
      ['auth.sign_in_failed', user('court').id, 'Жумабаева Алия Каировна', 'court', 'test.court'],
      ['auth.sign_in_failed', null, null, null, expect.stringMatching(/^#[0-9a-f]{12}$/)],
      ['auth.signed_out', user('court').id, 'Жумабаева Алия Каировна', 'court', 'test.court'],
    ]);
    expect(JSON.parse(added[1].detail)).toEqual({ reason: 'wrong_password' });
    expect(JSON.stringify(added)).not.toContain(TEST_PASSWORD);
    expect(JSON.stringify(added)).not.toContain('Неверный пароль');
  });

  it('lets the administrator search by user, case, action and time, newest first, in pages', async () => {
    const admin = as('admin');
    await as('lawyer').get(`/api/cases/${caseId}`).expect(200);
    await as('lawyer').get(`/api/cases/${caseId}/history`).expect(200);
    await as('lawyer').get(`/api/cases/${caseId}/documents/invitation?lang=ru&format=html`).expect(200);
    await flush(); // written within ~100 ms of the answer; the test does not wait for the timer
    const byLawyer = await admin.get(`/api/audit?userId=${user('lawyer').id}`).expect(200);
    expect(byLawyer.body.items.map((i: any) => i.action)).toEqual(
      expect.arrayContaining(['case.read', 'case.history']),
    );
    expect(byLawyer.body.items.every((i: any) => i.user.id === user('lawyer').id)).toBe(true);
    const onCase = await admin.get(`/api/audit?userId=${user('lawyer').id}&caseId=${caseId}`).expect(200);
    expect(onCase.body.items.length).toBeGreaterThan(1);
    expect(onCase.body.items[0]).toEqual({
      id: expect.any(Number),
      at: '2026-12-01T04:00:00.000Z',
      action: expect.any(String),
      user: { id: user('lawyer').id, name: 'Касымов Ерлан Маратович', role: 'lawyer', login: 'test.lawyer' },
      caseId,
      targetUserId: null,
      detail: expect.any(Object),
      address: expect.any(String),
    });

    const downloads = await admin.get(`/api/audit?caseId=${caseId}&action=document.download`).expect(200);
    expect(downloads.body.items.length).toBeGreaterThan(0);
    expect(downloads.body.items.every((i: any) => i.action === 'document.download' && i.caseId === caseId)).toBe(true);

    // newest first, pages of 2 that add up to the whole without repeats
    const all = (await admin.get(`/api/audit?caseId=${caseId}&limit=200`).expect(200)).body.items;
    const ids = all.map((i: any) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await admin
        .get(`/api/audit?caseId=${caseId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      paged.push(...page.body.items.map((i: any) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids);

    // a day in Asia/Almaty: 2026-12-01 holds everything; the day after, nothing
    const everything = (await rows()).length;
    expect((await admin.get(`/api/audit?from=2026-12-01&to=2026-12-01&limit=200`).expect(200)).body.items.length).toBe(
      everything,
    );
    expect((await admin.get('/api/audit?from=2026-12-02').expect(200)).body.items).toEqual([]);
    expect((await admin.get('/api/audit?to=2026-11-30').expect(200)).body.items).toEqual([]);
  });

  it('refuses bad filters with the field and the rule', async () => {
    const bad = await as('admin').get('/api/audit?action=case.burned&from=yesterday&limit=0').expect(400);
    expect(bad.body.errors.map((e: any) => [e.field, e.rule])).toEqual(
      expect.arrayContaining([
        ['action', 'isIn'],
        ['from', 'matches'],
        ['limit', 'min'],
      ]),
    );
    const cursor = await as('admin').get('/api/audit?cursor=not-a-cursor').expect(400);
    expect(cursor.body.errors).toEqual([{ field: 'cursor', rule: 'cursor', message: expect.any(String) }]);
    const backwards = await as('admin').get('/api/audit?from=2026-12-02&to=2026-12-01').expect(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'to', rule: 'after_from' });
  });

  it('is the administrator’s only: other roles 403, anonymous 401', async () => {
    for (const role of ['mediator', 'lawyer', 'court', 'officer'] as const)
      await as(role).get('/api/audit').expect(403);
    await request(t.http).get('/api/audit').expect(401);
  });

  it("shows the case's mediator who read his case, without logins or addresses", async () => {
    await as('lawyer').get(`/api/cases/${caseId}`).expect(200);
    await flush();
    const res = await as('mediator').get(`/api/cases/${caseId}/audit?limit=200`).expect(200);
    const reads = res.body.items.filter((i: any) => i.action === 'case.read' && i.user.role === 'lawyer');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]).toEqual({
      id: expect.any(Number),
      at: expect.any(String),
      action: 'case.read',
      user: { id: user('lawyer').id, name: 'Касымов Ерлан Маратович', role: 'lawyer' },
      caseId,
      detail: expect.any(Object),
    });
    expect(res.body.items.every((i: any) => i.caseId === caseId)).toBe(true);
    // nobody else: not the lawyer who reads the case, not another mediator, not the admin
    for (const caller of ['lawyer', 'court', 'officer', 'admin', 'otherMediator'] as const)
      await t.as(caller).get(`/api/cases/${caseId}/audit`).expect(404);
  });

  it('keeps no ИИН, name, note text, password or token in the table', async () => {
    // a password and a token sent where a client might put them: a query string and a header
    await as('lawyer').get(`/api/cases/${caseId}?password=Секрет-пароль-123&token=mbp_SENTINELTOKEN`);
    await as('court')
      .get(`/api/cases?q=${encodeURIComponent(CONVICT)}`)
      .expect(200);
    const table = JSON.stringify(await rows());
    for (const secret of [
      IIN.convict,
      IIN.victim1,
      CONVICT,
      'Серіков',
      'AUDIT-SENTINEL',
      'Секрет-пароль',
      'SENTINELTOKEN',
    ])
      expect(table).not.toContain(secret);
    for (const member of Object.values(t.users)) {
      expect(table).not.toContain(member.token);
      expect(table).not.toContain(member.password);
    }
  });
});
