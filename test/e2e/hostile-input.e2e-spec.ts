import type request from 'supertest';
import { USER_EVENT_TYPES } from '../../machines/catalogue';
import { MAX_TIYN } from '../../src/money/domain/money';
import { application, TENGE, victimClaim } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

/** Issue 7 item 7: hostile input gets a 400 naming the field and the rule, never a 500. */
describe('hostile input: names on Object.prototype, amounts too large to print', () => {
  let t: TestApp;
  let c: CaseClient;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterAll(() => t.close());

  const event = (id: string, body: object) => t.event(id, body);
  const fieldsAndRules = (res: request.Response) =>
    res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);

  it.each([
    'valueOf',
    'toString',
    '__proto__',
    'hasOwnProperty',
    'constructor',
    'isPrototypeOf',
    'propertyIsEnumerable',
    'toLocaleString',
  ])(
    'an event of type "%s" is refused with 400 type:isIn listing the allowed types; the case is unchanged',
    async (type) => {
      const kase = await c.open();
      const res = await event(kase.id, { type, claimId: kase.claims[0].id }).expect(400);
      expect(res.body.errors).toEqual([
        { field: 'type', rule: 'isIn', message: expect.stringContaining('допустимы:') },
      ]);
      for (const allowed of USER_EVENT_TYPES) expect(res.body.errors[0].message).toContain(allowed);
      expect((await c.get(kase.id)).version).toBe(kase.version);
    },
  );

  it('a role header of "constructor" is not read: the event is recorded as the signed-in mediator', async () => {
    const kase = await c.open();
    await event(kase.id, { type: 'case.accepted' }).set('X-Actor-Role', 'constructor').expect(200);
    expect((await c.history(kase.id)).at(-1)).toMatchObject({
      type: 'case.accepted',
      actor: { role: 'mediator', name: t.users.mediator.fullNameRu, userId: t.users.mediator.id },
    });
  });

  describe('amounts: at most 999 999 999 999,99 ₸ (MAX_TIYN), the most a document can write in words', () => {
    const tooLarge = MAX_TIYN + 1; // 10¹² ₸

    it.each([
      ['awarded', { claims: [victimClaim({ amountAwarded: tooLarge })] }, 'claims[0].amountAwarded:tiyn_max'],
      [
        'recovered',
        { claims: [victimClaim({ amountAwarded: 100, amountRecovered: tooLarge })] },
        'claims[0].amountRecovered:tiyn_max',
      ],
      [
        'awarded, far beyond (1e20)',
        { claims: [victimClaim({ amountAwarded: 1e20 })] },
        'claims[0].amountAwarded:tiyn_max',
      ],
    ])('a claim with %s ≥ 10¹² ₸ is refused naming the field', async (_what, overrides, expected) => {
      const res = await t.as('lawyer').post('/api/cases').send(application(overrides)).expect(400);
      expect(fieldsAndRules(res)).toEqual([expected]);
      expect(res.body.errors[0].message).toMatch(/999\s999\s999\s999,99/);
    });

    it('a claim of exactly the maximum is accepted, and its invitation prints the amount in both languages', async () => {
      const kase = await c.open({ claims: [victimClaim({ amountAwarded: MAX_TIYN })] });
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId });
      const words = { ru: 'девятьсот девяносто девять миллиардов', kk: 'тоғыз жүз тоқсан тоғыз миллиард' };
      for (const lang of ['ru', 'kk'] as const) {
        const res = await t
          .as('lawyer')
          .get(`/api/cases/${kase.id}/documents/invitation`)
          .query({ lang, format: 'html' })
          .expect(200);
        expect(res.text).toContain(words[lang]);
      }
    });

    it('every amount field of the events refuses it, naming the field', async () => {
      const kase = await c.open();
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      const instalments = { total: 100 * TENGE, monthly: 10 * TENGE, dayOfMonth: 10, startsMonthAfterRelease: true };
      const signed = { mediator: true, victim: true, convict: true };
      const cases: [object, string][] = [
        [{ type: 'contract.signed', claimId, contractDate: '2026-12-01', fee: tooLarge }, 'fee:tiyn_max'],
        [
          { type: 'agreement.signed', claimId, signedBy: signed, terms: { paidBeforeHearing: tooLarge, waived: 0 } },
          'terms.paidBeforeHearing:tiyn_max',
        ],
        [
          { type: 'agreement.signed', claimId, signedBy: signed, terms: { paidBeforeHearing: 0, waived: tooLarge } },
          'terms.waived:tiyn_max',
        ],
        [
          {
            type: 'agreement.signed',
            claimId,
            signedBy: signed,
            terms: { paidBeforeHearing: 0, waived: 0, instalments: { ...instalments, total: tooLarge } },
          },
          'terms.instalments.total:tiyn_max',
        ],
        [
          { type: 'agreement.amended', claimId, instalments: { ...instalments, monthly: tooLarge } },
          'instalments.monthly:tiyn_max',
        ],
        [
          {
            type: 'payment.recorded',
            claimId,
            amount: tooLarge,
            date: '2026-12-01',
            evidence: 'bank_transfer',
            reference: 'r-1',
          },
          'amount:tiyn_max',
        ],
      ];
      for (const [body, expected] of cases) {
        const res = await event(kase.id, body).expect(400);
        expect(fieldsAndRules(res)).toEqual([expected]);
      }
    });

    it('the schedule preview refuses it too', async () => {
      const res = await t
        .as('lawyer')
        .post('/api/schedules/preview')
        .send({ outstanding: tooLarge, monthly: 100, firstDueDate: '2027-01-10', dayOfMonth: 10 })
        .expect(400);
      expect(fieldsAndRules(res)).toEqual(['outstanding:tiyn_max']);
    });
  });

  it('an instalment day outside 1–31 is refused by one rule wherever terms are given', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const bad = { total: 100 * TENGE, monthly: 10 * TENGE, dayOfMonth: 32, startsMonthAfterRelease: true };
    const signed = await event(kase.id, {
      type: 'agreement.signed',
      claimId,
      signedBy: { mediator: true, victim: true, convict: true },
      terms: { paidBeforeHearing: 0, waived: 0, instalments: bad },
    }).expect(400);
    expect(fieldsAndRules(signed)).toEqual(['terms.instalments.dayOfMonth:day_of_month_range']);
    const amended = await event(kase.id, {
      type: 'agreement.amended',
      claimId,
      instalments: { ...bad, dayOfMonth: 0 },
    }).expect(400);
    expect(fieldsAndRules(amended)).toEqual(['instalments.dayOfMonth:day_of_month_range']);
    const preview = await t
      .as('lawyer')
      .post('/api/schedules/preview')
      .send({ outstanding: 100, monthly: 100, firstDueDate: '2027-01-10', dayOfMonth: 32 })
      .expect(400);
    expect(fieldsAndRules(preview)).toEqual(['dayOfMonth:day_of_month_range']);
  });
});
