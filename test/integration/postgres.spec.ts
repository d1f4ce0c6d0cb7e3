import { PDFDocument } from 'pdf-lib';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditQueries } from '../../src/audit/audit-queries';
import { BufferedAuditLog } from '../../src/audit/buffered-audit-log';
import { WorkflowRepository } from '../../src/workflow/workflow.repository';
import { replayHistory } from '../../src/cases/domain/replay';
import { CaseEntity } from '../../src/workflow/entities/case.entity';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { procedureDeps } from '../../src/workflow/procedure-deps';
import { application, DIRECTORY, directoryApplication, TENGE } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';
import { signInPage } from '../support/web';
import { WORK_KINDS, workStatement } from '../../src/cases/work-queries';
import { numbered } from '../../src/cases/case-index';
import { CaseClient } from '../support/case-client';
import { startTestPostgres, TestPostgres } from '../support/postgres';

/**
 * The real application over HTTP on a throwaway PostgreSQL cluster (DATABASE_TYPE=postgres):
 * migrations, the procedure, compare-and-set under real concurrency (no group-commit queue here),
 * the deadline sweeper, replay, and exact integer amounts.
 */
describe('on PostgreSQL', () => {
  let pg: TestPostgres;
  let t: TestApp;
  let c: CaseClient;
  let db: DataSource;

  beforeAll(async () => {
    pg = await startTestPostgres();
    t = await startTestApp({
      now: '2026-12-01T10:00:00+05:00',
      env: { DATABASE_TYPE: 'postgres', DATABASE_URL: pg.url },
    });
    c = new CaseClient(t);
    db = t.app.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await pg?.stop();
  }, 30_000);

  beforeEach(() => t.clock.set('2026-12-01T10:00:00+05:00'));

  const sweep = () => t.app.get(DeadlineSweeper).sweep();
  const post = (id: string, body: Record<string, unknown>) => t.event(id, body);

  it('migrates the empty database, without synchronize', async () => {
    expect(db.options.type).toBe('postgres');
    expect(db.options.synchronize).toBe(false);
    const tables = (
      await db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      )
    ).map((r: any) => r.table_name);
    expect(tables).toEqual([
      'api_tokens',
      'audit_log',
      'calendar_feeds',
      'case_access',
      'case_claim_states',
      'case_counts',
      'case_events',
      'case_facts',
      'case_iin',
      'case_index',
      'case_stats',
      'cases',
      'confidential_notes',
      'deadlines',
      'directory_entries',
      'document_files',
      'issued_documents',
      'migrations',
      'outbox',
      'payment_receipts',
      'payments',
      'reminder_preferences',
      'reminders',
      'user_sessions',
      'users',
    ]);
    expect(await db.query('SELECT name FROM migrations ORDER BY id')).toEqual([
      { name: 'InitialSchema1764000000000' },
      { name: 'Outbox1764100000000' },
      { name: 'CaseListingIndex1764200000000' },
      { name: 'PaymentsLedger1764300000000' },
      { name: 'UsersAndSignIn1764400000000' },
      { name: 'CaseAccess1764500000000' },
      { name: 'AuditLog1764600000000' },
      { name: 'PaymentReversals1764700000000' },
      { name: 'Directory1764750000000' },
      { name: 'FrozenDocuments1764800000000' },
      { name: 'PaymentReceipts1764850000000' },
      { name: 'UserLanguage1764900000000' },
      { name: 'WorkDates1764940000000' },
      { name: 'Reminders1764950000000' },
      { name: 'Statistics1764970000000' },
    ]);
    expect(await db.query("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")).toEqual([
      { extname: 'pg_trgm' },
    ]);
    // Counters are int4 (pg hands them back as numbers); amounts live in the JSON text columns.
    const cols = await db.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'cases' AND column_name IN ('version', 'machine_version', 'application', 'snapshot') ORDER BY column_name`,
    );
    expect(cols).toEqual([
      { column_name: 'application', data_type: 'text' },
      { column_name: 'machine_version', data_type: 'integer' },
      { column_name: 'snapshot', data_type: 'text' },
      { column_name: 'version', data_type: 'integer' },
    ]);
  });

  it('the directory: seeded, corrected with compare-and-set, a case refers to it and its Kazakh document prints Kazakh names', async () => {
    const courts = (await t.as('court').get('/api/directory?kind=court').expect(200)).body.items;
    const court = courts.find((e: { id: string }) => e.id === DIRECTORY.ridderCityCourt);
    expect(court.names.kk.genitive).toBe('Риддер қалалық сотының');
    await t
      .as('admin')
      .patch(`/api/directory/${court.id}`)
      .send({ expectedVersion: court.version, codes: { courtCode: '6305' } })
      .expect(200);
    await t
      .as('admin')
      .patch(`/api/directory/${court.id}`)
      .send({ expectedVersion: court.version, active: false })
      .expect(409);
    const kase = (
      await t
        .as('lawyer')
        .post('/api/cases')
        .send(
          directoryApplication({
            mediatorUserId: t.users.mediator.id,
            sentence: { ...directoryApplication().sentence, courtId: court.id },
          }),
        )
        .expect(201)
    ).body;
    expect(kase.warnings).toEqual([]);
    await post(kase.id, { type: 'case.accepted' }).expect(200);
    await post(kase.id, { type: 'invitation.sent', claimId: kase.claims[0].id }).expect(200);
    const kk = await t
      .as('lawyer')
      .get(`/api/cases/${kase.id}/documents/invitation`)
      .query({ lang: 'kk', format: 'html' })
      .expect(200);
    expect(kk.text).toContain('Риддер қалалық сотының');
    expect(kk.text).not.toContain('Риддерского городского суда');
    // Leaves no pending deadline behind for the sweeper tests that follow.
    await post(kase.id, { type: 'invitation.refused', claimId: kase.claims[0].id }).expect(200);
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const audit = t.app.get(BufferedAuditLog);
    audit.record({ action: 'case.list', userId: 'u-1', role: 'court', address: '10.0.0.7', detail: { filters: '' } });
    await audit.flush();
    const [row] = await db.query("SELECT id, at, user_id, role, address FROM audit_log WHERE user_id = 'u-1'");
    expect(row).toEqual({
      id: expect.anything(),
      at: expect.any(String),
      user_id: 'u-1',
      role: 'court',
      address: '10.0.0.7',
    });
    const page = await t.app.get(AuditQueries).search({ userId: 'u-1', limit: 5 });
    expect(page).toEqual({
      items: [expect.objectContaining({ id: expect.any(Number), action: 'case.list', detail: { filters: '' } })],
      nextCursor: null,
    });
    for (const sql of ["UPDATE audit_log SET user_id = 'u-2'", 'DELETE FROM audit_log', 'TRUNCATE audit_log'])
      await expect(db.query(sql)).rejects.toThrow(/append-only/);
    expect(await db.query("SELECT count(*)::int AS n FROM audit_log WHERE user_id = 'u-1'")).toEqual([{ n: 1 }]);
  });

  it('keeps a receipt as BYTEA: the bytes and SHA-256 come back unchanged', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(kase.id, claimId, { paidBeforeHearing: 2_000_000 * TENGE, waived: 0 }, '2026-12-01');
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 2_000_000 * TENGE,
      date: '2026-12-01',
      evidence: 'bank_transfer',
      reference: 'PG-1',
    });
    // Every byte value, after a PDF's magic number: nothing may be lost to an encoding
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = Buffer.concat([Buffer.from(await doc.save()), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
    const res = await t
      .as('lawyer') // before release the officer does not see the case: the lawyer keeps the evidence
      .post(`/api/cases/${kase.id}/claims/${claimId}/payments/PG-1/receipts`)
      .attach('file', pdf, 'order.pdf')
      .expect(201);
    const rows = await db.query('SELECT content, sha256, size FROM payment_receipts WHERE case_id = $1', [kase.id]);
    expect(Buffer.compare(rows[0].content, pdf)).toBe(0);
    expect(rows[0].sha256).toBe(res.body.sha256);
    expect(rows[0].size).toBe(pdf.length);
  });

  it('an issued document is kept as bytea and served byte for byte; the outbox handler issues it once', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId });
    const get = async () =>
      (await t.as('mediator').get(`/api/cases/${kase.id}/documents/invitation?lang=kk&format=html`).expect(200)).text;
    const first = await get();
    t.clock.set('2026-12-05T10:00:00+05:00');
    await c.send(kase.id, { type: 'invitation.refused', claimId }); // the case moves on, the invitation does not
    expect(await get()).toBe(first);
    const stored = await db.query(
      `SELECT f.size, pg_typeof(f.content)::text AS type, d.doc_id FROM issued_documents d JOIN document_files f ON f.sha256 = d.sha256
        WHERE d.case_id = $1 AND d.kind = 'invitation' AND d.lang = 'kk' AND d.format = 'html'`,
      [kase.id],
    );
    expect(stored).toEqual([
      { size: Buffer.byteLength(first), type: 'bytea', doc_id: expect.stringMatching(/^[0-9A-Z]{10}$/) },
    ]);
  });

  it('the sweeper fires an overdue invitation deadline, once', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const invited = await c.send(kase.id, { type: 'invitation.sent', claimId });
    expect(invited.deadlines).toEqual([{ type: 'invitation.expired', claimId, dueDate: '2026-12-12' }]);
    c.setDate(t, '2026-12-11');
    expect(await sweep()).toBe(0);
    c.setDate(t, '2026-12-12');
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const after = await c.get(kase.id);
    expect(after.claims[0]).toMatchObject({ state: 'silent', outcome: 'silent' });
    expect(after.deadlines).toEqual([]);
    expect((await c.history(kase.id)).at(-1)).toMatchObject({ type: 'invitation.expired', actor: { role: 'system' } });
    const [fired] = await db.query(`SELECT status, fired_at FROM deadlines WHERE case_id = $1`, [kase.id]);
    expect(fired).toEqual({ status: 'fired', fired_at: expect.stringMatching(/^2026-12-12T05:00:00/) });
  });

  it('instalments to parole, release and payments; amounts stay exact integers; replay equals the snapshot', async () => {
    // An awarded sum above 2^31 tiyn: an int4 column would overflow, a float would round.
    const awarded = 98_765_432_109; // tiyn
    const kase = await c.open({ claims: [{ ...application().claims[0], amountAwarded: awarded, amountRecovered: 1 }] });
    const claimId = kase.claims[0].id;
    expect(kase.claims[0]).toMatchObject({ outstanding: awarded - 1 });
    await c.send(kase.id, { type: 'case.accepted', expectedVersion: 1 });
    const agreed = await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: { total: awarded - 1, monthly: 5_000_000_000, startsMonthAfterRelease: true, dayOfMonth: 10 },
      },
      '2026-12-01',
    );
    expect(agreed.state).toBe('readyForCourt');
    await c.send(kase.id, { type: 'petition.filed', filedOn: '2026-12-01' });
    c.setDate(t, '2026-12-20');
    await c.send(kase.id, { type: 'hearing.scheduled', hearingDate: '2026-12-28' });
    c.setDate(t, '2026-12-28');
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-28' });
    c.setDate(t, '2027-01-08');
    const released = await c.send(kase.id, { type: 'convict.released', releaseDate: '2027-01-08' });
    expect(released.state).toBe('restitution');
    c.setDate(t, '2027-02-10');
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 5_000_000_000,
      date: '2027-02-10',
      evidence: 'bank_transfer',
      reference: 'PAY-1',
    });
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 123_456_789,
      date: '2027-02-10',
      evidence: 'bank_transfer',
      reference: 'PAY-2',
    });
    let again = await c.get(kase.id);
    expect(typeof again.version).toBe('number');
    expect(again.claims[0].outstanding).toBe(awarded - 1);
    const schedule = (await t.as('lawyer').get(`/api/cases/${kase.id}/claims/${claimId}/schedule`).expect(200)).body;
    expect(schedule.paidTotal).toBe(5_123_456_789);
    expect(schedule.balance).toBe(awarded - 1 - 5_123_456_789);

    const stale = await post(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 1,
      date: '2027-02-10',
      evidence: 'bank_transfer',
      reference: 'PAY-3',
      expectedVersion: 2,
    }).expect(409);
    expect(stale.body).toEqual(expect.objectContaining({ error: 'version_conflict', currentVersion: again.version }));

    // A payment entered wrongly: reversed and entered again under its number (reversal rows on PostgreSQL too).
    await c.send(kase.id, {
      type: 'payment.reversed',
      claimId,
      reference: 'PAY-2',
      reason: 'Сумма введена неверно',
      replacement: { amount: 123_456_780, date: '2027-02-10', evidence: 'bank_transfer', reference: 'PAY-2' },
    });
    const corrected = (await t.as('lawyer').get(`/api/cases/${kase.id}/claims/${claimId}/schedule`).expect(200)).body;
    expect(corrected.paidTotal).toBe(5_123_456_780);
    expect(corrected.payments.map((p: { reference: string }) => p.reference)).toEqual(['PAY-1', 'PAY-2']);
    expect(
      await db.query('SELECT kind, reference, occurrence, reverses_seq FROM payments WHERE case_id = $1 ORDER BY seq', [
        kase.id,
      ]),
    ).toEqual([
      { kind: 'payment', reference: 'PAY-1', occurrence: 0, reverses_seq: null },
      { kind: 'payment', reference: 'PAY-2', occurrence: 0, reverses_seq: null },
      { kind: 'reversal', reference: 'PAY-2', occurrence: 0, reverses_seq: 2 },
      { kind: 'payment', reference: 'PAY-2', occurrence: 1, reverses_seq: null },
    ]);
    again = await c.get(kase.id);

    const entity = await db.getRepository(CaseEntity).findOneByOrFail({ id: kase.id });
    expect(entity.version).toBe(again.version);
    const events = await db.query(
      'SELECT seq, type, claim_id AS "claimId", actor_role AS "actorRole", event_date AS "eventDate", payload FROM case_events WHERE case_id = $1 ORDER BY seq',
      [kase.id],
    );
    expect(events.map((e: any) => e.seq)).toEqual(Array.from({ length: entity.version }, (_, i) => i + 1));
    const rebuilt = replayHistory(
      entity.application,
      events.map((e: any) => ({ ...e, payload: JSON.parse(e.payload) })),
      procedureDeps(),
    );
    expect(rebuilt).toEqual(entity.snapshot);
  });

  it('concurrent events on one case: each 200 or 409, never a lost update', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(kase.id, claimId, { paidBeforeHearing: 2_000_000 * TENGE, waived: 0 }, '2026-12-01');
    const start = (await c.get(kase.id)).version;
    const n = 12;
    const amount = 10_000 * TENGE;
    const responses = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        post(kase.id, {
          type: 'payment.recorded',
          claimId,
          amount,
          date: '2026-12-01',
          evidence: 'bank_transfer',
          reference: `C-${i}`,
        }),
      ),
    );
    for (const r of responses) {
      expect([200, 409]).toContain(r.status);
      if (r.status === 409) expect(['version_conflict', 'event_not_allowed']).toContain(r.body.error);
    }
    const ok = responses.filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(1);
    const after = await c.get(kase.id);
    expect(after.version).toBe(start + ok);
    const schedule = (await t.as('lawyer').get(`/api/cases/${kase.id}/claims/${claimId}/schedule`).expect(200)).body;
    expect(schedule.paidTotal).toBe(ok * amount); // every accepted payment counted once
    const history = await c.history(kase.id);
    expect(history.map((e) => e.seq)).toEqual(Array.from({ length: after.version }, (_, i) => i + 1));
    expect(history.filter((e) => e.type === 'payment.recorded')).toHaveLength(ok);

    // Mixed events racing: those the state no longer allows are refused, the rest serialise.
    const mixed = await Promise.all([
      post(kase.id, { type: 'petition.filed' }),
      post(kase.id, { type: 'petition.filed' }),
      post(kase.id, {
        type: 'payment.recorded',
        claimId,
        amount,
        date: '2026-12-01',
        evidence: 'bank_transfer',
        reference: 'M-1',
      }),
      post(kase.id, { type: 'case.withdrawn', reason: 'x' }),
    ]);
    for (const r of mixed) {
      expect([200, 409]).toContain(r.status);
      if (r.status === 409) expect(['version_conflict', 'event_not_allowed']).toContain(r.body.error);
    }
    const final = await c.get(kase.id);
    const finalHistory = await c.history(kase.id);
    expect(final.version).toBe(after.version + mixed.filter((r) => r.status === 200).length);
    expect(finalHistory.map((e) => e.seq)).toEqual(Array.from({ length: final.version }, (_, i) => i + 1));
  });

  it("the sweeper and a user racing on one case: no deadlock; the user's event is applied after the sweeper's", async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: {
          total: 2_000_000 * TENGE,
          monthly: 50_000 * TENGE,
          startsMonthAfterRelease: true,
          dayOfMonth: 10,
        },
      },
      '2026-12-01',
    );
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    const released = await c.send(kase.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    const due = released.deadlines[0].dueDate; // payment.overdue of the first instalment
    c.setDate(t, due);
    // The sweeper marks the deadline fired, then a payment arrives (it moves that same deadline) before
    // the sweeper writes the case: both must not wait for each other.
    const repo = t.app.get(WorkflowRepository);
    const original = repo.markDeadlineFired.bind(repo);
    let payment: Promise<request.Response> | undefined;
    const spy = jest.spyOn(repo, 'markDeadlineFired').mockImplementation(async (...args) => {
      const marked = await original(...args);
      payment = post(kase.id, {
        type: 'payment.recorded',
        claimId,
        amount: 50_000 * TENGE,
        date: due,
        evidence: 'bank_transfer',
        reference: 'LATE',
      }).then((r) => r);
      await new Promise((r) => setTimeout(r, 300));
      return marked;
    });
    try {
      expect(await sweep()).toBe(1);
    } finally {
      spy.mockRestore();
    }
    const res = await payment!;
    expect(res.status).toBe(200); // lost the compare-and-set, retried on the fresh state (no expectedVersion was sent)
    const history = await c.history(kase.id);
    expect(history.slice(-2).map((e) => e.type)).toEqual(['payment.overdue', 'payment.recorded']);
    expect(history.map((e) => e.seq)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
    const stale = await post(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 50_000 * TENGE,
      date: due,
      evidence: 'bank_transfer',
      reference: 'NEXT',
      expectedVersion: 2,
    });
    expect(stale.status).toBe(409); // with expectedVersion the client asked for compare-and-set: no retry
    expect(stale.body.error).toBe('version_conflict');
  });

  it('opens cases concurrently with distinct consecutive numbers', async () => {
    const before = (await t.as('lawyer').get('/api/cases').query({ limit: 100 }).expect(200)).body.total;
    const created = await Promise.all(
      Array.from({ length: 6 }, () => t.as('lawyer').post('/api/cases').send(application())),
    );
    expect(created.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = created.map((r) => Number(r.body.number.slice('МД-2026-'.length))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => before + 1 + i));
  });

  it('searches names in Kazakh and Russian spelling, numbers and exact ИИН through pg_trgm; keyset pages', async () => {
    const list = async (query: Record<string, unknown>) =>
      (await t.as('lawyer').get('/api/cases').query(query).expect(200)).body;
    const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);
    const kz = await c.open({ convict: { fullName: 'Жұмабеков Ерлан', iin: '900101300017', institution: 'ИУ-19' } });
    const ru = await c.open({
      convict: { fullName: 'Иванов Сергей', iin: '900101300017', institution: 'ИУ-19' },
      claims: [
        {
          victim: { type: 'person', fullName: 'Сәрсенбаев Мұрат', iin: '781212450039' },
          amountAwarded: 100_000 * TENGE,
          amountRecovered: 0,
        },
      ],
    });
    for (const q of ['Жумабеков', 'жұмабеков', 'ЖУМАБЕКОВ Ерлан', 'Zhumabekov'])
      expect([q, ids(await list({ q }))]).toEqual([q, [kz.id]]);
    expect(ids(await list({ q: 'иванов' }))).toEqual([ru.id]);
    expect(ids(await list({ q: 'Сарсенбаев' }))).toEqual([ru.id]);
    expect(ids(await list({ q: '781212450039' }))).toEqual([ru.id]);
    expect(ids(await list({ q: kz.number }))).toEqual([kz.id]);
    const byQuery = await list({ q: 'Жумабеков', state: 'applied' });
    expect(byQuery).toMatchObject({ total: 1, totalExact: true });
    // keyset pages over everything, newest first, no repeats
    const all = ids(await list({ limit: 200 }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(cursor ? { limit: 3, cursor } : { limit: 3 });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await list({})).total).toBe(all.length);
  });

  it('lists and searches cases case-insensitively', async () => {
    const marat = await c.open({ convict: { fullName: 'Ержанов Марат', iin: '900101300017', institution: 'ИУ-19' } });
    const found = (await t.as('lawyer').get('/api/cases').query({ q: 'ЕРЖАНОВ' }).expect(200)).body;
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ id: marat.id, number: marat.number });
    const byNumber = (await t.as('lawyer').get('/api/cases').query({ q: marat.number.toLowerCase() }).expect(200)).body;
    expect(byNumber.items.map((x: any) => x.id)).toEqual([marat.id]);
    const applied = (await t.as('lawyer').get('/api/cases').query({ state: 'applied', limit: 2 }).expect(200)).body;
    expect(typeof applied.total).toBe('number');
    expect(applied.items).toHaveLength(2);
  });

  it('my work and the lists answer on PostgreSQL; every statement of my work runs in both walks', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id as string;
    await post(kase.id, { type: 'case.accepted' }).expect(200);
    await post(kase.id, { type: 'invitation.sent', claimId }).expect(200);
    const mediator = await signInPage(t, 'mediator', 'en');
    const home = await mediator.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`/cases/${kase.id}/steps/invitation.accepted?claim&#x3D;${claimId}`);
    const list = await mediator.get(`/cases?q=${encodeURIComponent('Серіков')}&state=mediation`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/cases/${kase.id}`);
    expect((await (await signInPage(t, 'court')).get('/court')).status).toBe(200);
    expect((await (await signInPage(t, 'officer')).get('/supervision')).status).toBe(200);
    // both walks (the user's own range, the service-wide date index) find the same rows
    const key = `mediator:${t.users.mediator.id}` as const;
    for (const kind of WORK_KINDS) {
      const found: string[][] = [];
      for (const small of [true, false]) {
        const { sql, params } = workStatement(kind, key, small, '2027-01-01', '2026-12-01');
        const rows = await db.query<{ case_id: string; seq: string }[]>(numbered(sql), params);
        found.push(rows.map((r) => `${r.case_id}:${r.seq}`).sort());
      }
      expect(found[0]).toEqual(found[1]);
      if (kind === 'reply') expect(found[0].some((r) => r.startsWith(kase.id))).toBe(true);
    }
  });

  it('statistics and the «start now» register read their pre-aggregates on PostgreSQL (sums = the cases)', async () => {
    await c.open(); // awaiting acceptance, no agreement: on the register
    const own = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM case_access WHERE key = $1', [
      `lawyer:${t.users.lawyer.id}`,
    ]);
    const r = (await t.as('lawyer').get('/api/statistics?from=2020-01&to=2029-12').expect(200)).body;
    expect(r.applications.total).toBe(Number(own[0].n));
    const region = (await t.as('admin').get('/api/statistics?from=2020-01&to=2029-12').expect(200)).body;
    const all = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM cases');
    expect(region.applications.total).toBe(Number(all[0].n));
    const register = (await t.as('lawyer').get('/api/start-now?months=120').expect(200)).body;
    expect(register.items.length).toBeGreaterThan(0);
  });
});
