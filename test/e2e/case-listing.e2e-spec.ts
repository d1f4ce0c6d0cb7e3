import { ReadConnection } from '../../src/database/read-connection';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { IIN, TENGE, victimClaim } from '../factories/case.factory';

/** GET /api/cases at the API: every filter, keyset pages, totals, spelling-tolerant search, bad input. */
describe('listing and searching cases', () => {
  let t: TestApp;
  let c: CaseClient;
  const list = async (query: Record<string, unknown>) =>
    (await t.as('lawyer').get('/api/cases').query(query).expect(200)).body;
  const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);
  const convict = (fullName: string, iin = IIN.convict) => ({ convict: { fullName, iin, institution: 'ИУ-19' } });

  let zhumabekov: any, ivanov: any, petrova: any, arrears: any, accepted: any;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
    // A case whose restitution fell into arrears: agreement, parole, release, a missed instalment.
    arrears = await c.open(convict('Омаров Бауыржан'));
    const claimId = arrears.claims[0].id;
    await c.send(arrears.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      arrears.id,
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
    await c.send(arrears.id, { type: 'petition.filed' });
    await c.send(arrears.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    await c.send(arrears.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    c.setDate(t, '2027-02-15');
    await t.app.get(DeadlineSweeper).sweep();
    expect((await c.get(arrears.id)).claims[0].restitution).toBe('inArrears');
    // The others are opened on the later date, so that no deadline of theirs has passed.
    zhumabekov = await c.open(convict('Жұмабеков Ерлан Қайратұлы'));
    ivanov = await c.open({
      ...convict('Иванов Сергей Петрович'),
      sentence: {
        court: 'Алматинский районный суд г. Астаны',
        date: '2022-03-15',
        articles: ['190 ч. 2'],
        term: { years: 4, months: 0, days: 0 },
        startDate: '2022-01-10',
        gravity: 'medium',
      },
      // Addressed to a mediator by name only (no account): the lawyer's listing still filters by that name.
      mediator: { fullName: 'Нұрланова Әсел' },
      mediatorUserId: undefined,
    });
    petrova = await c.open({
      ...convict('Петрова Анна'),
      claims: [victimClaim({ victim: { type: 'person', fullName: 'Сәрсенбаев Мұрат', iin: IIN.victim2 } })],
    });
    accepted = await c.open(convict('Ахметов Дәурен'));
    await c.send(accepted.id, { type: 'case.accepted' });
    await c.send(accepted.id, { type: 'invitation.sent', claimId: accepted.claims[0].id });
  }, 60_000);

  afterAll(() => t?.close());

  it('lists newest first with an exact total', async () => {
    const all = await list({});
    expect(ids(all)).toEqual([accepted.id, petrova.id, ivanov.id, zhumabekov.id, arrears.id]);
    expect(all).toMatchObject({ total: 5, totalExact: true, nextCursor: null });
    expect(all.items[4]).toMatchObject({
      number: arrears.number,
      convict: 'Омаров Бауыржан',
      state: 'restitution',
      nextDeadline: '2027-03-13',
    }); // instalment 2 of 10.02: overdue from the 31st day (30 days' grace)
  });

  it('filters by case state, with an exact total per state', async () => {
    const applied = await list({ state: 'applied' });
    expect(ids(applied)).toEqual([petrova.id, ivanov.id, zhumabekov.id]);
    expect(applied).toMatchObject({ total: 3, totalExact: true });
    expect(await list({ state: 'mediation' })).toMatchObject({ total: 1, items: [{ id: accepted.id }] });
    expect(await list({ state: 'closed' })).toMatchObject({ total: 0, items: [] });
  });

  it('filters by claim state, and by arrears', async () => {
    expect(ids(await list({ claimState: 'invited' }))).toEqual([accepted.id]);
    expect(ids(await list({ claimState: 'pending' }))).toEqual([petrova.id, ivanov.id, zhumabekov.id]);
    const inArrears = await list({ arrears: true });
    expect(ids(inArrears)).toEqual([arrears.id]);
    expect(inArrears).toMatchObject({ total: 1, totalExact: true });
    expect(ids(await list({ claimState: 'inArrears' }))).toEqual([arrears.id]);
    expect(ids(await list({ arrears: true, state: 'applied' }))).toEqual([]);
  });

  it('filters by court and by mediator, whatever the case and Kazakh letters', async () => {
    expect(ids(await list({ court: 'алматинский районный суд г. астаны' }))).toEqual([ivanov.id]);
    expect(ids(await list({ mediator: 'НУРЛАНОВА АСЕЛ' }))).toEqual([ivanov.id]);
    // The others are the cast's mediator's: named as her account names her.
    expect((await list({ mediator: t.users.mediator.fullNameRu.toUpperCase() })).items).toHaveLength(4);
    expect(ids(await list({ court: 'Усть-Каменогорский городской суд', state: 'mediation' }))).toEqual([accepted.id]);
  });

  it('filters by next deadline before a date', async () => {
    // The invitation of 15.02.2027 awaits a reply for 10 days; the arrears case waits for its next instalment.
    const soon = await list({ deadlineBefore: '2027-03-01' });
    expect(ids(soon)).toEqual([accepted.id]);
    expect(soon).toMatchObject({ total: 1, totalExact: true });
    expect(ids(await list({ deadlineBefore: '2027-12-31' }))).toEqual([accepted.id, arrears.id]);
    expect(ids(await list({ deadlineBefore: '2027-02-15' }))).toEqual([]);
  });

  it('searches names in Kazakh and Russian spelling, any case, and in Latin letters', async () => {
    for (const q of [
      'Жумабеков',
      'Жұмабеков',
      'жұмабеков',
      'ЖУМАБЕКОВ',
      'Жумабеков Ерлан',
      'жумаб',
      'Zhumabekov',
      'Кайратулы',
    ]) {
      expect([q, ids(await list({ q }))]).toEqual([q, [zhumabekov.id]]);
    }
    expect(ids(await list({ q: 'иванов' }))).toEqual([ivanov.id]);
    expect(ids(await list({ q: 'ИВАНОВ Сергей' }))).toEqual([ivanov.id]);
    expect(ids(await list({ q: 'Иванов Ерлан' }))).toEqual([]);
    expect(ids(await list({ q: 'Сарсенбаев' }))).toEqual([petrova.id]); // the victim «Сәрсенбаев»
    expect(ids(await list({ q: 'Ахметова' }))).toEqual([accepted.id, ivanov.id, zhumabekov.id, arrears.id]); // the usual victim
    expect(ids(await list({ q: '%' }))).toEqual([]);
  });

  it('finds a case by its number and by an exact ИИН', async () => {
    expect(ids(await list({ q: ivanov.number }))).toEqual([ivanov.id]);
    expect(ids(await list({ q: ivanov.number.toLowerCase() }))).toEqual([ivanov.id]);
    expect(ids(await list({ q: IIN.victim2 }))).toEqual([petrova.id]);
    expect((await list({ q: IIN.convict, limit: 200 })).total).toBe((await list({})).total);
    expect(ids(await list({ q: IIN.victim2.slice(0, 11) }))).toEqual([]);
  });

  it('combines search with filters; a combined total is counted', async () => {
    const found = await list({ q: 'Ахметова', state: 'applied' });
    expect(ids(found)).toEqual([ivanov.id, zhumabekov.id]);
    expect(found).toMatchObject({ total: 2, totalExact: true });
  });

  it('follows a case as it moves: the old state no longer lists it, the counts follow', async () => {
    const before = await list({ state: 'applied' });
    const moved = await c.open(convict('Темірхан Арман'));
    expect((await list({ state: 'applied' })).total).toBe(before.total + 1);
    await c.send(moved.id, { type: 'case.accepted' });
    const after = await list({ state: 'applied' });
    expect(after.total).toBe(before.total);
    expect(ids(after)).not.toContain(moved.id);
    expect(ids(await list({ state: 'mediation' }))).toContain(moved.id);
    expect(ids(await list({ claimState: 'pending', state: 'mediation' }))).toContain(moved.id);
    await c.send(moved.id, { type: 'case.withdrawn', reason: 'Осуждённый отозвал заявление' });
    expect(ids(await list({ state: 'mediation' }))).not.toContain(moved.id);
    expect(await list({ state: 'withdrawn' })).toMatchObject({ total: 1, items: [{ id: moved.id }] });
  });

  it('pages with a cursor: no case repeated or skipped while new cases are opened between pages', async () => {
    const first = await list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const expected = ids(await list({ limit: 200 }));
    const seen = [...ids(first)];
    let cursor = first.nextCursor;
    while (cursor) {
      await c.open(convict('Новиков Новый'));
      const page = await list({ limit: 2, cursor });
      seen.push(...ids(page));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a bad cursor, limit or a page number with 400 naming the field', async () => {
    const bad = async (query: Record<string, unknown>, field: string, rule?: string) => {
      const res = await t.as('lawyer').get('/api/cases').query(query).expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, ...(rule ? { rule } : {}) })]),
      );
    };
    await bad({ cursor: 'garbage' }, 'cursor', 'isCursor');
    await bad({ cursor: Buffer.from('c1.99999999999999999').toString('base64url') }, 'cursor', 'isCursor');
    await bad({ cursor: 'x'.repeat(65) }, 'cursor');
    await bad({ limit: 0 }, 'limit', 'min');
    await bad({ limit: 201 }, 'limit', 'max');
    await bad({ limit: '1e308' }, 'limit', 'max');
    await bad({ limit: 'ten' }, 'limit', 'isInt');
    await bad({ page: '1e308' }, 'page', 'unknown_field');
    await bad({ claimState: 'nonsense' }, 'claimState', 'isIn');
    await bad({ deadlineBefore: '2026-13-01' }, 'deadlineBefore');
    await bad({ arrears: 'maybe' }, 'arrears', 'isBoolean');
  });

  it('a listing on the read connection does not hold up a write', async () => {
    const reads = t.app.get(ReadConnection);
    expect(reads.separate).toBe(true);
    let readDone = 0;
    // A statement that keeps a read connection busy for a second or more.
    const longRead = reads
      .query(
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) AS k FROM n, case_index',
      )
      .then(() => (readDone = Date.now()));
    await new Promise((r) => setTimeout(r, 50));
    const kase = await c.open(convict('Быстров Запись'));
    await c.send(kase.id, { type: 'case.accepted' });
    const written = Date.now();
    await longRead;
    expect(written).toBeLessThan(readDone);
    expect(ids(await list({ q: 'Быстров' }))).toEqual([kase.id]);
  }, 60_000);
});
