import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Readiness } from '../../src/workflow/readiness';
import { WorkflowStore } from '../../src/workflow/workflow.store';
import { startTestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

/**
 * Deadlines that fell due while the service was stopped are fired by a start-up sweep; 1,000 of them take
 * seconds. The service starts without waiting for it: /health answers at once (alive), /health/ready says
 * 503 until the sweep is done, then 200.
 */
describe('start-up: alive at once, ready after the start-up sweep', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-ready-'));
  const databasePath = join(dir, 'cases.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers /health during a long start-up sweep and flips /health/ready when it ends', async () => {
    let t = await startTestApp({ now: '2026-12-01T10:00:00+05:00', databasePath });
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId }); // reply due by 2026-12-12
    expect((await request(t.http).get('/health/ready')).status).toBe(200);
    await t.close();

    // Three weeks later; the sweep of the overdue deadline is held until we let it go.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let sweepStarted = false;
    t = await startTestApp({
      now: '2026-12-22T08:00:00+05:00',
      databasePath,
      beforeInit: (app) => {
        const store = app.get(WorkflowStore);
        const fire = store.fireDeadline.bind(store);
        jest.spyOn(store, 'fireDeadline').mockImplementation(async (d) => {
          sweepStarted = true;
          await held;
          return fire(d);
        });
      },
    });
    try {
      const waitFor = async (cond: () => boolean) => {
        for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
      };
      await waitFor(() => sweepStarted);
      expect(sweepStarted).toBe(true);
      expect(await request(t.http).get('/health')).toMatchObject({
        status: 200,
        body: { status: 'ok', database: 'sqlite' },
      });
      const starting = await request(t.http).get('/health/ready');
      expect(starting.status).toBe(503);
      expect(starting.body).toEqual({
        error: 'service_unavailable',
        message: expect.any(String),
        errors: [{ field: 'service', rule: 'service_unavailable', message: expect.stringContaining('запускается') }],
        waitingFor: ['start-up deadline sweep'],
      });

      release();
      await t.app.get(Readiness).whenReady();
      expect(await request(t.http).get('/health/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
      expect((await new CaseClient(t).get(kase.id)).claims[0]).toMatchObject({ state: 'silent' });
    } finally {
      release();
      await t.close();
    }
  });
});
