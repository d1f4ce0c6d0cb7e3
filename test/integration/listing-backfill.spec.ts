import { DataSource } from 'typeorm';
import { CaseListingIndex1764200000000 } from '../../src/database/migrations/1764200000000-case-listing-index';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

/** The listing-index migration on a database that already holds cases: every case is indexed, counted, searchable. */
describe('listing index migration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('backfills the index of existing cases', async () => {
    const c = new CaseClient(t);
    const a = await c.open({ convict: { fullName: 'Жұмабеков Ерлан', iin: '900101300017', institution: 'ИУ-19' } });
    const b = await c.open();
    await c.send(b.id, { type: 'case.accepted' });
    const migration = new CaseListingIndex1764200000000();
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner); // as on a database made before the index existed
    } finally {
      await runner.release();
    }
    const list = async (query: Record<string, unknown>) =>
      (await t.as('lawyer').get('/api/cases').query(query).expect(200)).body;
    expect(await list({})).toMatchObject({ total: 2, totalExact: true, items: [{ id: b.id }, { id: a.id }] });
    expect(await list({ state: 'mediation' })).toMatchObject({ total: 1, items: [{ id: b.id }] });
    expect(await list({ claimState: 'pending' })).toMatchObject({ total: 2 });
    expect((await list({ q: 'Жумабеков' })).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });
});
