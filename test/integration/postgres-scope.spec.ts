import { application, IIN } from '../factories/case.factory';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startScopedApp, type Caller, type Member, type ScopedApp } from '../support/scoped-app';

/**
 * Case scope on PostgreSQL: case_access migrates and is written with the case; listings, searches (pg_trgm path),
 * ИИН and state filters and totals stay within the user's cases; a hand-over moves the keys in one transaction.
 */
describe('case scope on PostgreSQL', () => {
  let pg: TestPostgres;
  let t: ScopedApp;

  beforeAll(async () => {
    pg = await startTestPostgres();
    t = await startScopedApp({ env: { DATABASE_TYPE: 'postgres', DATABASE_URL: pg.url } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await pg?.stop();
  }, 30_000);

  const open = async (lawyer: Member, mediator: Member) => {
    const res = await t.as(lawyer).post('/api/cases', application({ mediatorUserId: t.idOf(mediator) }));
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };
  const ids = async (by: Caller, query: string) => {
    const res = await t.as(by).get(`/api/cases?limit=50${query}`);
    expect(res.status).toBe(200);
    const body = res.body as { items: { id: string }[]; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => i.id).sort();
  };

  it('lists, searches and counts only the user’s cases; a hand-over moves them', async () => {
    const ours = [await open('lawyer', 'mediator'), await open('lawyer', 'mediator')].sort();
    const theirs = await open('otherLawyer', 'otherMediator');
    for (const q of ['', '&q=Серіков', '&q=серик', `&q=${IIN.convict}`, '&state=applied']) {
      expect(await ids('lawyer', q)).toEqual(ours);
      expect(await ids('mediator', q)).toEqual(ours);
      expect(await ids('otherLawyer', q)).toEqual([theirs]);
      expect(await ids('court', q)).toEqual([]);
    }
    const ev = await t.as('mediator').post(`/api/cases/${ours[0]}/events`, {
      type: 'mediator.assigned',
      mediatorUserId: t.idOf('otherMediator'),
    });
    expect(ev.status).toBe(200);
    expect(await ids('mediator', '')).toEqual([ours[1]]);
    expect(await ids('otherMediator', '')).toEqual([ours[0], theirs].sort());
    expect((await t.as('mediator').get(`/api/cases/${ours[0]}`)).status).toBe(404);
    expect((await t.as('otherMediator').get(`/api/cases/${ours[0]}`)).status).toBe(200);
  });
});
