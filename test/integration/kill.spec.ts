import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { call, startChildService, tokenFor } from '../support/child-service';
import { DataSource } from 'typeorm';
import { replayHistory } from '../../src/cases/domain/replay';
import { CaseEntity } from '../../src/workflow/entities/case.entity';
import { procedureDeps } from '../../src/workflow/procedure-deps';
import { startTestApp } from '../support/app';
import { application } from '../factories/case.factory';

const NOW = '2026-12-01T10:00:00+05:00';

/**
 * A process killed in the middle of requests leaves every case exactly as before or exactly as after each
 * event — never half: after a SIGKILL under load, each case's history is contiguous, as long as its version,
 * replays to its snapshot, and holds every event the service acknowledged.
 */
describe('SIGKILL under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-kill-'));
  const databasePath = join(dir, 'cases.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged event and leaves no half-written one', async () => {
    const service = await startChildService({ DATABASE_PATH: databasePath, FIXED_CLOCK: NOW, LOG_LEVEL: 'silent' });
    const { port, process: server } = service;
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const cases: { id: string; claimId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await call(agent, port, 'POST', '/api/cases', application(), service.tokens.lawyer);
      const id = created.body.id;
      const claimId = created.body.claims[0].id;
      for (const e of [
        { type: 'case.accepted' },
        { type: 'invitation.sent', claimId },
        { type: 'invitation.accepted', claimId },
        { type: 'contract.signed', claimId, contractDate: '2026-12-01' },
      ]) {
        expect(
          (await call(agent, port, 'POST', `/api/cases/${id}/events`, e, tokenFor(service, '/events', e))).status,
        ).toBe(200);
      }
      cases.push({ id, claimId });
    }

    const acknowledged = new Map<string, number>(cases.map((c) => [c.id, 0]));
    let stop = false;
    const load = cases.map(async (c) => {
      while (!stop) {
        try {
          const res = await call(
            agent,
            port,
            'POST',
            `/api/cases/${c.id}/events`,
            { type: 'session.held', claimId: c.claimId, form: 'phone' },
            service.tokens.mediator,
          );
          if (res.status === 200) acknowledged.set(c.id, (acknowledged.get(c.id) ?? 0) + 1);
        } catch {
          return; // the connection died with the process
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    stop = true;
    await Promise.all(load);
    agent.destroy();
    const totalAcknowledged = [...acknowledged.values()].reduce((a, b) => a + b, 0);
    expect(totalAcknowledged).toBeGreaterThan(20); // the kill really came in the middle of traffic

    const t = await startTestApp({ now: NOW, databasePath });
    try {
      const db = t.app.get(DataSource);
      for (const c of cases) {
        const entity = await db.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
        const events = await db.query(
          'SELECT seq, type, claim_id AS "claimId", actor_role AS "actorRole", event_date AS "eventDate", payload FROM case_events WHERE case_id = ? ORDER BY seq',
          [c.id],
        );
        expect(events.map((e: any) => e.seq)).toEqual(Array.from({ length: entity.version }, (_, i) => i + 1));
        const rebuilt = replayHistory(
          entity.application,
          events.map((e: any) => ({ ...e, payload: JSON.parse(e.payload) })),
          procedureDeps(),
        );
        expect(rebuilt).toEqual(entity.snapshot);
        const sessions = events.filter((e: any) => e.type === 'session.held').length;
        expect(sessions).toBeGreaterThanOrEqual(acknowledged.get(c.id) as number);
        expect(sessions).toBeLessThanOrEqual((acknowledged.get(c.id) as number) + 1); // at most the one in flight
      }
    } finally {
      await t.close();
    }
  }, 120_000);
});
