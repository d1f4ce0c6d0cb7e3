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
