import { settings } from '../../../src/law/legal-rules';
import type { EligibilityInput, Gravity } from '../../../src/eligibility/domain/parole-eligibility';
import { parole, row, START } from './helpers';

// Term 10 years from 2015-03-01: 1/3 → 40 months, 1/2 → 60, 2/3 → 80, 3/4 → 90, 1/4 → 30, 1/5 → 24.
const AT: Record<string, string> = {
  '1/5': '2017-03-01',
  '1/4': '2017-09-01',
  '1/3': '2018-07-01',
  '1/2': '2020-03-01',
  '2/3': '2021-11-01',
  '3/4': '2022-09-01',
};
const expectRow = (over: Partial<EligibilityInput>, fraction: string, rule: string) =>
  expect(row(parole(over))).toEqual({ fraction, rule, earliestDate: AT[fraction] });

describe('УК 72 ч. 3 — general fractions', () => {
  it.each<[string, Partial<EligibilityInput>, string, string]>([
    ['п. 1 minor', { gravity: 'minor' }, '1/3', '72.3.1'],
    ['п. 1 medium', { gravity: 'medium' }, '1/3', '72.3.1'],
    ['п. 2 grave', { gravity: 'grave' }, '1/2', '72.3.2'],
    ['п. 3 grave against life or health', { gravity: 'grave', againstLifeOrHealth: true }, '2/3', '72.3.3'],
    ['п. 3 grave against life (implies life or health)', { gravity: 'grave', againstLife: true }, '2/3', '72.3.3'],
    ['п. 3 especially grave', { gravity: 'especially_grave' }, '2/3', '72.3.3'],
    [
      'п. 3 especially grave against life or health',
      { gravity: 'especially_grave', againstLifeOrHealth: true },
      '2/3',
      '72.3.3',
    ],
  ])('%s → %s', (_name, over, fraction, rule) => expectRow(over, fraction, rule));

  const remainder = { years: 6, months: 0, days: 0 }; // 2/3 of 72 months = 48 months
  it.each<Gravity>(['minor', 'medium', 'grave', 'especially_grave'])(
    'п. 3-1 (%s): 2/3 of the unserved remainder after revocation under ч. 7 п. 1, 2',
    (gravity) => {
      const a = parole({ gravity, previousParoleRevoked: 'part7_item1_or_2', unservedRemainder: remainder });
      expect(row(a)).toEqual({ fraction: '2/3', rule: '72.3.3-1', earliestDate: '2019-03-01' });
      expect(a.base).toBe('unserved_remainder');
      expect(a.requiredServed).toEqual({ years: 4, months: 0, days: 0 });
    },
  );

  it.each<Gravity>(['minor', 'medium', 'grave', 'especially_grave'])(
    'п. 4 (%s): 3/4 of the term after revocation under ч. 7 п. 3',
    (gravity) => {
      expectRow({ gravity, previousParoleRevoked: 'part7_item3' }, '3/4', '72.3.4');
    },
  );

  describe('п. 5 — all conditions of a procedural agreement fulfilled', () => {
    const pa = { proceduralAgreementFulfilled: true };
    it.each<[string, Partial<EligibilityInput>, string]>([
      ['minor', { gravity: 'minor' }, '1/4'],
      ['medium', { gravity: 'medium' }, '1/4'],
      ['grave', { gravity: 'grave' }, '1/3'],
      ['grave against life or health', { gravity: 'grave', againstLifeOrHealth: true }, '1/2'],
      ['especially grave', { gravity: 'especially_grave' }, '1/2'],
      [
        'especially grave against life or health (literal text: 3/4)',
        { gravity: 'especially_grave', againstLifeOrHealth: true },
        '3/4',
      ],
    ])('%s → %s', (_name, over, fraction) => expectRow({ ...pa, ...over }, fraction, '72.3.5'));

    it('setting: the more favourable of п. 3 and п. 5 instead of the literal 3/4', () => {
      settings.eligibility.proceduralAgreementLiteralFractions = false;
      try {
        expectRow({ ...pa, gravity: 'especially_grave', againstLifeOrHealth: true }, '2/3', '72.3.3');
      } finally {
        settings.eligibility.proceduralAgreementLiteralFractions = true;
      }
    });
  });
});

describe('УК 72 ч. 4 — privileged persons', () => {
  const pregnant = { privileged: { pregnant: true } };
  it.each<[string, Partial<EligibilityInput>, string, string]>([
    ['п. 1 minor', { gravity: 'minor' }, '1/4', '72.4.1'],
    ['п. 1 medium', { gravity: 'medium' }, '1/4', '72.4.1'],
    ['п. 2 grave', { gravity: 'grave' }, '1/3', '72.4.2'],
    ['п. 2 grave against life or health (still 1/3)', { gravity: 'grave', againstLifeOrHealth: true }, '1/3', '72.4.2'],
    [
      'п. 3 especially grave not against life',
      { gravity: 'especially_grave', againstLifeOrHealth: true },
      '1/2',
      '72.4.3',
    ],
    ['п. 4 especially grave against life', { gravity: 'especially_grave', againstLife: true }, '2/3', '72.4.4'],
    [
      'п. 4 after revocation under ч. 7 п. 3',
      { gravity: 'minor', previousParoleRevoked: 'part7_item3' },
      '2/3',
      '72.4.4',
    ],
    ['п. 5 minor, procedural agreement', { gravity: 'minor', proceduralAgreementFulfilled: true }, '1/5', '72.4.5'],
    ['п. 5 medium, procedural agreement', { gravity: 'medium', proceduralAgreementFulfilled: true }, '1/5', '72.4.5'],
    ['п. 5 grave, procedural agreement', { gravity: 'grave', proceduralAgreementFulfilled: true }, '1/4', '72.4.5'],
    [
      'п. 5 especially grave, procedural agreement',
      { gravity: 'especially_grave', againstLife: true, proceduralAgreementFulfilled: true },
      '1/3',
      '72.4.5',
    ],
  ])('%s → %s', (_name, over, fraction, rule) => expectRow({ ...pregnant, ...over }, fraction, rule));

  it('п. 3 after revocation under ч. 7 п. 1, 2: 1/2 of the remainder (setting), not 2/3', () => {
    const a = parole({
      ...pregnant,
      gravity: 'grave',
      previousParoleRevoked: 'part7_item1_or_2',
      unservedRemainder: { years: 6, months: 0, days: 0 },
    });
    expect(row(a)).toEqual({ fraction: '1/2', rule: '72.4.3', earliestDate: '2018-03-01' });
    expect(a.base).toBe('unserved_remainder');
  });

  it('setting: ч. 4 п. 3 after revocation taken of the term instead', () => {
    settings.eligibility.privilegedRevokedItems1or2FromRemainder = false;
    try {
      // 1/2 of the 10-year term (5 years) comes before 2/3 of a 9-year remainder (6 years)
      const a = parole({
        ...pregnant,
        previousParoleRevoked: 'part7_item1_or_2',
        unservedRemainder: { years: 9, months: 0, days: 0 },
      });
      expect(row(a)).toEqual({ fraction: '1/2', rule: '72.4.3', earliestDate: AT['1/2'] });
      expect(a.base).toBe('term');
    } finally {
      settings.eligibility.privilegedRevokedItems1or2FromRemainder = true;
    }
  });

  it.each<[string, object]>([
    ['pregnant', { pregnant: true }],
    ['woman with a child under 14', { womanWithChildUnder14: true }],
    ['man raising a child under 14 alone', { singleFatherOfChildUnder14: true }],
    ['raising a child with a disability', { raisingDisabledChild: true }],
    ['woman 58 or over', { womanAged58OrOver: true }],
    ['man 63 or over', { manAged63OrOver: true }],
    ['disability group I', { disabilityGroup: 1 }],
    ['disability group II', { disabilityGroup: 2 }],
  ])('ground: %s → ч. 4', (_name, privileged) => expectRow({ gravity: 'grave', privileged }, '1/3', '72.4.2'));

  it('disability group III is not a ground', () =>
    expectRow({ gravity: 'grave', privileged: { disabilityGroup: 3 } }, '1/2', '72.3.2'));

  describe('age derived from sex and birth date at the computed date', () => {
    it('a woman already 58 at the start: ч. 4 from the start', () =>
      expectRow({ gravity: 'grave', sex: 'female', birthDate: '1950-01-01' }, '1/3', '72.4.2'));
    it('a woman turning 58 between the privileged and the general date: the birthday', () => {
      const a = parole({ gravity: 'grave', sex: 'female', birthDate: '1961-06-15' }); // 58 on 2019-06-15
      expect(row(a)).toEqual({ fraction: '1/3', rule: '72.4.2', earliestDate: '2019-06-15' });
      expect(a.method).toContain('льготный возраст наступает 2019-06-15');
    });
    it('a man turning 63 after the general date: the general rule', () =>
      expectRow({ gravity: 'grave', sex: 'male', birthDate: '1960-01-01' }, '1/2', '72.3.2'));
    it('a man of 62 at the start turning 63 before the privileged date: ч. 4', () =>
      expectRow({ gravity: 'grave', sex: 'male', birthDate: '1952-09-01' }, '1/3', '72.4.2'));
  });
});

describe('LAW.md §1 worked example', () => {
  const six = { term: { years: 6, months: 0, days: 0 }, gravity: 'grave' as const, termStartDate: '2020-01-10' };
  it('6 years for a grave crime → 3 years (ч. 3 п. 2)', () => {
    const a = parole(six);
    expect(a.requiredServed).toEqual({ years: 3, months: 0, days: 0 });
    expect(a.earliestDate).toBe('2023-01-10');
  });
  it('the same for a woman ≥ 58 → 2 years (ч. 4 п. 2)', () => {
    const a = parole({ ...six, privileged: { womanAged58OrOver: true } });
    expect(a.requiredServed).toEqual({ years: 2, months: 0, days: 0 });
    expect(a.earliestDate).toBe('2022-01-10');
  });
});

describe('УК 72 ч. 6 — life imprisonment', () => {
  const life = { term: undefined, lifeImprisonment: true, gravity: 'especially_grave' as const };
  it('25 years', () => {
    const a = parole(life);
    expect(row(a)).toEqual({ fraction: null, rule: '72.6', earliestDate: '2040-03-01' });
    expect(a.requiredServed).toEqual({ years: 25, months: 0, days: 0 });
    expect(a.base).toBe('life');
  });
  it('15 years with a fulfilled procedural agreement', () =>
    expect(row(parole({ ...life, proceduralAgreementFulfilled: true }))).toEqual({
      fraction: null,
      rule: '72.6',
      earliestDate: '2030-03-01',
    }));
  it('pre-trial detention credited (2040 is a leap year)', () =>
    expect(parole({ ...life, pretrialDetentionDays: 10 }).earliestDate).toBe('2040-02-20'));
  it('privilege does not shorten it', () =>
    expect(parole({ ...life, privileged: { pregnant: true } }).earliestDate).toBe('2040-03-01'));
});

it('the start date of the helpers is the one the table assumes', () => expect(START).toBe('2015-03-01'));
