import request from 'supertest';
import { DIRECTORY_SEED, SEED_IDS } from '../../src/directory/seed/east-kazakhstan';
import type { DirectoryEntry } from '../../src/directory/directory-entry';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { application, directoryApplication, identifiedCompanyClaim, TENGE } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

/** The bilingual directory (issue 9 item 3): reading, keeping it, cases referring to it, documents printing it. */

const seed = (id: string) => DIRECTORY_SEED.find((e) => e.id === id)!;
const formsOf = (e: { names: DirectoryEntry['names'] }, lang: 'kk' | 'ru'): string[] =>
  Object.values(e.names[lang]).filter((v): v is string => typeof v === 'string');

const byDirectory = directoryApplication;

describe('the directory', () => {
  let t: TestApp;
  let c: CaseClient;
  const post = (body: unknown) =>
    t
      .as('admin')
      .post('/api/directory')
      .send(body as object);
  const open = async (body: unknown, status = 201) => {
    // Addressed to the cast's mediator, as the forms do (he sees the case and accepts it).
    const res = await t
      .as('lawyer')
      .post('/api/cases')
      .send({ mediatorUserId: t.users.mediator.id, ...(body as object) });
    expect([res.status, res.body]).toEqual([status, expect.anything()]);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
    // The mediator's account names his organisation by its directory entry, as an administrator sets it up.
    await t
      .as('admin')
      .patch(`/api/users/${t.users.mediator.id}`)
      .send({
        organisationId: SEED_IDS.alternativaCentre,
        organisationName: seed(SEED_IDS.alternativaCentre).names.ru.nominative,
      })
      .expect(200);
  });
  afterAll(() => t.close());
  beforeEach(() => c.setDate(t, '2026-12-01'));

  describe('reading', () => {
    it('is seeded with the courts of East Kazakhstan (and Semey, now Abai region), institutions, police, banks, towns', async () => {
      const courts = (await t.as('court').get('/api/directory').query({ kind: 'court' }).expect(200)).body.items;
      expect(courts.map((e: DirectoryEntry) => e.names.ru.nominative)).toEqual(
        expect.arrayContaining([
          'Усть-Каменогорский городской суд',
          'Риддерский городской суд',
          'Семейский городской суд',
        ]),
      );
      const ust = courts.find((e: DirectoryEntry) => e.id === SEED_IDS.ustKamenogorskCityCourt);
      expect(ust.names.kk).toMatchObject({ nominative: 'Өскемен қалалық соты', genitive: 'Өскемен қалалық сотының' });
      expect(ust.names.ru).toMatchObject({ genitive: 'Усть-Каменогорского городского суда' });
      expect(courts.every((e: DirectoryEntry) => e.kind === 'court')).toBe(true);
      const banks = (await t.as('court').get('/api/directory?kind=bank').expect(200)).body.items;
      expect(banks.find((e: DirectoryEntry) => e.id === SEED_IDS.halyk).codes).toEqual({
        bik: 'HSBKKZKX',
        bin: '940140000385',
      });
      for (const kind of ['penal_institution', 'police_unit', 'mediators_organisation', 'town'])
        expect((await t.as('court').get(`/api/directory?kind=${kind}`).expect(200)).body.items.length).toBeGreaterThan(
          0,
        );
    });

    it('finds an entry by the beginning of any name form, in Kazakh or Russian spelling, or by a code', async () => {
      const ids = async (q: string) =>
        ((await t.as('court').get('/api/directory').query({ q }).expect(200)).body.items as DirectoryEntry[]).map(
          (e) => e.id,
        );
      expect(await ids('өскемен сот')).toContain(SEED_IDS.ustKamenogorskCityCourt);
      expect(await ids('оскемен сот')).toContain(SEED_IDS.ustKamenogorskCityCourt); // Kazakh letters typed as Russian
      expect(await ids('усть-каменогорского суда')).toContain(SEED_IDS.ustKamenogorskCityCourt);
      expect(await ids('HSBKKZKX')).toEqual([SEED_IDS.halyk]);
      expect(await ids('риддер суд')).toEqual([SEED_IDS.ridderCityCourt]);
      expect(await ids('несуществующий')).toEqual([]);
    });

    it('a bad kind or an unknown id: 400 / 404 naming the field', async () => {
      const bad = await t.as('court').get('/api/directory?kind=prison').expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'kind', rule: 'isIn' });
      const missing = await t.as('court').get('/api/directory/d1000000-0000-4000-8000-00000000ffff').expect(404);
      expect(missing.body.errors[0]).toMatchObject({ field: 'id', rule: 'not_found' });
    });
  });

  describe('keeping it (administrator)', () => {
    it('adds a court; a court without the genitive forms, a bank without a valid БИК: 400 naming field and rule', async () => {
      const created = await post({
        kind: 'court',
        names: {
          kk: { nominative: 'Зайсан аудандық соты', genitive: 'Зайсан аудандық сотының' },
          ru: { nominative: 'Зайсанский районный суд', genitive: 'Зайсанского районного суда' },
        },
        region: 'east_kazakhstan',
      }).expect(201);
      expect(created.body).toMatchObject({ kind: 'court', version: 1, active: true, codes: {} });
      expect((await t.as('court').get(`/api/directory/${created.body.id}`).expect(200)).body.names.kk.genitive).toBe(
        'Зайсан аудандық сотының',
      );

      const noGenitive = await post({
        kind: 'court',
        names: { kk: { nominative: 'Күршім аудандық соты' }, ru: { nominative: 'Курчумский районный суд' } },
      }).expect(400);
      expect(noGenitive.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule])).toEqual([
        ['names.kk.genitive', 'form_required'],
        ['names.ru.genitive', 'form_required'],
      ]);
      const bank = { kind: 'bank', names: { kk: { nominative: '«Х Банк» АҚ' }, ru: { nominative: 'АО «Х Банк»' } } };
      expect((await post(bank).expect(400)).body.errors[0]).toMatchObject({ field: 'codes.bik', rule: 'bik_required' });
      expect((await post({ ...bank, codes: { bik: 'halyk' } }).expect(400)).body.errors[0]).toMatchObject({
        field: 'codes.bik',
        rule: 'matches',
      });
      expect(
        (await post({ ...bank, codes: { bik: 'XBNKKZKA', bin: '123456789012' } }).expect(400)).body.errors[0],
      ).toMatchObject({ field: 'codes.bin', rule: 'bin_checksum' });
      const blank = await post({ kind: 'town', names: { kk: { nominative: ' ' }, ru: {} } }).expect(400);
      expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['names.ru.nominative']),
      );
    });

    it('only the administrator adds or corrects entries; every signed-in role reads them; no one anonymous', async () => {
      const body = { kind: 'town', names: { kk: { nominative: 'Зырян қ.' }, ru: { nominative: 'г. Зыряновск' } } };
      for (const role of ['mediator', 'lawyer', 'court', 'officer'] as const) {
        const refused = await t.as(role).post('/api/directory').send(body).expect(403);
        expect(refused.body.errors[0]).toMatchObject({ field: 'role', rule: 'role_not_allowed' });
        await t
          .as(role)
          .patch(`/api/directory/${SEED_IDS.ridder}`)
          .send({ expectedVersion: 1, active: false })
          .expect(403);
        await t.as(role).get('/api/directory?kind=town').expect(200);
      }
      await t.as('admin').get('/api/directory?kind=town').expect(200);
      await request(t.http).get('/api/directory').expect(401);
    });

    it('corrects an entry with its version; a stale version is 409; a deactivated entry is no longer offered', async () => {
      const { body: town } = await post({
        kind: 'town',
        names: { kk: { nominative: 'Зайсан қ.' }, ru: { nominative: 'г. Зайсанн' } },
      }).expect(201);
      const fixed = await t
        .as('admin')
        .patch(`/api/directory/${town.id}`)
        .send({ expectedVersion: 1, names: { ru: { nominative: 'г. Зайсан' } } })
        .expect(200);
      expect(fixed.body.names).toEqual({ kk: { nominative: 'Зайсан қ.' }, ru: { nominative: 'г. Зайсан' } });
      expect(fixed.body.version).toBe(2);
      const stale = await t
        .as('admin')
        .patch(`/api/directory/${town.id}`)
        .send({ expectedVersion: 1, active: false })
        .expect(409);
      expect(stale.body.errors[0]).toMatchObject({ field: 'expectedVersion', rule: 'version_conflict' });
      await t.as('admin').patch(`/api/directory/${town.id}`).send({ expectedVersion: 2, active: false }).expect(200);
      const towns = async (includeInactive?: boolean) =>
        (
          (await t.as('court').get('/api/directory').query({ kind: 'town', includeInactive }).expect(200)).body
            .items as DirectoryEntry[]
        ).map((e) => e.id);
      expect(await towns()).not.toContain(town.id);
      expect(await towns(true)).toContain(town.id);
      // A new case cannot refer to it; a case that already does still prints it.
      const refused = await open(byDirectory({ placeId: town.id }), 400);
      expect(refused.errors[0]).toMatchObject({ field: 'placeId', rule: 'directory_entry_inactive' });
    });
  });

  describe('cases refer to entries', () => {
    it('by id: no warning; the case keeps the Russian name as text for listings', async () => {
      const kase = await open(byDirectory());
      expect(kase.warnings).toEqual([]);
      const listed = await t.as('lawyer').get('/api/cases').query({ court: 'Усть-Каменогорский городской суд' });
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(kase.id);
    });

    it('free text instead of an entry is accepted with a warning naming each field', async () => {
      // Not addressed to a mediator's account: his organisation is the text typed in the application.
      const kase = await open({ ...application(), mediatorUserId: undefined });
      const fields = (warnings: { field: string; rule: string }[]) => warnings.map((w) => [w.field, w.rule]);
      expect(fields(kase.warnings)).toEqual([
        ['sentence.court', 'free_text_instead_of_directory'],
        ['convict.institution', 'free_text_instead_of_directory'],
        ['mediator.organisation', 'free_text_instead_of_directory'],
        ['place', 'free_text_instead_of_directory'],
      ]);
      expect(kase.warnings[0].message).toMatch(/справочник/);
      // Addressed to the mediator's account, whose organisation is a directory entry: no warning for it.
      expect(fields((await open(application())).warnings)).toEqual([
        ['sentence.court', 'free_text_instead_of_directory'],
        ['convict.institution', 'free_text_instead_of_directory'],
        ['place', 'free_text_instead_of_directory'],
      ]);
    });

    it('an unknown id, an entry of another kind, neither text nor id: 400 naming the field', async () => {
      const unknown = await open(
        byDirectory({ sentence: { ...byDirectory().sentence, courtId: 'd1000000-0000-4000-8000-00000000ffff' } }),
        400,
      );
      expect(unknown.errors[0]).toMatchObject({ field: 'sentence.courtId', rule: 'directory_entry_unknown' });
      const wrongKind = await open(
        byDirectory({ sentence: { ...byDirectory().sentence, courtId: SEED_IDS.policeUstKamenogorsk } }),
        400,
      );
      expect(wrongKind.errors[0]).toMatchObject({ field: 'sentence.courtId', rule: 'directory_entry_kind' });
      const { courtId: _courtId, ...noCourt } = byDirectory().sentence as Record<string, unknown>;
      const neither = await open(byDirectory({ sentence: noCourt }), 400);
      expect(neither.errors.map((e: { field: string }) => e.field)).toContain('sentence.court');
      const nullCourt = await open(byDirectory({ sentence: { ...noCourt, courtId: null } }), 400);
      expect(nullCourt.errors.map((e: { field: string }) => e.field)).toContain('sentence.court');
      // null stands for "not given": a null place is no place, not a crash.
      expect((await open(byDirectory({ placeId: null, place: null }))).warnings).toEqual([]);
      const notUuid = await open(byDirectory({ placeId: 'Өскемен' }), 400);
      expect(notUuid.errors[0]).toMatchObject({ field: 'placeId', rule: 'isUuid' });
    });

    it('identity documents, power of attorney: dates in the future are refused; a legal entity has none of its own', async () => {
      const future = await open(
        byDirectory({
          convict: {
            ...byDirectory().convict,
            identityDocument: { kind: 'id_card', number: '1', issuer: 'ҚР ІІМ', issuedOn: '2026-12-02' },
          },
        }),
        400,
      );
      expect(future.errors[0]).toMatchObject({ field: 'convict.identityDocument.issuedOn', rule: 'not_in_future' });
      const company = await open(
        byDirectory({
          claims: [
            {
              victim: {
                type: 'legal_entity',
                fullName: 'ТОО «Шығыс Сауда»',
                bin: '150340001236',
                identityDocument: { kind: 'id_card', number: '1', issuer: 'ҚР ІІМ', issuedOn: '2020-01-01' },
                representative: {
                  fullName: 'Петров Андрей Викторович',
                  basis: 'доверенность',
                  powerOfAttorney: { number: '15', date: '2026-12-05' },
                },
              },
              amountAwarded: 100 * TENGE,
              amountRecovered: 0,
            },
          ],
        }),
        400,
      );
      expect(company.errors.map((e: { field: string; rule: string }) => [e.field, e.rule])).toEqual([
        ['claims[0].victim.representative.powerOfAttorney.date', 'not_in_future'],
        ['claims[0].victim.identityDocument', 'legal_entity_has_no_identity_document'],
      ]);
    });
  });

  describe('the victim’s bank in the agreement', () => {
    it('by id from the directory; an entry of another kind is 400; a bank typed as text is accepted with a warning', async () => {
      const sign = async (paymentDetails: Record<string, unknown>, status = 200) => {
        const kase = await open(byDirectory());
        const claimId = kase.claims[0].id;
        await c.send(kase.id, { type: 'case.accepted' });
        await c.startNegotiation(kase.id, claimId, '2026-12-01');
        return c.send(
          kase.id,
          {
            type: 'agreement.signed',
            claimId,
            signedBy: { mediator: true, victim: true, convict: true },
            terms: { paidBeforeHearing: 2_000_000 * TENGE, waived: 0, paymentDetails },
          },
          { status },
        );
      };
      const account = 'KZ86125KZT5004100100';
      expect((await sign({ method: 'bank_transfer', account, bankId: SEED_IDS.kaspi })).warnings).toBeUndefined();
      const wrong = await sign({ method: 'bank_transfer', account, bankId: SEED_IDS.ustKamenogorsk }, 400);
      expect(wrong.errors[0]).toMatchObject({ field: 'terms.paymentDetails.bankId', rule: 'directory_entry_kind' });
      const typed = await sign({ method: 'bank_transfer', account, bank: 'АО «Kaspi Bank»' });
      expect(typed.warnings).toEqual([
        expect.objectContaining({ field: 'terms.paymentDetails.bank', rule: 'free_text_instead_of_directory' }),
      ]);
    });
  });

  describe('the hearing is a tracked date', () => {
    it('a deadline row 3 days before the hearing; the sweeper records the reminder once; a new date gets a new one', async () => {
      const kase = await open(byDirectory());
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId });
      await c.send(kase.id, { type: 'invitation.refused', claimId });
      await c.send(kase.id, { type: 'petition.filed' });
      const scheduled = await c.send(kase.id, { type: 'hearing.scheduled', hearingDate: '2026-12-21' });
      expect(scheduled.deadlines).toEqual([{ type: 'hearing.reminder', claimId: null, dueDate: '2026-12-18' }]);
      const sweep = () => t.app.get(DeadlineSweeper).sweep();
      c.setDate(t, '2026-12-17');
      await sweep();
      expect((await c.get(kase.id)).deadlines).toHaveLength(1);
      c.setDate(t, '2026-12-18');
      await sweep();
      await sweep();
      const history = await c.history(kase.id);
      expect(history.filter((h: { type: string }) => h.type === 'hearing.reminder')).toHaveLength(1);
      expect((await c.get(kase.id)).deadlines).toEqual([]);
      const moved = await c.send(kase.id, { type: 'hearing.scheduled', hearingDate: '2027-01-12' });
      expect(moved.deadlines).toEqual([{ type: 'hearing.reminder', claimId: null, dueDate: '2027-01-09' }]);
      expect(moved.state).toBe('hearingScheduled');
    });
  });

  describe('documents print the names in their own language', () => {
    const html = async (id: string, kind: string, lang: 'kk' | 'ru') => {
      const res = await t.as('lawyer').get(`/api/cases/${id}/documents/${kind}`).query({ lang, format: 'html' });
      if (res.status !== 200) throw new Error(`${kind} ${lang} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.text;
    };
    const entries = [
      seed(SEED_IDS.ustKamenogorskCityCourt),
      seed(SEED_IDS.institution22),
      seed(SEED_IDS.alternativaCentre),
      seed(SEED_IDS.ustKamenogorsk),
      seed(SEED_IDS.halyk),
    ];

    /** Every kind of document, for cases that refer to the directory for every name. */
    async function everyDocument(): Promise<Array<{ id: string; kind: string }>> {
      const out: Array<{ id: string; kind: string }> = [];
      const agreed = await open(byDirectory());
      const claimId = agreed.claims[0].id;
      await c.send(agreed.id, { type: 'case.accepted' });
      await c.mediateToAgreement(
        agreed.id,
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
          paymentDetails: { method: 'bank_transfer', account: 'KZ86125KZT5004100100', bankId: SEED_IDS.halyk },
        },
        '2026-12-01',
      );
      await c.send(agreed.id, { type: 'petition.filed' });
      await c.send(agreed.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
      c.setDate(t, '2027-01-08');
      await c.send(agreed.id, { type: 'convict.released', releaseDate: '2027-01-08' });
      c.setDate(t, '2027-02-10');
      await c.send(agreed.id, {
        type: 'payment.recorded',
        claimId,
        amount: 10_000 * TENGE,
        date: '2027-02-10',
        evidence: 'bank_transfer',
        reference: 'PP-1',
      });
      c.setDate(t, '2027-04-20');
      await t.app.get(DeadlineSweeper).sweep();
      const refused = await open(byDirectory());
      const r = refused.claims[0].id;
      await c.send(refused.id, { type: 'case.accepted' });
      await c.send(refused.id, { type: 'invitation.sent', claimId: r });
      await c.send(refused.id, { type: 'invitation.refused', claimId: r });
      for (const { id } of [agreed, refused]) {
        const docs = (await t.as('lawyer').get(`/api/cases/${id}/documents`).expect(200)).body as { kind: string }[];
        out.push(...docs.map((d) => ({ id, kind: d.kind })));
      }
      return out;
    }

    it('a Kazakh document has the directory’s Kazakh names and none of its Russian ones, and the other way round', async () => {
      const docs = await everyDocument();
      expect(docs.map((d) => d.kind).sort()).toEqual([
        'agreement',
        'arrears-report',
        'invitation',
        'invitation',
        'mediation-contract',
        'payment-statement',
        'schedule',
        'termination-notice',
      ]);
      const court = seed(SEED_IDS.ustKamenogorskCityCourt).names;
      const town = seed(SEED_IDS.ustKamenogorsk).names;
      const institution = seed(SEED_IDS.institution22).names;
      const organisation = seed(SEED_IDS.alternativaCentre).names;
      for (const { id, kind } of docs) {
        const kk = await html(id, kind, 'kk');
        const ru = await html(id, kind, 'ru');
        // Every document cites the sentence and names its place.
        expect([kind, kk.includes(court.kk.genitive), kk.includes(town.kk.nominative)]).toEqual([kind, true, true]);
        expect([kind, ru.includes(court.ru.genitive), ru.includes(town.ru.nominative)]).toEqual([kind, true, true]);
        if (['agreement', 'mediation-contract'].includes(kind)) {
          expect([kind, kk.includes(institution.kk.nominative), ru.includes(institution.ru.nominative)]).toEqual([
            kind,
            true,
            true,
          ]);
        }
        if (kind === 'agreement') {
          const bank = seed(SEED_IDS.halyk).names;
          expect([
            kk.includes(`KZ86125KZT5004100100 шотына (${bank.kk.nominative})`),
            ru.includes(`в ${bank.ru.nominative}`),
          ]).toEqual([true, true]);
        }
        if (['invitation', 'mediation-contract', 'termination-notice'].includes(kind)) {
          expect([kind, kk.includes(organisation.kk.nominative), ru.includes(organisation.ru.nominative)]).toEqual([
            kind,
            true,
            true,
          ]);
        }
        for (const e of entries) {
          for (const form of formsOf(e, 'ru'))
            expect([kind, 'kk', form, kk.includes(form)]).toEqual([kind, 'kk', form, false]);
          for (const form of formsOf(e, 'kk'))
            expect([kind, 'ru', form, ru.includes(form)]).toEqual([kind, 'ru', form, false]);
        }
        // The case and sentence numbers head every document.
        expect(kk).toContain('Қылмыстық іс № 221500031000123');
        expect(ru).toContain('Уголовное дело № 221500031000123 · приговор № 1-45/2022 от 15.03.2022');
      }
    });

    it('the agreement and the contract print the parties’ identity documents', async () => {
      const kase = await open(byDirectory());
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      await c.mediateToAgreement(kase.id, claimId, { paidBeforeHearing: 2_000_000 * TENGE, waived: 0 }, '2026-12-01');
      for (const kind of ['agreement', 'mediation-contract']) {
        const ru = await html(kase.id, kind, 'ru');
        expect(ru).toContain('удостоверение личности № 045678912, выдано ҚР ІІМ, 14.05.2018');
        expect(ru).toContain('удостоверение личности № 034567891, выдано ҚР ӘМ, 20.02.2016');
        expect(await html(kase.id, kind, 'kk')).toContain('жеке куәлік № 045678912, берген: ҚР ІІМ, 14.05.2018');
      }
      expect(await html(kase.id, 'agreement', 'ru')).toContain(
        'Приговором Усть-Каменогорского городского суда от 15 марта 2022 года № 1-45/2022 по уголовному делу № 221500031000123',
      );
      expect(await html(kase.id, 'agreement', 'kk')).toContain(
        'Өскемен қалалық сотының № 221500031000123 қылмыстық іс бойынша 2022 жылғы 15 наурыздағы № 1-45/2022 үкімімен',
      );
    });

    it('a legal entity: its representative with position (kk and ru), power of attorney and identity document', async () => {
      const kase = await open(byDirectory({ claims: [identifiedCompanyClaim()] }));
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      await c.mediateToAgreement(kase.id, claimId, { paidBeforeHearing: 400_000 * TENGE, waived: 0 }, '2026-12-01');
      const ru = await html(kase.id, 'agreement', 'ru');
      expect(ru).toContain('Петров Андрей Викторович, юрист');
      expect(ru).toContain('доверенность № 15, 01.11.2026');
      expect(ru).toContain('паспорт № N12345678, выдан ҚР ІІМ, 28.02.2019');
      const kk = await html(kase.id, 'agreement', 'kk');
      expect(kk).toContain('Петров Андрей Викторович, заңгер');
      expect(kk).toContain('сенімхат № 15, 01.11.2026');
      expect(kk).toContain('паспорт № N12345678, берген: ҚР ІІМ, 28.02.2019');
    });

    it('a corrected directory name is printed in documents issued after the correction', async () => {
      const { body: court } = await post({
        kind: 'court',
        names: {
          kk: { nominative: 'Ұлан аудандық соты', genitive: 'Ұлан аудандық сотының' },
          ru: { nominative: 'Уланский районый суд', genitive: 'Уланского районого суда' },
        },
      }).expect(201);
      const kase = await open(byDirectory({ sentence: { ...byDirectory().sentence, courtId: court.id } }));
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId: kase.claims[0].id });
      expect(await html(kase.id, 'invitation', 'ru')).toContain('Уланского районого суда');
      await t
        .as('admin')
        .patch(`/api/directory/${court.id}`)
        .send({
          expectedVersion: 1,
          names: { ru: { nominative: 'Уланский районный суд', genitive: 'Уланского районного суда' } },
        })
        .expect(200);
      // The invitation already issued stays as issued (a frozen document: the same bytes at every download)
      expect(await html(kase.id, 'invitation', 'ru')).toContain('Уланского районого суда');
      // A document issued after the correction prints the corrected name
      const later = await open(byDirectory({ sentence: { ...byDirectory().sentence, courtId: court.id } }));
      await c.send(later.id, { type: 'case.accepted' });
      await c.send(later.id, { type: 'invitation.sent', claimId: later.claims[0].id });
      const ru = await html(later.id, 'invitation', 'ru');
      expect(ru).toContain('Уланского районного суда');
      expect(ru).not.toContain('районого');
      expect(await html(later.id, 'invitation', 'kk')).toContain('Ұлан аудандық сотының');
    });
  });
});
