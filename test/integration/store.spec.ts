import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BufferedAuditLog } from '../../src/audit/buffered-audit-log';
import { DataSource } from 'typeorm';
import { ReminderDispatcher } from '../../src/reminders/reminder-dispatcher';
import { OutboxDispatcher, type OutboxEffect } from '../../src/workflow/outbox.dispatcher';
import { WorkflowRepository } from '../../src/workflow/workflow.repository';
import { WorkflowStore } from '../../src/workflow/workflow.store';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

/**
 * The workflow store on SQLite: compare-and-set, the outbox written in the event's own transaction, and
 * handlers run after the commit — once, again after a crash, retried and finally marked failed.
 */
describe('the workflow store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-store-'));
  let n = 0;
  const freshPath = () => join(dir, `store-${++n}.sqlite`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const outboxOf = async (t: TestApp, caseId: string) =>
    t.app
      .get(DataSource)
      .query(
        'SELECT effect_type, params, idempotency_key, status, attempts, last_error, processed_at FROM outbox WHERE case_id = ? ORDER BY idempotency_key',
        [caseId],
      );

  /** An opened case, accepted, whose claim is then invited (the invitation is an effect the machines emit). */
  async function invite(t: TestApp) {
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const invited = await c.send(kase.id, { type: 'invitation.sent', claimId });
    return { c, kase, claimId, invited };
  }

  // The effect type the machines emit when an invitation goes out (read, not assumed: the machines name it).
  let invitationEffect: string;
  beforeAll(async () => {
    const t = await startTestApp();
    try {
      const { kase } = await invite(t);
      const rows = await outboxOf(t, kase.id);
      expect(rows).toHaveLength(1);
      invitationEffect = rows[0].effect_type;
    } finally {
      await t.close();
    }
  });

  describe('compare-and-set and the outbox in one transaction', () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp();
    });
    afterEach(() => t.close());

    it('a stale expectedVersion is a 409 and writes nothing: no history, no deadline, no outbox row', async () => {
      const c = new CaseClient(t);
      const kase = await c.open();
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' }); // version 2
      const res = await t.event(kase.id, { type: 'invitation.sent', claimId, expectedVersion: 1 });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: 'version_conflict', currentVersion: 2 });
      const after = await c.get(kase.id);
      expect(after.version).toBe(2);
      expect(after.deadlines).toEqual([]);
      expect(await c.history(kase.id)).toHaveLength(2);
      expect(await outboxOf(t, kase.id)).toEqual([]);
    });

    it('writes each effect as an outbox row with the event; without a handler it stays pending', async () => {
      const { kase, claimId, invited } = await invite(t);
      expect(invited.version).toBe(3);
      const rows = await outboxOf(t, kase.id);
      expect(rows).toEqual([
        expect.objectContaining({
          effect_type: invitationEffect,
          idempotency_key: `${kase.id}:3:0`,
          status: 'pending',
          attempts: 0,
          processed_at: null,
        }),
      ]);
      expect(JSON.parse(rows[0].params)).toMatchObject({ claimId });
      await t.app.get(OutboxDispatcher).dispatch();
      expect((await outboxOf(t, kase.id))[0].status).toBe('pending');
    });

    it('a failure after the outbox insert leaves neither the event nor its outbox row', async () => {
      const c = new CaseClient(t);
      const kase = await c.open();
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      const repo = t.app.get(WorkflowRepository);
      const insert = repo.insertOutbox.bind(repo);
      const spy = jest.spyOn(repo, 'insertOutbox').mockImplementationOnce(async (em, rows) => {
        await insert(em, rows);
        expect(rows).toHaveLength(1); // the row really was inserted before the failure
        throw new Error('disk gone');
      });
      await t.event(kase.id, { type: 'invitation.sent', claimId }).expect(500);
      spy.mockRestore();
      const after = await c.get(kase.id);
      expect(after.version).toBe(2);
      expect(after.claims[0].state).toBe('pending');
      expect(await c.history(kase.id)).toHaveLength(2);
      expect(await outboxOf(t, kase.id)).toEqual([]);
      expect(
        await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM deadlines WHERE case_id = ?', [kase.id]),
      ).toEqual([{ n: 0 }]);
      // and the case is not stuck: the same event goes through afterwards
      expect((await c.send(kase.id, { type: 'invitation.sent', claimId })).version).toBe(3);
      expect(await outboxOf(t, kase.id)).toHaveLength(1);
    });

    it('a hook adds its own rows in the same transaction (the way the ledger will)', async () => {
      const db = t.app.get(DataSource);
      await db.query('CREATE TABLE hook_rows (case_id TEXT, version INTEGER)');
      t.app
        .get(WorkflowStore)
        .addWriteHook((em, w) =>
          em.query('INSERT INTO hook_rows (case_id, version) VALUES (?, ?)', [w.case.id, w.case.version]),
        );
      const { kase } = await invite(t);
      expect(await db.query('SELECT version FROM hook_rows WHERE case_id = ? ORDER BY version', [kase.id])).toEqual([
        { version: 1 },
        { version: 2 },
        { version: 3 },
      ]);
    });
  });

  describe('statements an event costs', () => {
    /** The statements the service sends to SQLite while `work` runs, by kind (the bench counts them the same way). */
    async function statements(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
      const sent: string[] = [];
      const conn = (
        t.app.get(DataSource).driver as unknown as { databaseConnection: Record<string, (...a: unknown[]) => unknown> }
      ).databaseConnection;
      const methods = ['run', 'all', 'get', 'exec', 'prepare', 'each'];
      const originals = methods.map((m) => conn[m]);
      // The audit log's batches share the writer's queue but are not the event's cost: written before, held during
      const audit = t.app.get(BufferedAuditLog);
      await audit.flush();
      const held = jest.spyOn(audit, 'flush').mockResolvedValue(undefined);
      methods.forEach((m, i) => {
        conn[m] = function (this: unknown, sql: unknown, ...rest: unknown[]) {
          sent.push(String(sql).replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' '));
          return originals[i].call(this, sql, ...rest);
        };
      });
      try {
        await work();
      } finally {
        methods.forEach((m, i) => (conn[m] = originals[i]));
        held.mockRestore();
      }
      return sent;
    }

    it('a session held writes the case and its history only; a step that changes the listing updates the index', async () => {
      const t = await startTestApp();
      try {
        const c = new CaseClient(t);
        const kase = await c.open();
        const claimId = kase.claims[0].id;
        await c.send(kase.id, { type: 'case.accepted' });
        await c.send(kase.id, { type: 'invitation.sent', claimId });
        await c.send(kase.id, { type: 'invitation.accepted', claimId });
        await c.send(kase.id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
        // The reminders these steps planned are delivered in the background: let that finish before counting.
        await new Promise((r) => setTimeout(r, 100));
        await t.app.get(ReminderDispatcher).dispatch();
        const held = await statements(t, () => c.send(kase.id, { type: 'session.held', claimId, form: 'phone' }));
        expect(held.filter((s) => !/^(BEGIN|COMMIT)/.test(s)).map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
          'UPDATE cases',
          'INSERT INTO',
        ]);
        expect(held.join('; ')).not.toMatch(/case_index|deadlines/);
        const refused = await statements(t, () =>
          c.send(kase.id, { type: 'mediation.terminated', claimId, reason: 'impossible' }),
        );
        expect(refused.join('; ')).toMatch(/case_index/); // the claim's state is listed: the index follows
        const listed = await t.as('lawyer').get('/api/cases').query({ claimState: 'terminated' }).expect(200);
        expect(JSON.stringify(listed.body)).toContain(kase.id);
      } finally {
        await t.close();
      }
    });
  });

  describe('handlers after commit', () => {
    it('runs a handler once, after the commit, and marks the row done', async () => {
      const seen: { effect: OutboxEffect; version: number }[] = [];
      const t: TestApp = await startTestApp({
        beforeInit: (app) =>
          app.get(OutboxDispatcher).register(invitationEffect, async (effect) => {
            // the event is committed when the handler runs: a fresh read sees it
            const kase = (await t.as('lawyer').get(`/api/cases/${effect.caseId}`)).body;
            seen.push({ effect, version: kase.version });
          }),
      });
      try {
        const { kase, claimId } = await invite(t);
        const dispatcher = t.app.get(OutboxDispatcher);
        await dispatcher.dispatch();
        await dispatcher.dispatch();
        expect(seen).toEqual([
          {
            effect: expect.objectContaining({
              caseId: kase.id,
              type: invitationEffect,
              idempotencyKey: `${kase.id}:3:0`,
              attempt: 1,
              params: expect.objectContaining({ claimId }),
            }),
            version: 3,
          },
        ]);
        expect(await outboxOf(t, kase.id)).toEqual([
          expect.objectContaining({ status: 'done', attempts: 1, last_error: null, processed_at: expect.any(String) }),
        ]);
      } finally {
        await t.close();
      }
    });

    it('a crash between the commit and the handler: the restarted service runs it, exactly once', async () => {
      const databasePath = freshPath();
      const calls: string[] = [];
      const handler = (e: OutboxEffect) => Promise.resolve(void calls.push(e.idempotencyKey));
      // the first run commits the event but dies before its handler runs
      let t = await startTestApp({
        databasePath,
        beforeInit: (app) => {
          const dispatcher = app.get(OutboxDispatcher);
          dispatcher.register(invitationEffect, handler);
          jest.spyOn(dispatcher, 'dispatch').mockResolvedValue(undefined);
        },
      });
      const { kase } = await invite(t);
      await t.close();
      expect(calls).toEqual([]);
      expect(await outboxStatus(databasePath)).toEqual(['pending']);

      for (let restart = 0; restart < 2; restart++) {
        t = await startTestApp({
          databasePath,
          beforeInit: (app) => app.get(OutboxDispatcher).register(invitationEffect, handler),
        });
        await t.app.get(OutboxDispatcher).dispatch(); // waits for the start-up pass
        await t.close();
      }
      expect(calls).toEqual([`${kase.id}:3:0`]);
      expect(await outboxStatus(databasePath)).toEqual(['done']);
    });

    it('a crash in the middle of a handler: the row left running is run again at the next start', async () => {
      const databasePath = freshPath();
      let t = await startTestApp({ databasePath });
      const { kase } = await invite(t);
      await t.app
        .get(DataSource)
        .query(
          `UPDATE outbox SET status = 'running', attempts = 1, claimed_by = 'dead', claimed_at = '2026-12-01T00:00:00.000Z'`,
        );
      await t.close();
      const calls: number[] = [];
      t = await startTestApp({
        databasePath,
        beforeInit: (app) =>
          app.get(OutboxDispatcher).register(invitationEffect, (e) => Promise.resolve(void calls.push(e.attempt))),
      });
      await t.app.get(OutboxDispatcher).dispatch();
      expect(calls).toEqual([2]);
      expect(await outboxOf(t, kase.id)).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })]);
      await t.close();
    });

    it('a failing handler is retried with backoff, then marked failed with its error', async () => {
      const attempts = new Map<string, number[]>();
      let flakyCase = '';
      const t = await startTestApp({
        beforeInit: (app) => {
          const dispatcher = app.get(OutboxDispatcher);
          Object.assign(dispatcher.settings, { maxAttempts: 3, retryBaseMs: 20 });
          dispatcher.register(invitationEffect, (e) => {
            attempts.set(e.caseId, [...(attempts.get(e.caseId) ?? []), e.attempt]);
            if (e.caseId === flakyCase && e.attempt >= 2) return Promise.resolve(); // recovers on the second try
            return Promise.reject(new Error('почтовый сервер недоступен'));
          });
        },
      });
      try {
        const broken = await invite(t);
        const flaky = await invite(t); // its first attempt fails too (attempt 1)
        flakyCase = flaky.kase.id;
        const deadline = Date.now() + 10_000;
        const statuses = async () => [
          (await outboxOf(t, broken.kase.id))[0].status,
          (await outboxOf(t, flaky.kase.id))[0].status,
        ];
        while (Date.now() < deadline && (await statuses()).join() !== 'failed,done')
          await new Promise((r) => setTimeout(r, 25));
        expect(await statuses()).toEqual(['failed', 'done']);
        expect(attempts.get(broken.kase.id)).toEqual([1, 2, 3]);
        expect((await outboxOf(t, broken.kase.id))[0]).toMatchObject({
          attempts: 3,
          last_error: 'Error: почтовый сервер недоступен',
        });
        expect((await outboxOf(t, flaky.kase.id))[0]).toMatchObject({ attempts: expect.any(Number), last_error: null });
        await new Promise((r) => setTimeout(r, 200));
        expect(attempts.get(broken.kase.id)).toEqual([1, 2, 3]); // failed is final
      } finally {
        await t.close();
      }
    });
  });
});

/** Outbox statuses of a database file, read without the service. */
async function outboxStatus(path: string): Promise<string[]> {
  const db = new DataSource({ type: 'sqlite', database: path });
  await db.initialize();
  try {
    return (await db.query('SELECT status FROM outbox')).map((r: { status: string }) => r.status);
  } finally {
    await db.destroy();
  }
}
