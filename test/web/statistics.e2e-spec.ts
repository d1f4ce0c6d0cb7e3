/**
 * Statistics and planning (issue 12): a data set built through the API at chosen dates (FixedClock), every figure
 * checked against the answer worked by hand; the page's charts carry the numbers; the CSV parses back to the JSON;
 * each role sees its own scope, small cells suppressed outside one's own cases; the «start now» register's order
 * and dates.
 */
import request from 'supertest';
import { UsersService } from '../../src/auth/users.service';
import { figureRows, cellText, parseCsv, BOM } from '../../src/statistics/domain/csv';
import { addMonths } from '../../src/common/local-date';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { TEST_PASSWORD } from '../support/cast';
import { HTML, signInPage } from '../support/web';
import { TENGE } from '../factories/case.factory';

const SUPPRESSED = { suppressed: true };
const PERIOD = 'from=2026-01&to=2026-03';

describe('statistics and the «start now» register', () => {
  let t: TestApp;
  let c: CaseClient;
  const ids: Record<string, string> = {};

  const agreement = (terms: object) => ({
    type: 'agreement.signed',
    signedBy: { mediator: true, victim: true, convict: true },
    terms,
  });

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-10T10:00:00+05:00' });
    c = new CaseClient(t);
    // A — opened 10 Jan, agreed 9 Feb (30 days, 2 000 000 ₸ by instalments), discretionary parole 20 Feb
    c.setDate(t, '2026-01-10');
    const a = await c.open();
    ids.a = a.id;
    await c.send(a.id, { type: 'case.accepted' });
    await c.startNegotiation(a.id, a.claims[0].id, '2026-01-10');
    // B — opened 20 Jan, the victim refuses
    c.setDate(t, '2026-01-20');
    const b = await c.open();
    ids.b = b.id;
    await c.send(b.id, { type: 'case.accepted' });
    await c.send(b.id, { type: 'invitation.sent', claimId: b.claims[0].id });
    await c.send(b.id, { type: 'invitation.refused', claimId: b.claims[0].id });
    // C — opened 5 Feb, agreed 17 Mar (40 days): the victim waives the 2 000 000 ₸ → mandatory parole
    c.setDate(t, '2026-02-05');
    const cc = await c.open();
    ids.c = cc.id;
    await c.send(cc.id, { type: 'case.accepted' });
    await c.send(cc.id, { type: 'invitation.sent', claimId: cc.claims[0].id });
    await c.send(cc.id, { type: 'invitation.accepted', claimId: cc.claims[0].id });
    c.setDate(t, '2026-02-09');
    await c.send(a.id, {
      ...agreement({
        paidBeforeHearing: 0,
        waived: 0,
        instalments: {
          total: 2_000_000 * TENGE,
          monthly: 50_000 * TENGE,
          dayOfMonth: 10,
          startsMonthAfterRelease: true,
        },
      }),
      claimId: a.claims[0].id,
    });
    c.setDate(t, '2026-02-10');
    await c.send(a.id, { type: 'petition.filed' });
    c.setDate(t, '2026-02-20');
    await c.send(a.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-02-20' });
    // D — opened 1 Mar, declined by the mediator; E — opened 2 Mar, later sentence start, awaiting acceptance
    c.setDate(t, '2026-03-01');
    ids.d = (await c.open()).id;
    await c.send(cc.id, { type: 'contract.signed', claimId: cc.claims[0].id, contractDate: '2026-03-01' });
    await c.send(ids.d, { type: 'case.declined', reason: 'Конфликт графиков' });
    c.setDate(t, '2026-03-02');
    ids.e = (
      await c.open({
        sentence: {
          court: 'Усть-Каменогорский городской суд',
          date: '2023-08-15',
          articles: ['188 ч. 2 п. 4'],
          term: { years: 6, months: 0, days: 0 },
          startDate: '2023-07-10',
          gravity: 'grave',
          pretrialDetentionDays: 0,
        },
      })
    ).id;
    c.setDate(t, '2026-03-17');
    await c.send(cc.id, {
      ...agreement({ paidBeforeHearing: 0, waived: 2_000_000 * TENGE }),
      claimId: cc.claims[0].id,
    });
    c.setDate(t, '2026-03-18');
    await c.send(cc.id, { type: 'petition.filed' });
    await c.send(cc.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-03-18' });
    c.setDate(t, '2026-03-20');
  }, 60_000);
  afterAll(() => t.close());

  const stats = async (role: 'mediator' | 'lawyer' | 'court' | 'officer' | 'admin', q = '') =>
    (await t.as(role).get(`/api/statistics?${PERIOD}${q}`).expect(200)).body;

  it("the mediator's own cases: every figure exact, nothing suppressed", async () => {
    const r = await stats('mediator');
    expect(r.scope).toBe('own');
    expect(r.suppression).toBe(false);
    expect(r.applications).toEqual({
      total: 5,
      outcomes: { awaiting: 1, mediation: 0, court: 1, granted: 2, refused: 0, declined: 1, withdrawn: 0, revoked: 0 },
    });
    expect(r.invitations).toEqual({
      invited: 3,
      agreed: 2,
      refused: 1,
      silent: 0,
      terminated: 0,
      open: 0,
      agreementRate: 66.7,
    });
    expect(r.agreements).toEqual({ count: 2, medianDays: 35, p90Days: 40 });
    expect(r.money).toEqual({
      awarded: 5 * 2_000_000 * TENGE,
      agreed: 2_000_000 * TENGE,
      paid: 0,
      waived: 2_000_000 * TENGE,
    });
    expect(r.court).toEqual({
      filed: 2,
      refiled: 0,
      paroleMandatory: 1,
      paroleDiscretionary: 1,
      refused: 0,
      replacement: 0,
    });
    expect(
      r.byMonth.map((m: { month: string; applications: number; agreements: number }) => [
        m.month,
        m.applications,
        m.agreements,
      ]),
    ).toEqual([
      ['2026-01', 2, 0],
      ['2026-02', 1, 1],
      ['2026-03', 2, 1],
    ]);
    // one's own cases are not broken down by mediator (he is the one)
    expect(r.byMediator).toEqual([]);
    // the lawyer of the same cases sees the same figures
    const l = await stats('lawyer');
    expect({ ...l, byMediator: [], byCourt: [], byInstitution: [] }).toEqual({
      ...r,
      byMediator: [],
      byCourt: [],
      byInstitution: [],
    });
    // a period outside the data: zeros
    const empty = (await t.as('mediator').get('/api/statistics?from=2025-01&to=2025-12').expect(200)).body;
    expect(empty.applications.total).toBe(0);
    expect(empty.agreements).toEqual({ count: 0, medianDays: null, p90Days: null });
  });

  it('wider scopes suppress cells of 1 or 2 cases, in JSON too', async () => {
    // the organisation of mediators: the cases addressed to its mediators (his account names it)
    const org = await stats('mediator', '&scope=organisation');
    expect(org.suppression).toBe(true);
    expect(org.applications.total).toBe(5);
    expect(org.applications.outcomes).toMatchObject({
      granted: SUPPRESSED,
      court: SUPPRESSED,
      awaiting: SUPPRESSED,
      declined: SUPPRESSED,
      mediation: 0,
    });
    expect(org.invitations).toMatchObject({ invited: 3, agreed: SUPPRESSED, agreementRate: 66.7 });
    expect(org.agreements).toEqual({ count: SUPPRESSED, medianDays: SUPPRESSED, p90Days: SUPPRESSED });
    expect(org.byMediator).toEqual([
      expect.objectContaining({ key: t.users.mediator.id, label: 'Абенова Гульнара Сериковна', applications: 5 }),
    ]);
    // the region (administrator): all five cases, aggregates only
    const region = await stats('admin');
    expect(region.scope).toBe('region');
    expect(region.applications.total).toBe(5);
    expect(region.applications.outcomes).toMatchObject({
      granted: SUPPRESSED,
      declined: SUPPRESSED,
      awaiting: SUPPRESSED,
    });
    expect(region.money).toEqual({
      awarded: 5 * 2_000_000 * TENGE,
      agreed: 2_000_000 * TENGE,
      paid: 0,
      waived: 2_000_000 * TENGE,
    });
    expect(JSON.stringify(region)).not.toContain('Серіков'); // no party's name anywhere
    // the court: the two petitions filed with it — every cell under 3
    const court = await stats('court');
    expect(court.scope).toBe('court');
    expect(court.applications.total).toEqual(SUPPRESSED);
    expect(court.court).toMatchObject({ filed: SUPPRESSED, paroleMandatory: SUPPRESSED, refused: 0 });
    expect(court.money.awarded).toEqual(SUPPRESSED);
    // the officer's unit: no parolee released yet
    const unit = await stats('officer');
    expect(unit.scope).toBe('unit');
    expect(unit.applications.total).toBe(0);
  });

  it('scope is enforced per role: another lawyer sees none of these cases; a scope not his is a 400', async () => {
    await t.app
      .get(UsersService)
      .create(
        { login: 'other.lawyer', password: TEST_PASSWORD, role: 'lawyer', fullNameRu: 'Другой Адвокат Иванович' },
        { principal: null, address: null },
      );
    const agent = request.agent(t.http);
    await agent.post('/api/auth/login').send({ login: 'other.lawyer', password: TEST_PASSWORD }).expect(200);
    const other = (await agent.get(`/api/statistics?${PERIOD}`).expect(200)).body;
    expect(other.applications.total).toBe(0);
    expect(other.invitations.invited).toBe(0);
    expect((await agent.get('/api/start-now').expect(200)).body.items).toEqual([]);
    // his account names no organisation: only his own cases
    const bad = await agent.get('/api/statistics?scope=region').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'scope', rule: 'scope_not_allowed' })]);
    await t.as('court').get('/api/statistics?scope=own').expect(400);
    await t.as('admin').get('/api/statistics?scope=court').expect(400);
    const month = await t.as('mediator').get('/api/statistics?from=2026-13').expect(400);
    expect(month.body.errors).toEqual([expect.objectContaining({ field: 'from', rule: 'month_format' })]);
    await t.as('mediator').get('/api/statistics?from=2026-05&to=2026-01').expect(400);
    await t.as('admin').get('/api/start-now').expect(403);
  });

  it('the CSV round-trips: UTF-8 with BOM, «;», every figure as in the JSON (money in tenge)', async () => {
    for (const role of ['mediator', 'admin'] as const) {
      const json = await stats(role, '&lang=kk');
      const res = await t.as(role).get(`/api/statistics?${PERIOD}&format=csv&lang=kk`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="statistics-/);
      expect(res.text.startsWith(BOM)).toBe(true);
      const rows = parseCsv(res.text);
      expect(rows[0]).toEqual(['көрсеткіш', 'атауы', 'мәні']);
      const expected = figureRows(json).map((r) => [r.key, cellText(r)]);
      expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual(expected);
      expect(rows.every((r) => r.length === 3)).toBe(true);
    }
    const csv = parseCsv((await t.as('mediator').get(`/api/statistics?${PERIOD}&format=csv`).expect(200)).text);
    const value = (key: string) => csv.find((r) => r[0] === key)?.[2];
    expect(value('money.awarded')).toBe('10000000,00');
    expect(value('invitations.agreementRate')).toBe('66,7');
    const region = parseCsv((await t.as('admin').get(`/api/statistics?${PERIOD}&format=csv`).expect(200)).text);
    expect(region.find((r) => r[0] === 'applications.outcomes.granted')?.[2]).toBe('< 3');
    // the page's link downloads the same file
    const page = await signInPage(t, 'mediator', 'ru');
    const file = await page.get(`/statistics.csv?scope=own&${PERIOD}`);
    expect(file.status).toBe(200);
    expect(file.text).toBe((await t.as('mediator').get(`/api/statistics?scope=own&${PERIOD}&format=csv&lang=ru`)).text);
  });

  it('the page: filters, charts that carry the numbers, tables, in kk, ru and en', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const page = await signInPage(t, 'mediator', lang);
      const res = await page.get(`/statistics?scope=own&${PERIOD}`);
      expect(res.status).toBe(200);
      const html = res.text;
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html).toContain('role="img"');
      expect(html).not.toMatch(/style="/);
      // the money chart says its numbers in its description and on the bars, and so does the table
      expect(html).toMatch(/<desc id="chart-\d+-d">[^<]*10\s000\s000,00\s₸/);
      expect(html).toMatch(/class="chart-value"[^>]*>10\s000\s000,00\s₸</);
      expect(html).toMatch(/<td class="num">66,7 %<\/td>/);
      expect(html).toMatch(/<td class="num">35<\/td>/);
      expect(html).toMatch(
        /href="\/statistics\.csv\?scope&#x3D;own&amp;from&#x3D;2026-01&amp;to&#x3D;2026-03" download/,
      );
    }
    const admin = await signInPage(t, 'admin', 'en');
    const region = await admin.get(`/statistics?${PERIOD}`);
    expect(region.status).toBe(200);
    expect(region.text).toContain('&lt; 3');
    expect(region.text).toContain('fewer than 3 cases');
    const bad = await admin.get('/statistics?from=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Month as YYYY-MM');
    const anonymous = await request(t.http).get('/statistics').set('Accept', HTML);
    expect(anonymous.status).toBe(303);
  });

  it('«start now»: my cases without an agreement whose petition date is near, soonest first, start three months before', async () => {
    const eligibility = async (id: string) =>
      (await t.as('lawyer').get(`/api/cases/${id}/eligibility`).expect(200)).body.parole.earliestDate as string;
    const b = await eligibility(ids.b);
    const e = await eligibility(ids.e);
    expect(b < e).toBe(true);
    // E was opened on 2 March, months before its convict may petition: the application accepts an early case
    expect(e > '2026-03-20').toBe(true);
    const res = (await t.as('lawyer').get('/api/start-now').expect(200)).body;
    expect(res.months).toBe(6);
    expect(res.asOf).toBe('2026-03-20');
    // A and C have agreements, D was declined: B and E remain, the sooner first
    expect(res.items.map((i: { caseId: string }) => i.caseId)).toEqual([ids.b, ids.e]);
    expect(res.items[0]).toMatchObject({
      earliestPetition: b,
      startBy: addMonths(b, -3),
      mayPetitionNow: b <= '2026-03-20',
    });
    expect(res.items[1]).toMatchObject({ earliestPetition: e, startBy: addMonths(e, -3) });
    expect(res.items[1].daysToStart).toBe(
      Math.round((Date.parse(addMonths(e, -3)) - Date.parse('2026-03-20')) / 86_400_000),
    );
    // the mediator of the same cases sees the same register; a shorter horizon leaves the later one out
    expect((await t.as('mediator').get('/api/start-now').expect(200)).body.items).toHaveLength(2);
    const near = (await t.as('lawyer').get('/api/start-now?months=1').expect(200)).body.items;
    expect(near.map((i: { caseId: string }) => i.caseId)).toEqual(
      e <= addMonths('2026-03-20', 1) ? [ids.b, ids.e] : [ids.b],
    );
    await t.as('lawyer').get('/api/start-now?months=0').expect(400);
    // the page, in every language
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const page = await signInPage(t, 'lawyer', lang);
      const html = (await page.get('/start-now')).text;
      expect(html.indexOf(`/cases/${ids.b}`)).toBeLessThan(html.indexOf(`/cases/${ids.e}`));
      expect(html).not.toContain(`/cases/${ids.a}`);
    }
  });
});
