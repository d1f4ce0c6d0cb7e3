import { SEED_IDS } from '../../src/directory/seed/east-kazakhstan';

/** Valid applications as a lawyer would file them. ИИН/БИН are synthetic, with valid control digits. */
export const IIN = {
  convict: '900101300017', // male, born 1990-01-01
  victim1: '850505400127',
  victim2: '781212450039',
  representative: '650707300018',
};
export const BIN = { company: '150340001236' };

export const TENGE = 100; // tiyn

export function victimClaim(overrides: Record<string, unknown> = {}) {
  return {
    victim: {
      type: 'person',
      fullName: 'Ахметова Гүлнар Серікқызы',
      iin: IIN.victim1,
      address: 'г. Усть-Каменогорск, ул. Абая, 1',
      phone: '+77010000001',
    },
    amountAwarded: 2_000_000 * TENGE,
    amountRecovered: 0,
    ...overrides,
  };
}

export function companyClaim(overrides: Record<string, unknown> = {}) {
  return {
    victim: {
      type: 'legal_entity',
      fullName: 'ТОО «Шығыс Сауда»',
      bin: BIN.company,
      representative: {
        fullName: 'Петров Андрей Викторович',
        iin: IIN.representative,
        basis: 'доверенность от 01.11.2026 № 15',
      },
    },
    amountAwarded: 500_000 * TENGE,
    amountRecovered: 100_000 * TENGE,
    ...overrides,
  };
}

export function application(overrides: Record<string, unknown> = {}) {
  return {
    procedure: 'parole',
    convict: {
      fullName: 'Серіков Болат Нұрланұлы',
      iin: IIN.convict,
      birthDate: '1990-01-01',
      institution: 'Учреждение ВК-167/22, г. Усть-Каменогорск',
    },
    sentence: {
      court: 'Усть-Каменогорский городской суд',
      date: '2022-03-15',
      articles: ['188 ч. 2 п. 4'],
      term: { years: 6, months: 0, days: 0 },
      startDate: '2022-01-10',
      gravity: 'grave',
      pretrialDetentionDays: 0,
    },
    claims: [victimClaim()],
    lawyer: { fullName: 'Иванов Пётр Сергеевич', licence: '0001234' },
    mediator: {
      fullName: 'Касымова Айгерім Маратқызы',
      registry: 'Реестр профессиональных медиаторов № 77',
      organisation: 'ОЮЛ «Палата медиаторов ВКО»',
    },
    place: 'г. Усть-Каменогорск',
    ...overrides,
  };
}

/**
 * Ids of the directory's seed entries (src/directory/seed/east-kazakhstan.ts), as a form offers them.
 * Re-exported here so that tests take their applications' references from one place.
 */
export { SEED_IDS as DIRECTORY } from '../../src/directory/seed/east-kazakhstan';

/**
 * An application as the forms file it once the directory exists: court, institution, organisation of mediators and
 * place chosen from the directory (no Russian free text repeating a name), the criminal case and sentence numbers,
 * the parties' identity documents.
 */
export function directoryApplication(overrides: Record<string, unknown> = {}) {
  return application({
    convict: {
      fullName: 'Серіков Болат Нұрланұлы',
      iin: IIN.convict,
      institutionId: SEED_IDS.institution22,
      identityDocument: { kind: 'id_card', number: '045678912', issuer: 'ҚР ІІМ', issuedOn: '2018-05-14' },
    },
    sentence: {
      courtId: SEED_IDS.ustKamenogorskCityCourt,
      criminalCaseNumber: '221500031000123',
      number: '1-45/2022',
      date: '2022-03-15',
      articles: ['188 ч. 2 п. 4'],
      term: { years: 6, months: 0, days: 0 },
      startDate: '2022-01-10',
      gravity: 'grave',
    },
    claims: [
      victimClaim({
        victim: {
          type: 'person',
          fullName: 'Ахметова Гүлнар Серікқызы',
          iin: IIN.victim1,
          identityDocument: { kind: 'id_card', number: '034567891', issuer: 'ҚР ӘМ', issuedOn: '2016-02-20' },
        },
      }),
    ],
    mediator: {
      fullName: 'Касымова Айгерім Маратқызы',
      registry: 'Реестр профессиональных медиаторов № 77',
      organisationId: SEED_IDS.alternativaCentre,
    },
    place: undefined,
    placeId: SEED_IDS.ustKamenogorsk,
    ...overrides,
  });
}

/** A legal-entity claim whose representative has a position, a power of attorney and an identity document. */
export function identifiedCompanyClaim(overrides: Record<string, unknown> = {}) {
  return companyClaim({
    victim: {
      type: 'legal_entity',
      fullName: 'ТОО «Шығыс Сауда»',
      bin: BIN.company,
      representative: {
        fullName: 'Петров Андрей Викторович',
        iin: IIN.representative,
        basis: 'доверенность',
        position: 'юрист',
        positionKk: 'заңгер',
        powerOfAttorney: { number: '15', date: '2026-11-01' },
        identityDocument: { kind: 'passport', number: 'N12345678', issuer: 'ҚР ІІМ', issuedOn: '2019-02-28' },
      },
    },
    ...overrides,
  });
}
