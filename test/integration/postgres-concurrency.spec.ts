import { DataSource } from 'typeorm';
import { OutboxDispatcher } from '../../src/workflow/outbox.dispatcher';
import { TENGE } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { startTestPostgres, TestPostgres } from '../support/postgres';

/**
 * Two service instances on one PostgreSQL database, as a deployment runs them: events on one case from
 * both settle without refusing anybody, and every outbox row is handled by exactly one of them.
 */
describe('two instances on one PostgreSQL database', () => {
  let pg: TestPostgres;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    pg = await startTestPostgres();
    const env = { DATABASE_TYPE: 'postgres', DATABASE_URL: pg.url };
    a = await startTestApp({ now: '2026-12-01T10:00:00+05:00', env });
    b = await startTestApp({ now: '2026-12-01T10:00:00+05:00', env });
  }, 90_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg?.stop();
  }, 30_000);

  const post = (t: TestApp, id: string, body: Record<string, unknown>) => t.event(id, body);

  it('100 concurrent payments with distinct references and no expectedVersion: all accepted, each counted once', async () => {
    const c = new CaseClient(a);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(kase.id, claimId, { paidBeforeHearing: 2_000_000 * TENGE, waived: 0 }, '2026-12-01');
    const start = (await c.get(kase.id)).version;
    const amount = 10_000 * TENGE;
    const n = 100;
    const responses = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        post(i % 2 ? a : b, kase.id, {
          type: 'payment.recorded',
          claimId,
          amount,
          date: '2026-12-01',
          evidence: 'bank_transfer',
          reference: `P-${i}`,
        }),
      ),
    );
    expect(responses.filter((r) => r.status !== 200).map((r) => [r.status, r.body])).toEqual([]);
    const after = await c.get(kase.id);
    expect(after.version).toBe(start + n);
    const schedule = (await a.as('lawyer').get(`/api/cases/${kase.id}/claims/${claimId}/schedule`).expect(200)).body;
    expect(schedule.paidTotal).toBe(n * amount);
    const history = await c.history(kase.id);
    expect(history.map((e) => e.seq)).toEqual(Array.from({ length: after.version }, (_, i) => i + 1));
    expect(new Set(history.filter((e) => e.type === 'payment.recorded').map((e) => e.payload.reference)).size).toBe(n);

    // With expectedVersion the client asked for compare-and-set: a stale one is still a 409.
    const stale = await post(b, kase.id, {
      type: 'payment.recorded',
      claimId,
      amount,
      date: '2026-12-01',
      evidence: 'bank_transfer',
      reference: 'STALE',
      expectedVersion: start,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'version_conflict', currentVersion: after.version });
  }, 120_000);

  it('one payment reference sent at once from both instances: recorded once; under another amount a 400, never a 5xx', async () => {
    const c = new CaseClient(a);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(kase.id, claimId, { paidBeforeHearing: 2_000_000 * TENGE, waived: 0 }, '2026-12-01');
    const body = (amount: number) => ({
      type: 'payment.recorded',
      claimId,
      amount,
      date: '2026-12-01',
      evidence: 'bank_transfer',
      reference: 'DUP-1',
    });
    const amounts = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? 7_000 * TENGE : 5_000 * TENGE));
    const responses = await Promise.all(amounts.map((amount, i) => post(i % 2 ? a : b, kase.id, body(amount))));

    const rows: { amount: string; reference: string }[] = await a.app
      .get(DataSource)
      .query('SELECT amount, reference FROM payments WHERE case_id = $1', [kase.id]);
    expect(rows).toHaveLength(1);
    const recorded = Number(rows[0].amount);
    // Every request with the recorded amount is accepted (once written, the others are idempotent repeats);
    // every other one is the reference conflict.
    responses.forEach((r, i) => {
      if (amounts[i] === recorded) expect([r.status, r.body.error]).toEqual([200, undefined]);
      else expect([r.status, r.body.errors?.[0]?.rule]).toEqual([400, 'payment_reference_conflict']);
    });
    const schedule = (await b.as('lawyer').get(`/api/cases/${kase.id}/claims/${claimId}/schedule`).expect(200)).body;
    expect(schedule.paidTotal).toBe(recorded);
    expect(schedule.payments).toEqual([
      { reference: 'DUP-1', amount: recorded, date: '2026-12-01', evidence: 'bank_transfer', recordedOn: '2026-12-01' },
    ]); // BIGINT read back as a number
  }, 120_000);

  it('both instances dispatch the outbox: every row is handled exactly once', async () => {
    const dispatchers = [a, b].map((t) => t.app.get(OutboxDispatcher));
    // Rows pile up while neither dispatches, then both go at them at once.
    const paused = dispatchers.map((d) => jest.spyOn(d, 'dispatch').mockResolvedValue(undefined));
    const cases: string[] = [];
    for (let i = 0; i < 30; i++) {
      const c = new CaseClient(i % 2 ? a : b);
      const kase = await c.open();
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId: kase.claims[0].id });
      cases.push(kase.id);
    }
    const db = a.app.get(DataSource);
    const rows: { idempotency_key: string; effect_type: string }[] = await db.query(
      `SELECT idempotency_key, effect_type FROM outbox WHERE case_id = ANY($1) AND status = 'pending'`,
      [cases],
    );
    expect(rows).toHaveLength(30);
    const type = rows[0].effect_type;
    const handled: { by: string; key: string }[] = [];
    dispatchers.forEach((d, i) =>
      d.register(type, async (e) => {
        handled.push({ by: 'ab'[i], key: e.idempotencyKey });
        await new Promise((r) => setTimeout(r, 10));
      }),
    );
    paused.forEach((p) => p.mockRestore());
    await Promise.all([
      dispatchers[0].dispatch(),
      dispatchers[1].dispatch(),
      dispatchers[0].dispatch(),
      dispatchers[1].dispatch(),
    ]);

    // (the first test's case has an invitation pending too: it is handled as well, once)
    const keys = handled.map((h) => h.key);
    expect(keys.length).toBe(new Set(keys).size);
    expect(keys.filter((k) => cases.includes(k.split(':')[0])).sort()).toEqual(
      rows.map((r) => r.idempotency_key).sort(),
    );
    expect(new Set(handled.map((h) => h.by))).toEqual(new Set(['a', 'b'])); // both really took part
    const statuses = await db.query(
      `SELECT status, COUNT(*)::int AS n FROM outbox WHERE case_id = ANY($1) GROUP BY status`,
      [cases],
    );
    expect(statuses).toEqual([{ status: 'done', n: 30 }]);
  }, 120_000);
});
