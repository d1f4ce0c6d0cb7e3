/**
 * The lists of the workplace (issue 10): my work (GET /) for each role, soonest first, counts and filters; the
 * cases list with filters, spelling-tolerant search and paging; the court's cases; the officer's parolees.
 * Cases are built through the API; the fixed clock makes deadlines due.
 */
import { Authenticator, principalOf } from '../../src/auth/authenticator';
import { UsersService } from '../../src/auth/users.service';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { application, IIN, TENGE } from '../factories/case.factory';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { COURT_ID, POLICE_UNIT_ID, TEST_PASSWORD } from '../support/cast';
import { signInPage } from '../support/web';
import request from 'supertest';

const TODAY = '2026-12-01';
const TERMS = {
  paidBeforeHearing: 100_000 * TENGE,
  waived: 0,
  instalments: { total: 1_900_000 * TENGE, monthly: 50_000 * TENGE, dayOfMonth: 10, startsMonthAfterRelease: true },
};

/** The text of a page without tags, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00A0/g, ' ')
    .replace(/\s+/g, ' ');

/** The case numbers of a table's rows, in order. */
const unescape = (s: string) => s.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
const caseLinks = (html: string) => [...html.matchAll(/<a href="\/cases\/([0-9a-f-]{36})">/g)].map((m) => m[1]);
/** The action links of my work, in order. */
const actions = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)" class="work-action">/g)].map((m) => unescape(m[1]));

describe('web: my work, cases, court, supervision', () => {
  let t: TestApp;
  let c: CaseClient;
  const at = (date: string) => t.clock.set(`${date}T10:00:00+05:00`);
  const sweep = () => t.app.get(DeadlineSweeper).sweep();
  const ids: Record<string, { id: string; claimId: string; number: string }> = {};

  const open = async (name: string, convict: string, overrides: Record<string, unknown> = {}) => {
    const base = application();
    const kase = await c.open({ convict: { ...base.convict, fullName: convict }, ...overrides });
    ids[name] = { id: kase.id, claimId: kase.claims[0].id, number: kase.number };
    return ids[name];
  };
  const agreed = async (name: string, convict: string) => {
    const k = await open(name, convict);
    await c.send(k.id, { type: 'case.accepted' });
    await c.mediateToAgreement(k.id, k.claimId, TERMS, TODAY);
    return k;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: `${TODAY}T10:00:00+05:00` });
    c = new CaseClient(t);
    // applied, eligible in about six weeks (term from 2023: 2/3 of 6 years of a grave crime)
    const base = application();
    await open('approaching', 'Оспанов Марат Кайратович', {
      sentence: { ...base.sentence, date: '2023-12-15', startDate: '2023-12-20' },
    });
    const invited = await open('invited', 'Жұмабеков Ерлан Серікұлы');
    await c.send(invited.id, { type: 'case.accepted' });
    await c.send(invited.id, { type: 'invitation.sent', claimId: invited.claimId });
    const negotiating = await open('negotiating', 'Ахметов Данияр Болатұлы');
    await c.send(negotiating.id, { type: 'case.accepted' });
    await c.startNegotiation(negotiating.id, negotiating.claimId, TODAY);
    await agreed('ready', 'Нұрланов Асқар Ерболұлы');
    const petition = await agreed('petition', 'Петров Иван Сергеевич');
    await c.send(petition.id, { type: 'petition.filed', courtId: COURT_ID });
    const hearing = await agreed('hearing', 'Иванов Олег Петрович');
    await c.send(hearing.id, { type: 'petition.filed', courtId: COURT_ID });
    await c.send(hearing.id, { type: 'hearing.scheduled', hearingDate: '2026-12-20' });
    const released = await agreed('released', 'Серіков Болат Нұрланұлы');
    await c.send(released.id, {
      type: 'payment.recorded',
      claimId: released.claimId,
      amount: 100_000 * TENGE,
      date: TODAY,
      evidence: 'bank_transfer',
      reference: 'П-1',
    });
    await c.send(released.id, { type: 'petition.filed', courtId: COURT_ID });
    await c.send(released.id, { type: 'hearing.scheduled', hearingDate: TODAY });
    await c.send(released.id, { type: 'court.decided', decision: 'parole', decisionDate: TODAY });
    await c.send(released.id, { type: 'convict.released', releaseDate: TODAY, supervisionUnitId: POLICE_UNIT_ID });
  });
  afterAll(() => t.close());

  /** The case names of the action links, in order. */
  const names = (html: string) => {
    const byId = new Map(Object.entries(ids).map(([name, k]) => [k.id, name]));
    return actions(html).map((href) => byId.get(href.split('/')[2]) ?? href);
  };

  it("the lawyer's work: every kind on his cases, soonest first, counts per kind, each line to the case", async () => {
    at(TODAY);
    const page = await signInPage(t, 'lawyer', 'en');
    const all = await page.get('/?within=all');
    expect(all.status).toBe(200);
    // ready: the petition can be filed (eligible since 2025); invited: reply window ends 11 Dec; approaching:
    // eligible 20 Dec; hearing on 20 Dec (the same day: the older case first); negotiating: term ends 31 Dec; released: first instalment 11 Jan 2027
    expect(names(all.text)).toEqual(['ready', 'invited', 'approaching', 'hearing', 'negotiating', 'released']);
    const text = textOf(all.text);
    expect(text).toContain('Everything 6');
    expect(text).toContain('Victims&#x27; reply windows 1');
    expect(text).toContain('Petition dates 2');
    expect(text).toContain('Instalments 1');
    expect(text).toContain('11 December 2026 in 10 days');
    expect(text).toContain(`${ids.invited.number} Жұмабеков Ерлан Серікұлы mediation under way`);
    expect(text).toContain('Ахметова Гүлнар Серікқызы: the reply window for the invitation ends');
    expect(text).toContain('instalment no. 1, 50 000,00 ₸');
    // the lawyer files the petition of a case ready for court; other steps are not his: the case, the claim
    expect(actions(all.text)).toEqual([
      `/cases/${ids.ready.id}/steps/petition.filed`,
      `/cases/${ids.invited.id}`,
      `/cases/${ids.approaching.id}`,
      `/cases/${ids.hearing.id}`,
      `/cases/${ids.negotiating.id}`,
      `/cases/${ids.released.id}/claims/${ids.released.claimId}`,
    ]);
    // within 30 days (the default): the instalment in 41 days is not yet there
    expect(names((await page.get('/')).text)).toEqual(['ready', 'invited', 'approaching', 'hearing', 'negotiating']);
    expect(names((await page.get('/?within=7')).text)).toEqual(['ready']);
    expect(names((await page.get('/?kind=reply&within=all')).text)).toEqual(['invited']);
    expect(names((await page.get('/?kind=eligibility')).text)).toEqual(['ready', 'approaching']);
    const filtered = await page.get('/?kind=term&within=90');
    expect(filtered.text).toMatch(/<option value="term" selected>/);
    expect(filtered.text).toMatch(/<option value="90" selected>/);
    expect(names((await page.get('/?overdue=1&within=all')).text)).toEqual(['ready']);
    // a value that is no choice: 400, the defaults, and why
    const bad = await page.get('/?kind=everything&within=12');
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('A filter value was not valid');
    expect(names(bad.text)).toEqual(['ready', 'invited', 'approaching', 'hearing', 'negotiating']);
  });

  it("the mediator's work opens the step to take: the victim's reply, the agreement", async () => {
    at(TODAY);
    const page = await signInPage(t, 'mediator', 'ru');
    const res = await page.get('/?within=all');
    expect(res.status).toBe(200);
    expect(names(res.text)).toEqual(['ready', 'invited', 'approaching', 'hearing', 'negotiating', 'released']);
    expect(actions(res.text)).toContain(
      `/cases/${ids.invited.id}/steps/invitation.accepted?claim=${ids.invited.claimId}`,
    );
    expect(actions(res.text)).toContain(
      `/cases/${ids.negotiating.id}/steps/agreement.signed?claim=${ids.negotiating.claimId}`,
    );
    expect(actions(res.text)).toContain(`/cases/${ids.ready.id}`); // the petition is the lawyer's
    const text = textOf(res.text);
    expect(text).toContain('Моя работа');
    expect(text).toContain('11 декабря 2026');
    expect(text).toContain('истекает срок ответа на приглашение');
    expect(text).toContain('идёт медиация');
  });

  it("the court's work: petitions to schedule and hearings of its court, nothing else", async () => {
    at(TODAY);
    const page = await signInPage(t, 'court', 'kk');
    const res = await page.get('/?within=all');
    expect(res.status).toBe(200);
    expect(names(res.text)).toEqual(['petition', 'hearing']);
    expect(actions(res.text)).toEqual([
      `/cases/${ids.petition.id}/steps/hearing.scheduled`,
      `/cases/${ids.hearing.id}/steps/court.decided`,
    ]);
    const text = textOf(res.text);
    expect(text).toContain('Менің жұмысым');
    expect(text).toContain('Өтінішхат берілді: сот отырысын тағайындаңыз');
    // the court's page: both cases, the hearing date, the packet in both languages, the documents
    const court = await page.get('/court');
    expect(court.status).toBe(200);
    expect(caseLinks(court.text)).toEqual([ids.petition.id, ids.hearing.id]);
    expect(court.text).toContain(`/api/cases/${ids.hearing.id}/court-packet?lang=kk`);
    expect(court.text).toContain(`/api/cases/${ids.hearing.id}/court-packet?lang=ru`);
    expect(court.text).toContain(`/cases/${ids.hearing.id}/documents`);
    expect(textOf(court.text)).toContain('2026 ж. 20 желтоқсан');
    expect(textOf(court.text)).toContain('тағайындалмаған');
  });

  it("another lawyer's case is never in the lawyer's lists; its mediator sees it", async () => {
    at(TODAY);
    const users = t.app.get(UsersService);
    const other = await users.create(
      { login: 'lists.lawyer2', password: TEST_PASSWORD, role: 'lawyer', fullNameRu: 'Сергеев Олег Иванович' },
      { principal: null, address: null },
    );
    const { token } = await t.app
      .get(Authenticator)
      .createToken(principalOf((await users.findById(other.id))!, 'token', 'setup'), { name: 'tests' }, null);
    const base = application();
    const res = await request(t.http)
      .post('/api/cases')
      .set('Authorization', `Bearer ${token}`)
      .send(
        application({
          mediatorUserId: t.users.mediator.id,
          convict: { ...base.convict, fullName: 'Чужойев Тимур Аскарович' },
        }),
      )
      .expect(201);
    ids.foreign = { id: res.body.id, claimId: res.body.claims[0].id, number: res.body.number };
    await c.send(ids.foreign.id, { type: 'case.accepted' });
    await c.send(ids.foreign.id, { type: 'invitation.sent', claimId: ids.foreign.claimId });
    const lawyer = await signInPage(t, 'lawyer');
    for (const url of ['/?within=all', '/cases', '/cases?q=Чужойев', `/cases?q=${IIN.convict}`]) {
      const page = await lawyer.get(url);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain(ids.foreign.id);
      if (!url.includes('q=')) expect(page.text).not.toContain('Чужойев');
    }
    const mediator = await signInPage(t, 'mediator');
    expect(names((await mediator.get('/?kind=reply')).text)).toEqual(['invited', 'foreign']); // the same day: the older case first
    expect(caseLinks((await mediator.get('/cases?q=Чужойев')).text)).toEqual([ids.foreign.id]);
  });

  it('cases: filters by state, claim state, court, next deadline; search in Kazakh or Russian spelling, by ИИН', async () => {
    at(TODAY);
    const page = await signInPage(t, 'lawyer', 'en');
    const list = async (query: string) => {
      const res = await page.get(`/cases${query}`);
      expect(res.status).toBe(200);
      return res;
    };
    const first = await list('');
    expect(caseLinks(first.text)).toHaveLength(7);
    expect(textOf(first.text)).toContain('Found: 7');
    expect(textOf(first.text)).toContain(
      `${ids.hearing.number} Иванов Олег Петрович court hearing scheduled 17 December 2026 1`,
    );
    expect(caseLinks((await list('?state=mediation')).text)).toEqual([ids.negotiating.id, ids.invited.id]);
    expect(caseLinks((await list('?claimState=negotiating')).text)).toEqual([ids.negotiating.id]);
    expect(caseLinks((await list('?claimState=awaitingPayment&state=hearingScheduled')).text)).toEqual([
      ids.hearing.id,
    ]);
    expect(caseLinks((await list('?deadlineBefore=2026-12-15')).text)).toEqual([ids.invited.id]);
    expect(caseLinks((await list('?deadlineBefore=18.12.2026')).text)).toEqual([ids.hearing.id, ids.invited.id]);
    expect(
      caseLinks((await list(`?court=${encodeURIComponent('усть-каменогорский ГОРОДСКОЙ суд')}`)).text),
    ).toHaveLength(7);
    expect(caseLinks((await list(`?court=${encodeURIComponent('Алматинский суд')}`)).text)).toEqual([]);
    expect(caseLinks((await list(`?mediator=${encodeURIComponent('абенова гульнара сериковна')}`)).text)).toHaveLength(
      7,
    );
    // «Жумабеков» typed the Russian way finds «Жұмабеков»; «Нурланов» finds «Нұрланов»
    expect(caseLinks((await list(`?q=${encodeURIComponent('Жумабеков')}`)).text)).toEqual([ids.invited.id]);
    expect(caseLinks((await list(`?q=${encodeURIComponent('нурланов аскар')}`)).text)).toEqual([ids.ready.id]);
    expect(caseLinks((await list(`?q=${encodeURIComponent(ids.hearing.number)}`)).text)).toEqual([ids.hearing.id]);
    expect(caseLinks((await list(`?q=${IIN.convict}`)).text)).toHaveLength(7);
    // the form shows back what was asked
    const shown = await list(`?q=${encodeURIComponent('Жумабеков')}&state=mediation&arrears=1`);
    expect(shown.text).toContain('value="Жумабеков"');
    expect(shown.text).toMatch(/<option value="mediation" selected>/);
    expect(shown.text).toMatch(/name="arrears" value="1" checked/);
    // bad input: 400, the reason at the field, in the reader's language
    const bad = await page.get('/cases?deadlineBefore=31.02.2026&state=sleeping');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="f-deadline-error">Enter a date as DD.MM.YYYY/);
    expect(bad.text).toMatch(/id="f-state-error">Choose from the list/);
    const cursor = await page.get('/cases?cursor=nonsense');
    expect(cursor.status).toBe(400);
    expect(textOf(cursor.text)).toContain('The page link is out of date');
  });

  it('cases: the next page by cursor, no case twice, and back to the first page', async () => {
    at(TODAY);
    for (let i = 0; i < 20; i++) await open(`extra${i}`, `Есенов Қайрат ${i}`);
    const page = await signInPage(t, 'lawyer', 'ru');
    const one = await page.get('/cases');
    const p1 = caseLinks(one.text);
    expect(p1).toHaveLength(25);
    expect(textOf(one.text)).toContain('Найдено: 27');
    const next = unescape(/<a href="([^"]+)" rel="next">/.exec(one.text)![1]);
    expect(next).toMatch(/^\/cases\?cursor=/);
    const two = await page.get(next);
    const p2 = caseLinks(two.text);
    expect(p2).toHaveLength(2);
    expect(new Set([...p1, ...p2]).size).toBe(27);
    expect(two.text).not.toContain('rel="next"');
    expect(two.text).toContain('href="/cases">Первая страница');
    // filters travel with the cursor
    const filtered = await page.get(`/cases?q=${encodeURIComponent('Есенов')}`);
    expect(caseLinks(filtered.text)).toHaveLength(20);
    expect(filtered.text).not.toContain('rel="next"');
  });

  it("the officer's work and parolees: the instalment due, then the arrears once it is overdue", async () => {
    at(TODAY);
    const page = await signInPage(t, 'officer', 'en');
    expect(names((await page.get('/?within=all')).text)).toEqual(['released']);
    expect(actions((await page.get('/?within=all')).text)).toEqual([
      `/cases/${ids.released.id}/claims/${ids.released.claimId}`,
    ]);
    const before = await page.get('/supervision');
    expect(before.status).toBe(200);
    expect(textOf(before.text)).toContain('no arrears');
    expect(textOf(before.text)).toContain('11 January 2027');
    // the first instalment (11 January) unpaid past the grace period: arrears
    at('2027-02-11');
    await sweep();
    expect((await c.get(ids.released.id)).claims[0].restitution).toBe('inArrears');
    const again = await signInPage(t, 'officer', 'en'); // two months on: the session of December has ended
    const work = await again.get('/');
    // the arrears first, then the next instalment
    expect(names(work.text)).toEqual(['released', 'released']);
    expect(work.text.indexOf('work-arrears')).toBeLessThan(work.text.indexOf('work-instalment'));
    const text = textOf(work.text);
    expect(text).toContain('Arrears 1');
    expect(text).toContain('50 000,00 ₸ overdue; missed without good reason: 1');
    expect(text).toContain('11 January 2027');
    const after = textOf((await again.get('/supervision')).text);
    expect(after).toContain('50 000,00 ₸ overdue since 11 January 2027');
    expect(after).toContain('Серіков Болат Нұрланұлы');
    // the lawyer and the mediator see the arrears too; the court does not (not its work)
    const lawyer = await signInPage(t, 'lawyer');
    expect(names((await lawyer.get('/?kind=arrears')).text)).toEqual(['released']);
    const court = await signInPage(t, 'court');
    expect((await court.get('/?kind=arrears')).status).toBe(400);
  });
});
