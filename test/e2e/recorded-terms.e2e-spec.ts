import { application, TENGE } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

/**
 * The documents print what the case recorded — the contract's fee, language and ways of meeting (ЗМед 21),
 * who refused (ЗМед 26 п. 4), how the agreement is paid (ЗМед 27 п. 2), the mediator's contacts — and what
 * was not recorded is worded as not recorded. Bad values are refused with the field and the rule.
 */

const VICTIM = 'Ахметова Гүлнар Серікқызы';
const CONVICT = 'Серіков Болат Нұрланұлы';
const IBAN = 'KZ86125KZT5004100100';
const MEDIATOR = { ...application().mediator, phone: '+7 777 000 11 22', email: 'kassymova@mediators.kz' };

describe('recorded terms in the documents, over HTTP', () => {
  let t: TestApp;
  let c: CaseClient;
  const html = async (id: string, kind: string, lang: 'kk' | 'ru') => {
    const res = await t.as('lawyer').get(`/api/cases/${id}/documents/${kind}`).query({ lang, format: 'html' });
    if (res.status !== 200) throw new Error(`${kind} ${lang} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.text;
  };
  /** Errors of a refused event: 400 with { field, rule, message }. */
  const refused = async (id: string, event: Record<string, unknown>) => {
    const res = await t.event(id, event).expect(400);
    return res.body.errors as { field: string; rule: string; message: string }[];
  };

  /** Accepted with a mediator who gave his phone and e-mail; the victim invited and agreed. */
  async function invitedCase() {
    const kase = await c.open({ mediator: MEDIATOR });
    const claimId = kase.claims[0].id as string;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId });
    await c.send(kase.id, { type: 'invitation.accepted', claimId });
    return { id: kase.id as string, claimId };
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterAll(() => t.close());
  beforeEach(() => c.setDate(t, '2026-12-01'));

  describe('the mediation contract', () => {
    it('prints the recorded fee in figures and words, the language, the ways of meeting and the mediator’s contacts', async () => {
      const { id, claimId } = await invitedCase();
      await c.send(id, {
        type: 'contract.signed',
        claimId,
        contractDate: '2026-12-01',
        fee: 45_000 * TENGE,
        language: 'kk',
        meetingForms: ['video', 'phone'],
      });
      const ru = await html(id, 'mediation-contract', 'ru');
      expect(ru).toContain('Вознаграждение Медиатора составляет 45\u00A0000 (сорок пять тысяч) тенге 00 тиын');
      expect(ru).toContain('Медиация проводится на казахском языке.');
      expect(ru).toContain('Встречи проводятся по видеосвязи, по телефону;');
      const kk = await html(id, 'mediation-contract', 'kk');
      expect(kk).toContain('Медиатордың сыйақысы 45\u00A0000 (қырық бес мың) теңге 00 тиын құрайды');
      expect(kk).toContain('Медиация қазақ тілінде жүргізіледі.');
      expect(kk).toContain('Кездесулер бейнебайланыс арқылы, телефон арқылы өткізіледі;');
      for (const doc of [ru, kk]) {
        expect(doc).toContain(MEDIATOR.phone);
        expect(doc).toContain(MEDIATOR.email);
      }
    });

    it('fee 0 → free of charge; the language recorded as ru is printed in the kk contract too', async () => {
      const { id, claimId } = await invitedCase();
      await c.send(id, { type: 'contract.signed', claimId, contractDate: '2026-12-01', fee: 0, language: 'ru' });
      const ru = await html(id, 'mediation-contract', 'ru');
      expect(ru).toContain('Медиатор проводит медиацию без вознаграждения.');
      expect(ru).toContain('Медиация проводится на русском языке.');
      const kk = await html(id, 'mediation-contract', 'kk');
      expect(kk).toContain('Медиатор медиацияны сыйақысыз жүргізеді.');
      expect(kk).toContain('Медиация орыс тілінде жүргізіледі.');
    });

    it('nothing recorded: the fee is agreed separately in writing, the language is left blank — never "free"', async () => {
      const { id, claimId } = await invitedCase();
      await c.send(id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
      const ru = await html(id, 'mediation-contract', 'ru');
      expect(ru).not.toContain('без вознаграждения');
      expect(ru).toContain('определяются отдельным письменным соглашением Сторон с Медиатором');
      expect(ru).toContain('Медиация проводится на ______________________ языке');
      expect(ru).toContain('очно, по видеосвязи или по телефону — по согласованию Сторон с Медиатором');
      const kk = await html(id, 'mediation-contract', 'kk');
      expect(kk).not.toContain('сыйақысыз');
      expect(kk).toContain('жеке жазбаша келісімімен айқындалады');
    });

    it('the contract.signed history keeps what was recorded', async () => {
      const { id, claimId } = await invitedCase();
      await c.send(id, {
        type: 'contract.signed',
        claimId,
        contractDate: '2026-12-01',
        fee: 10_000 * TENGE,
        language: 'ru',
        meetingForms: ['in_person'],
      });
      const signed = (await c.history(id)).find((e) => e.type === 'contract.signed');
      expect(signed.payload).toMatchObject({ fee: 10_000 * TENGE, language: 'ru', meetingForms: ['in_person'] });
    });
  });

  it('the termination notice for a refusal of one party names the party', async () => {
    const { id, claimId } = await invitedCase();
    await c.send(id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
    await c.send(id, { type: 'mediation.terminated', claimId, reason: 'refusal_of_party', party: 'victim' });
    const ru = await html(id, 'termination-notice', 'ru');
    expect(ru).toContain('письменным отказом одной из Сторон');
    expect(ru).toContain(`<tr><th>Отказалась сторона</th><td>Потерпевший (гражданский истец) — ${VICTIM}</td></tr>`);
    const kk = await html(id, 'termination-notice', 'kk');
    expect(kk).toContain(`<tr><th>Бас тартқан тарап</th><td>Жәбірленуші (азаматтық талапкер) — ${VICTIM}</td></tr>`);

    const other = await invitedCase();
    await c.send(other.id, { type: 'contract.signed', claimId: other.claimId, contractDate: '2026-12-01' });
    await c.send(other.id, {
      type: 'mediation.terminated',
      claimId: other.claimId,
      reason: 'refusal_of_party',
      party: 'convict',
    });
    expect(await html(other.id, 'termination-notice', 'ru')).toContain(`Осуждённый — ${CONVICT}`);
  });

  describe('the agreement', () => {
    const signedBy = { mediator: true, victim: true, convict: true };

    it('prints the victim’s IBAN and bank, and the proof that goes with a bank transfer', async () => {
      const { id, claimId } = await invitedCase();
      await c.send(id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
      const terms = {
        paidBeforeHearing: 2_000_000 * TENGE,
        paidBeforeHearingBy: '2026-12-20',
        waived: 0,
        paymentDetails: { method: 'bank_transfer', account: IBAN, bank: 'АО «Halyk Bank»' },
      };
      await c.send(id, { type: 'agreement.signed', claimId, signedBy, terms });
      const ru = await html(id, 'agreement', 'ru');
      expect(ru).toContain(
        `Платежи вносятся банковским переводом на счёт Потерпевшего ${IBAN} в АО «Halyk Bank». Платёж подтверждается платёжным документом банка.`,
      );
      const kk = await html(id, 'agreement', 'kk');
      expect(kk).toContain(`Жәбірленушінің ${IBAN} шотына (АО «Halyk Bank») жүргізіледі`);
    });

    it('cash against the victim’s receipt; without payment details the old wording stays', async () => {
      const cash = await invitedCase();
      await c.send(cash.id, { type: 'contract.signed', claimId: cash.claimId, contractDate: '2026-12-01' });
      await c.send(cash.id, {
        type: 'agreement.signed',
        claimId: cash.claimId,
        signedBy,
        terms: { paidBeforeHearing: 2_000_000 * TENGE, waived: 0, paymentDetails: { method: 'cash_receipt' } },
      });
      expect(await html(cash.id, 'agreement', 'ru')).toContain(
        'Платежи вносятся наличными под расписку Потерпевшего. Платёж подтверждается распиской Потерпевшего',
      );

      const plain = await invitedCase();
      await c.send(plain.id, { type: 'contract.signed', claimId: plain.claimId, contractDate: '2026-12-01' });
      await c.send(plain.id, {
        type: 'agreement.signed',
        claimId: plain.claimId,
        signedBy,
        terms: { paidBeforeHearing: 2_000_000 * TENGE, waived: 0 },
      });
      expect(await html(plain.id, 'agreement', 'ru')).toContain(
        'Платежи вносятся банковским переводом. Платёж подтверждается платёжным документом банка, распиской Потерпевшего или справкой судебного исполнителя',
      );
    });
  });

  describe('bad values → 400 naming the field and the rule', () => {
    it('contract: a fractional fee, an unknown language, a repeated meeting form', async () => {
      const { id, claimId } = await invitedCase();
      const contract = { type: 'contract.signed', claimId, contractDate: '2026-12-01' };
      expect(await refused(id, { ...contract, fee: 100.5 })).toEqual([
        expect.objectContaining({ field: 'fee', rule: 'tiyn_integer' }),
      ]);
      expect(await refused(id, { ...contract, fee: -100 })).toEqual([
        expect.objectContaining({ field: 'fee', rule: 'tiyn_integer' }),
      ]);
      const language = await refused(id, { ...contract, language: 'en' });
      expect(language).toEqual([expect.objectContaining({ field: 'language', rule: 'isIn' })]);
      expect(language[0].message).toMatch(/Недопустимое значение/);
      expect(await refused(id, { ...contract, meetingForms: ['video', 'video'] })).toEqual([
        expect.objectContaining({ field: 'meetingForms', rule: 'arrayUnique' }),
      ]);
      expect(await refused(id, { ...contract, meetingForms: ['letter'] })).toEqual([
        expect.objectContaining({ field: 'meetingForms', rule: 'isIn' }),
      ]);
    });

    it('termination: refusal_of_party without the party, a party with another reason', async () => {
      const { id, claimId } = await invitedCase();
      await c.send(id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
      const missing = await refused(id, { type: 'mediation.terminated', claimId, reason: 'refusal_of_party' });
      expect(missing).toEqual([
        { field: 'party', rule: 'refusing_party_required', message: expect.stringContaining('ЗМед ст. 26 п. 4') },
      ]);
      expect(
        await refused(id, { type: 'mediation.terminated', claimId, reason: 'impossible', party: 'victim' }),
      ).toEqual([expect.objectContaining({ field: 'party', rule: 'party_not_applicable' })]);
      expect(
        await refused(id, { type: 'mediation.terminated', claimId, reason: 'refusal_of_party', party: 'lawyer' }),
      ).toEqual([expect.objectContaining({ field: 'party', rule: 'isIn' })]);
    });

    it('agreement: an IBAN too long or mistyped, an unknown method, an account with cash', async () => {
      const { id, claimId } = await invitedCase();
      await c.send(id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
      const agreement = (paymentDetails: object) => ({
        type: 'agreement.signed',
        claimId,
        signedBy: { mediator: true, victim: true, convict: true },
        terms: { paidBeforeHearing: 2_000_000 * TENGE, waived: 0, paymentDetails },
      });
      const long = await refused(id, agreement({ method: 'bank_transfer', account: `${IBAN}12345678901234567` }));
      expect(long).toContainEqual(
        expect.objectContaining({ field: 'terms.paymentDetails.account', rule: 'maxLength' }),
      );
      expect(await refused(id, agreement({ method: 'bank_transfer', account: 'KZ86125KZT5004100101' }))).toEqual([
        expect.objectContaining({ field: 'terms.paymentDetails.account', rule: 'iban_checksum' }),
      ]);
      expect(await refused(id, agreement({ method: 'barter' }))).toEqual([
        expect.objectContaining({ field: 'terms.paymentDetails.method', rule: 'isIn' }),
      ]);
      expect(await refused(id, agreement({ method: 'cash_receipt', account: IBAN }))).toEqual([
        expect.objectContaining({ field: 'terms.paymentDetails', rule: 'account_only_for_bank_transfer' }),
      ]);
    });

    it('mediator: a bad e-mail, on the application and on acceptance', async () => {
      const res = await t
        .as('lawyer')
        .post('/api/cases')
        .send(application({ mediator: { ...MEDIATOR, email: 'kassymova-at-mediators' } }))
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'mediator.email', rule: 'isEmail', message: expect.stringMatching(/электронной почты/) },
      ]);
      const tooLong = await t
        .as('lawyer')
        .post('/api/cases')
        .send(application({ mediator: { ...MEDIATOR, phone: '+7'.padEnd(41, '0') } }))
        .expect(400);
      expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'mediator.phone', rule: 'maxLength' })]);
      const kase = await c.open({ mediator: undefined });
      expect(
        await refused(kase.id, { type: 'case.accepted', mediator: { fullName: 'Медиатор', email: 'nope' } }),
      ).toEqual([expect.objectContaining({ field: 'mediator.email', rule: 'isEmail' })]);
    });
  });
});
