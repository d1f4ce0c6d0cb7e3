import type { EligibilityInput } from '../../../src/eligibility/domain/parole-eligibility';
import { parole, replacement, row } from './helpers';

const cited = (a: ReturnType<typeof parole>) => {
  const r = a.exclusion?.rule;
  return r ? [r.article, r.part, r.item, r.paragraph].filter(Boolean).join('.') : null;
};

describe('УК 72 ч. 8 — parole does not apply', () => {
  it.each<[string, Partial<EligibilityInput>, string]>([
    [
      'п. 2 terrorism or extremism that caused deaths',
      { terrorismOrExtremism: { causedDeaths: true, linkedToEspeciallyGrave: false, activeCooperation: true } },
      '72.8.2',
    ],
    [
      'п. 2 terrorism or extremism linked to an especially grave crime',
      { terrorismOrExtremism: { causedDeaths: false, linkedToEspeciallyGrave: true, activeCooperation: true } },
      '72.8.2',
    ],
    ['п. 3 grave corruption', { gravity: 'grave', corruption: true }, '72.8.3'],
    ['п. 3 especially grave corruption', { gravity: 'especially_grave', corruption: true }, '72.8.3'],
    [
      'п. 3 grave corruption, raising a disabled child is not an exception',
      { gravity: 'grave', corruption: true, privileged: { raisingDisabledChild: true } },
      '72.8.3',
    ],
    [
      'п. 4 sexual crime against minors',
      { sexualCrimeAgainstMinor: { offenderWasMinor: false, victimAged14To18: true } },
      '72.8.4',
    ],
    [
      'п. 4 minor offender but victim under 14',
      { sexualCrimeAgainstMinor: { offenderWasMinor: true, victimAged14To18: false } },
      '72.8.4',
    ],
    [
      'п. 5 intentional killing in a criminal group',
      { gravity: 'especially_grave', killingInCriminalGroup: true },
      '72.8.5',
    ],
    [
      'п. 5 raising a disabled child is not an exception',
      { gravity: 'especially_grave', killingInCriminalGroup: true, privileged: { raisingDisabledChild: true } },
      '72.8.5',
    ],
    [
      'п. 6 imprisonment replaced by restriction of liberty under art. 73',
      { replacedUnderArt73Before: true },
      '72.8.6',
    ],
    [
      'п. 7 previously paroled from life imprisonment',
      { lifeImprisonment: true, term: undefined, gravity: 'especially_grave', previouslyParoledFromLife: true },
      '72.8.7',
    ],
    [
      'п. 8 new grave crime while serving life',
      { lifeImprisonment: true, term: undefined, gravity: 'especially_grave', newGraveCrimeWhileServingLife: true },
      '72.8.8',
    ],
    ['п. 9 torture', { torture: true }, '72.8.9'],
    [
      'ч. 1 абз. 3 terrorism without deaths but without active cooperation',
      { terrorismOrExtremism: { causedDeaths: false, linkedToEspeciallyGrave: false, activeCooperation: false } },
      '72.1.3',
    ],
  ])('%s', (_name, over, rule) => {
    const a = parole(over);
    expect(a).toMatchObject({ eligible: false, earliestDate: null, fraction: null });
    expect(cited(a)).toBe(rule);
    expect(a.exclusion!.reason.ru.length).toBeGreaterThan(10);
    expect(a.exclusion!.reason.kk).toMatch(/[әіңғүұқөһ]/i); // Kazakh, not a copy of the Russian
  });

  it('several exclusions: the first is given, the others are noted', () => {
    const a = parole({ torture: true, replacedUnderArt73Before: true });
    expect(cited(a)).toBe('72.8.6');
    expect(a.notes.join(' ')).toContain('ст. 72 ч. 8 п. 9');
  });

  describe('exceptions', () => {
    it('п. 2/ч. 1 абз. 3: terrorism without deaths, with active cooperation → ч. 3, discretionary only', () => {
      const a = parole({
        gravity: 'grave',
        terrorismOrExtremism: { causedDeaths: false, linkedToEspeciallyGrave: false, activeCooperation: true },
      });
      expect(row(a)).toEqual({ fraction: '1/2', rule: '72.3.2', earliestDate: '2020-03-01' });
      expect(a.discretionaryOnly).toBe(true);
    });
    it('п. 3 corruption of small or medium gravity is not excluded', () =>
      expect(row(parole({ gravity: 'medium', corruption: true }))).toEqual({
        fraction: '1/3',
        rule: '72.3.1',
        earliestDate: '2018-07-01',
      }));
    it.each<[string, object]>([
      ['pregnant', { pregnant: true }],
      ['woman with a child under 14', { womanWithChildUnder14: true }],
      ['single father', { singleFatherOfChildUnder14: true }],
      ['woman ≥ 58', { womanAged58OrOver: true }],
      ['man ≥ 63', { manAged63OrOver: true }],
      ['disability group I', { disabilityGroup: 1 }],
      ['disability group II', { disabilityGroup: 2 }],
    ])('п. 3 corruption, %s → terms of ч. 3 (not ч. 4), discretionary only', (_n, privileged) => {
      const a = parole({ gravity: 'grave', corruption: true, privileged });
      expect(row(a)).toEqual({ fraction: '1/2', rule: '72.3.2', earliestDate: '2020-03-01' });
      expect(a.discretionaryOnly).toBe(true);
      expect(a.notes.join(' ')).toContain('ст. 72 ч. 1 абз. 4');
    });
    it('п. 3 corruption, procedural agreement on cooperation fulfilled → ч. 3 п. 5', () => {
      const a = parole({ gravity: 'grave', corruption: true, proceduralAgreementFulfilled: true });
      expect(row(a)).toEqual({ fraction: '1/3', rule: '72.3.5', earliestDate: '2018-07-01' });
      expect(a.notes.join(' ')).toContain('ст. 72 ч. 1 абз. 5');
    });
    it('п. 3 corruption, a woman turning 58 after the ч. 3 date: from her birthday', () =>
      expect(parole({ gravity: 'grave', corruption: true, sex: 'female', birthDate: '1963-01-20' }).earliestDate).toBe(
        '2021-01-20',
      ));
    it('п. 4 minor offender against a 14–18-year-old → not excluded', () =>
      expect(
        row(parole({ gravity: 'grave', sexualCrimeAgainstMinor: { offenderWasMinor: true, victimAged14To18: true } })),
      ).toEqual({
        fraction: '1/2',
        rule: '72.3.2',
        earliestDate: '2020-03-01',
      }));
    it('п. 5 killing in a criminal group by a privileged person → ч. 4 п. 4 (against life)', () =>
      expect(
        row(parole({ gravity: 'especially_grave', killingInCriminalGroup: true, privileged: { pregnant: true } })),
      ).toEqual({
        fraction: '2/3',
        rule: '72.4.4',
        earliestDate: '2021-11-01',
      }));
  });
});

describe('УК 73 — replacement with a milder punishment', () => {
  it.each<[string, Partial<EligibilityInput>, string, string]>([
    ['minor', { gravity: 'minor' }, '1/4', '2017-09-01'],
    ['medium', { gravity: 'medium' }, '1/4', '2017-09-01'],
    ['grave', { gravity: 'grave' }, '1/3', '2018-07-01'],
    ['grave against life or health', { gravity: 'grave', againstLifeOrHealth: true }, '1/2', '2020-03-01'],
  ])('ч. 2 абз. 1 %s → %s', (_n, over, fraction, earliestDate) => {
    const a = replacement(over);
    expect(row(a)).toEqual({ fraction, rule: '73.2.1', earliestDate });
    expect(a.discretionaryOnly).toBe(true);
  });

  it('privilege does not change the fractions of art. 73', () =>
    expect(row(replacement({ gravity: 'grave', privileged: { pregnant: true } })).fraction).toBe('1/3'));

  it.each<[string, Partial<EligibilityInput>, string]>([
    ['ч. 1 especially grave crimes are outside replacement', { gravity: 'especially_grave' }, '73.1'],
    ['ч. 1 life imprisonment', { lifeImprisonment: true, term: undefined, gravity: 'especially_grave' }, '73.1'],
    [
      'ч. 2 абз. 2 sexual crime against minors',
      { sexualCrimeAgainstMinor: { offenderWasMinor: false, victimAged14To18: false } },
      '73.2.2',
    ],
    [
      'ч. 2 абз. 2 terrorism that caused deaths',
      { terrorismOrExtremism: { causedDeaths: true, linkedToEspeciallyGrave: false, activeCooperation: true } },
      '73.2.2',
    ],
    [
      'ч. 2 абз. 2 terrorism linked to an especially grave crime',
      { terrorismOrExtremism: { causedDeaths: false, linkedToEspeciallyGrave: true, activeCooperation: true } },
      '73.2.2',
    ],
    ['ч. 2 абз. 2 crime in a criminal group', { crimeInCriminalGroup: true }, '73.2.2'],
    [
      'ч. 2 абз. 2 killing in a criminal group (a crime in a group), even privileged',
      { gravity: 'grave', killingInCriminalGroup: true, privileged: { pregnant: true } },
      '73.2.2',
    ],
    [
      'ч. 2 абз. 2 terrorism without deaths, no active cooperation',
      { terrorismOrExtremism: { causedDeaths: false, linkedToEspeciallyGrave: false, activeCooperation: false } },
      '73.2.2',
    ],
  ])('%s', (_n, over, rule) => {
    const a = replacement(over);
    expect(a).toMatchObject({ eligible: false, earliestDate: null });
    expect(cited(a)).toBe(rule);
    expect(a.exclusion!.reason.kk.length).toBeGreaterThan(10);
  });

  it('ч. 2 абз. 2 exceptions: minor offender against 14–18, terrorism without deaths with cooperation', () => {
    expect(replacement({ sexualCrimeAgainstMinor: { offenderWasMinor: true, victimAged14To18: true } }).eligible).toBe(
      true,
    );
    expect(
      replacement({
        terrorismOrExtremism: { causedDeaths: false, linkedToEspeciallyGrave: false, activeCooperation: true },
      }).eligible,
    ).toBe(true);
  });

  it('ч. 2 абз. 3 foreigners: only a fine, noted', () =>
    expect(replacement({ foreigner: true }).notes.join(' ')).toContain('только на штраф'));

  it('ч. 2-1 after revocation under ч. 7 п. 1, 2: from the unserved remainder', () => {
    const a = replacement({
      gravity: 'grave',
      previousParoleRevoked: 'part7_item1_or_2',
      unservedRemainder: { years: 3, months: 0, days: 0 },
    });
    expect(a).toMatchObject({
      base: 'unserved_remainder',
      earliestDate: '2016-03-01',
      requiredServed: { years: 1, months: 0, days: 0 },
    });
    expect(a.notes.join(' ')).toContain('ст. 73 ч. 2-1');
  });
  it('ч. 2-1 after revocation under ч. 7 п. 3: from the final (aggregate) sentence', () =>
    expect(replacement({ gravity: 'grave', previousParoleRevoked: 'part7_item3' })).toMatchObject({
      base: 'term',
      earliestDate: '2018-07-01',
    }));

  it('corruption and the art. 72 ч. 8 п. 6 flag do not exclude replacement (art. 73 does not say so)', () =>
    expect(replacement({ gravity: 'grave', corruption: true, replacedUnderArt73Before: true }).eligible).toBe(true));
});
