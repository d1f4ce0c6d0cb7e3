import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { call, startChildService, tokenFor } from '../support/child-service';
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
      const kase = (
        await call(
          agent,
          port,
          'POST',
          '/api/cases',
          application({ mediatorUserId: service.userIds.mediator }),
          service.tokens.lawyer,
        )
      ).body;
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
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      agent.destroy();
      child.kill('SIGKILL');
    }
    const out = service.output();
    const lines = out.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.some((l) => l.includes('"url":"/api/cases"'))).toBe(true);
    expect(lines.some((l) => /"statusCode":400/.test(l))).toBe(true);
    for (const secret of [
      IIN.convict,
      '900101300018',
      IIN.victim1,
      'Серіков',
      'Ахметова',
      '+77010000001',
      'ул. Абая',
      'LOGSENTINEL-NOTES',
    ]) {
      expect(out).not.toContain(secret);
    }
  }, 90_000);
});
