import { DataSource } from 'typeorm';
import { Statistics1764970000000 } from '../../src/database/migrations/1764970000000-statistics';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { TENGE } from '../factories/case.factory';

/**
 * The statistics' sums are kept by a write hook, event by event; the migration counts the cases already stored
 * from their rows and history. Both must give the same table: a case that went through a refusal, a re-filing,
 * a parole, a release and a payment is counted the same either way (and the figures are the expected ones).
 */
describe('statistics: the write hook and the backfill agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-12T10:00:00+05:00' });
  });
  afterAll(() => t?.close());

  const sums = async () =>
    await t.app
      .get(DataSource)
      .query<unknown[]>(
        'SELECT scope, metric, month, dim, dim_value, n FROM case_stats WHERE n <> 0 ORDER BY scope, metric, month, dim, dim_value',
      );
  const facts = async () =>
    await t.app
      .get(DataSource)
      .query<unknown[]>('SELECT case_id, earliest_petition, start_by, planned FROM case_facts ORDER BY case_id');

  it('refusal, re-filing, parole, release and a payment: the same sums from the hook and from the backfill', async () => {
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 500_000 * TENGE,
        instalments: {
          total: 1_500_000 * TENGE,
          monthly: 100_000 * TENGE,
          dayOfMonth: 10,
          startsMonthAfterRelease: true,
        },
      },
      '2026-01-12',
    );
    await c.send(kase.id, { type: 'petition.filed' });
    c.setDate(t, '2026-01-26');
    await c.send(kase.id, { type: 'court.decided', decision: 'refused', decisionDate: '2026-01-26' });
    c.setDate(t, '2026-08-03');
    await c.send(kase.id, { type: 'petition.filed' });
    c.setDate(t, '2026-08-14');
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-08-14' });
    await c.send(kase.id, { type: 'convict.released', releaseDate: '2026-08-14' });
    c.setDate(t, '2026-09-09');
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 100_000 * TENGE,
      date: '2026-09-09',
      reference: 'п/п 1',
      evidence: 'bank_transfer',
    });
    const second = await c.open(); // awaiting acceptance: on the «start now» register
    expect(second.id).toBeDefined();

    const r = (await t.as('lawyer').get('/api/statistics?from=2026-01&to=2027-12').expect(200)).body;
    expect(r.court).toEqual({
      filed: 2,
      refiled: 1,
      paroleMandatory: 0,
      paroleDiscretionary: 1,
      refused: 1,
      replacement: 0,
    });
    expect(r.money).toEqual({
      awarded: 4_000_000 * TENGE,
      agreed: 1_500_000 * TENGE,
      paid: 100_000 * TENGE,
      waived: 500_000 * TENGE,
    });
    // 15 instalments of 100 000 ₸ from September 2026, in the period through December 2027
    expect(r.byMonth.filter((m: { instalmentsDue: number }) => m.instalmentsDue === 1)).toHaveLength(15);
    expect(r.agreements).toEqual({ count: 1, medianDays: 0, p90Days: 0 });

    const byHook = await sums();
    const factsByHook = await facts();
    expect(byHook.length).toBeGreaterThan(50);
    const migration = new Statistics1764970000000();
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner); // as on a database that held these cases before statistics existed
    } finally {
      await runner.release();
    }
    expect(await sums()).toEqual(byHook);
    expect(await facts()).toEqual(factsByHook);
  });
});
