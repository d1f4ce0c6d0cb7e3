import type request from 'supertest';
import { WorkflowRepository } from '../../src/workflow/workflow.repository';
import { replayHistory } from '../../src/cases/domain/replay';
import { CaseEntity } from '../../src/workflow/entities/case.entity';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { procedureDeps } from '../../src/workflow/procedure-deps';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { application, TENGE } from '../factories/case.factory';

/** Bad input never crashes and never loses data; an event out of place is refused with the allowed ones. */
describe('bad input, conflicts and faults', () => {
  let t: TestApp;
  let c: CaseClient;

  beforeEach(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterEach(() => t.close());

  const post = (body: unknown) =>
    t
      .as('lawyer')
      .post('/api/cases')
      .send(body as object);
  const rules = (res: request.Response) => res.body.errors.map((e: any) => `${e.field}:${e.rule}`);

  it.each([
    [
      'an invalid ИИН checksum',
      { convict: { ...application().convict, iin: '900101300018' } },
      'convict.iin:iin_checksum',
    ],
    [
      'an invalid БИН',
      {
        claims: [
          {
            victim: { type: 'legal_entity', fullName: 'ТОО', bin: '150340001237' },
            amountAwarded: 100,
            amountRecovered: 0,
          },
        ],
      },
      'claims[0].victim.bin:bin_checksum',
    ],
    [
      'a negative amount',
      { claims: [{ ...application().claims[0], amountRecovered: -1 }] },
      'claims[0].amountRecovered:tiyn_integer',
    ],
    [
      'fractional tiyn',
      { claims: [{ ...application().claims[0], amountAwarded: 100.5 }] },
      'claims[0].amountAwarded:tiyn_positive',
    ],
    [
      'an amount as a string',
      { claims: [{ ...application().claims[0], amountAwarded: '2000000' }] },
      'claims[0].amountAwarded:tiyn_positive',
    ],
    [
      'a sentence starting in the future',
      { sentence: { ...application().sentence, startDate: '2027-01-01' } },
      'sentence.startDate:not_in_future',
    ],
    ['an impossible date', { sentence: { ...application().sentence, date: '2022-02-30' } }, 'sentence.date:local_date'],
    [
      'an unknown gravity category',
      { sentence: { ...application().sentence, gravity: 'terrible' } },
      'sentence.gravity:isIn',
    ],
    [
      'a term of zero',
      { sentence: { ...application().sentence, term: { years: 0, months: 0, days: 0 } } },
      'sentence.term:term_positive',
    ],
    [
      'recovered above awarded',
      { claims: [{ ...application().claims[0], amountRecovered: 3_000_000 * TENGE }] },
      'claims[0].amountRecovered:not_above_awarded',
    ],
    ['no claims', { claims: [] }, 'claims:arrayMinSize'],
    [
      'birth date not matching ИИН',
      { convict: { ...application().convict, birthDate: '1991-01-01' } },
      'convict.birthDate:matches_iin',
    ],
  ])('refuses %s with 400 naming the field and rule', async (_what, override, expected) => {
    const res = await post(application(override as Record<string, unknown>)).expect(400);
    expect(rules(res)).toContain(expected);
    expect(res.body.errors[0].message).toMatch(/[а-яА-Я]/); // in the user's language
    const list = await t.as('lawyer').get('/api/cases').expect(200);
    expect(list.body.total).toBe(0);
  });

  it('refuses unknown fields and malformed JSON', async () => {
    const res = await post({ ...application(), secretField: 1 }).expect(400);
    expect(rules(res)).toContain('secretField:unknown_field');
    const bad = await t
      .as('lawyer')
      .post('/api/cases')
      .set('Content-Type', 'application/json')
      .send('{"procedure":')
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body', rule: 'json' });
  });

  it('refuses an event not allowed in the current state with 409 and the allowed events; nothing is written', async () => {
    const kase = await c.open();
    const res = await t.event(kase.id, { type: 'petition.filed' }).expect(409);
    expect(res.body).toMatchObject({ error: 'event_not_allowed', state: 'applied', caseState: 'applied' });
    expect(res.body.message).toBe(
      'Событие «petition.filed» сейчас недопустимо: заявление подано, медиатор не принял решение',
    );
    expect(res.body.allowed).toEqual(expect.arrayContaining(['case.accepted', 'case.declined']));
    expect((await c.get(kase.id)).version).toBe(1);
    expect(await c.history(kase.id)).toHaveLength(1);
    // A claim event: the claim's state as data, beside the case's.
    await c.send(kase.id, { type: 'case.accepted' });
    const claimId = kase.claims[0].id;
    const onClaim = await t.event(kase.id, { type: 'invitation.accepted', claimId }).expect(409);
    expect(onClaim.body).toMatchObject({
      error: 'event_not_allowed',
      state: `mediation (claim ${claimId}: pending)`,
      caseState: 'mediation',
      claimId,
      claimState: { mediation: 'pending', restitution: null },
      allowed: ['case.withdrawn', 'invitation.sent'],
    });
    expect(onClaim.body.message).toBe(
      'Событие «invitation.accepted» сейчас недопустимо: идёт медиация; по этому требованию: потерпевший ещё не приглашён',
    );
  });

  it('refuses bad event payloads with 400 naming the field and rule', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'no.such.event' }, 'type:isIn'],
      [{ type: 'invitation.expired', claimId }, 'type:system_event'],
      [{ type: 'invitation.sent', claimId, replyDays: 'ten' }, 'replyDays:isInt'],
      [{ type: 'invitation.sent', claimId, colour: 'red' }, 'colour:unknown_field'],
      [{ type: 'invitation.sent', claimId: 'abc' }, 'claimId:isUuid'],
    ];
    for (const [body, expected] of cases) {
      const res = await t.event(kase.id, body).expect(400);
      expect(rules(res)).toContain(expected);
    }
    const unknownClaim = await t
      .event(kase.id, { type: 'invitation.sent', claimId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknownClaim.body.errors[0].field).toBe('claimId');
    expect((await c.get(kase.id)).version).toBe(2);
  });

  it('refuses a payment dated before the agreement, in the future, or beyond the balance', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(kase.id, claimId, { paidBeforeHearing: 2_000_000 * TENGE, waived: 0 }, '2026-12-01');
    const pay = (amount: number, date: string, reference: string) =>
      t.event(kase.id, { type: 'payment.recorded', claimId, amount, date, evidence: 'bank_transfer', reference });
    expect(rules(await pay(100, '2026-11-30', 'A').expect(400))).toContain('date:payment_before_agreement');
    expect(rules(await pay(100, '2026-12-02', 'B').expect(400))).toContain('date:not_in_future');
    expect(rules(await pay(2_000_001 * TENGE, '2026-12-01', 'C').expect(400))[0]).toMatch(/overpayment/);
    const before = await c.get(kase.id);
    await pay(500_000 * TENGE, '2026-12-01', 'D').expect(200);
    const again = await pay(500_000 * TENGE, '2026-12-01', 'D').expect(200); // same reference: recorded once
    expect(again.body.version).toBe(before.version + 1);
  });

  it('refuses at signing an instalment schedule longer than 50 years, also when it starts after release', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.startNegotiation(kase.id, claimId, '2026-12-01');
    for (const start of [{ firstDueDate: '2027-01-10' }, { startsMonthAfterRelease: true }]) {
      const res = await t
        .event(kase.id, {
          type: 'agreement.signed',
          claimId,
          signedBy: { mediator: true, victim: true, convict: true },
          terms: {
            paidBeforeHearing: 0,
            waived: 0,
            instalments: { total: 2_000_000 * TENGE, monthly: 100 * TENGE, dayOfMonth: 10, ...start },
          },
        })
        .expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'instalments', rule: 'schedule_invalid' });
      expect(res.body.errors[0].message).toContain('20000 мес.');
    }
    const unsigned = await t
      .event(kase.id, {
        type: 'agreement.signed',
        claimId,
        signedBy: { mediator: false, victim: true, convict: true },
        terms: { paidBeforeHearing: 2_000_000 * TENGE, waived: 0 },
      })
      .expect(400);
    expect(unsigned.body.errors[0].rule).toBe('mediator_signature_required');
    const early = await t
      .event(kase.id, {
        type: 'agreement.signed',
        claimId,
        signedBy: { mediator: true, victim: true, convict: true },
        terms: { paidBeforeHearing: 2_000_000 * TENGE, paidBeforeHearingBy: '2026-11-30', waived: 0 },
      })
      .expect(400);
    expect(early.body.errors[0]).toMatchObject({
      field: 'terms.paidBeforeHearingBy',
      rule: 'pre_hearing_date_invalid',
    });
    expect((await c.get(kase.id)).claims[0].state).toBe('negotiating');
  });

  it('a case filed without a mediator waits for the lawyer to address one, who accepts under his account', async () => {
    const kase = await c.open({ mediator: undefined, mediatorUserId: undefined });
    // No mediator sees it: for the cast's mediator it does not exist.
    await t.event(kase.id, { type: 'case.accepted' }).expect(404);
    await c.send(kase.id, { type: 'mediator.assigned', mediatorUserId: t.users.mediator.id }, { role: 'lawyer' });
    const accepted = await c.send(kase.id, { type: 'case.accepted' });
    // Every document names the mediator (ЗМед ст. 21, 27): his name and register entry come from his account.
    expect(accepted.mediator).toMatchObject({
      fullName: t.users.mediator.fullNameRu,
      registry: t.users.mediator.registerNumber,
    });
    const history = await c.history(kase.id);
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'case.applied',
      'mediator.assigned',
      'case.accepted',
    ]);
  });

  it('compare-and-set: a stale expectedVersion is refused with 409 and the current version', async () => {
    const kase = await c.open();
    await c.send(kase.id, { type: 'case.accepted', expectedVersion: 1 });
    const res = await t.event(kase.id, { type: 'case.declined', reason: 'x', expectedVersion: 1 }).expect(409);
    expect(res.body).toEqual(expect.objectContaining({ error: 'version_conflict', currentVersion: 2 }));
  });

  it('a crash in the middle of writing leaves the case exactly as before', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const repo = t.app.get(WorkflowRepository);
    const spy = jest.spyOn(repo, 'syncDeadlines').mockRejectedValueOnce(new Error('disk gone'));
    await t.event(kase.id, { type: 'invitation.sent', claimId }).expect(500);
    spy.mockRestore();
    const after = await c.get(kase.id);
    expect(after.version).toBe(2);
    expect(after.claims[0].state).toBe('pending');
    expect(after.deadlines).toEqual([]);
    expect(await c.history(kase.id)).toHaveLength(2);
    const ok = await c.send(kase.id, { type: 'invitation.sent', claimId });
    expect(ok.version).toBe(3);
  });

  it('confidential notes never appear in the history or the case', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.startNegotiation(kase.id, claimId, '2026-12-01');
    await c.send(kase.id, { type: 'session.held', claimId, notes: 'SENTINEL-CONFIDENTIAL-7731 признал вину' });
    const everything = JSON.stringify([
      await c.get(kase.id),
      await c.history(kase.id),
      (await t.as('lawyer').get('/api/cases')).body,
    ]);
    expect(everything).not.toContain('SENTINEL-CONFIDENTIAL-7731');
    const stored = await t.app.get(DataSource).query('SELECT notes FROM confidential_notes');
    expect(stored).toEqual([{ notes: 'SENTINEL-CONFIDENTIAL-7731 признал вину' }]);
  });

  it('the history alone rebuilds the case by replay', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 500_000 * TENGE,
        waived: 0,
        instalments: {
          total: 1_500_000 * TENGE,
          monthly: 100_000 * TENGE,
          startsMonthAfterRelease: true,
          dayOfMonth: 31,
        },
      },
      '2026-12-01',
    );
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 500_000 * TENGE,
      date: '2026-12-01',
      evidence: 'bank_transfer',
      reference: 'P0',
    });
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    await c.send(kase.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    c.setDate(t, '2027-03-15');
    await t.app.get(DeadlineSweeper).sweep();
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 150_000 * TENGE,
      date: '2027-03-15',
      evidence: 'bank_transfer',
      reference: 'P1',
    });
    const db = t.app.get(DataSource);
    const entity = await db.getRepository(CaseEntity).findOneByOrFail({ id: kase.id });
    const events = await db.query(
      'SELECT seq, type, claim_id AS "claimId", actor_role AS "actorRole", event_date AS "eventDate", payload FROM case_events WHERE case_id = ? ORDER BY seq',
      [kase.id],
    );
    const rebuilt = replayHistory(
      entity.application,
      events.map((e: any) => ({ ...e, payload: JSON.parse(e.payload) })),
      procedureDeps(),
    );
    expect(rebuilt).toEqual(entity.snapshot);
    expect(events.length).toBe(entity.version);
  });
});
