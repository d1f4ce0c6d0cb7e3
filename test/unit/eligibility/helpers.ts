import {
  paroleEligibility,
  replacementEligibility,
  type EligibilityInput,
} from '../../../src/eligibility/domain/parole-eligibility';

/** 10 years = 120 months: every fraction of УК 72/73 gives whole months, so a row reads as its fraction. */
export const TEN_YEARS = { years: 10, months: 0, days: 0 };
export const START = '2015-03-01';

export function input(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return { term: TEN_YEARS, termStartDate: START, gravity: 'minor', ...over };
}

export const parole = (over: Partial<EligibilityInput> = {}) => paroleEligibility(input(over));
export const replacement = (over: Partial<EligibilityInput> = {}) => replacementEligibility(input(over));

/** The fraction, its citation and the date, in one comparable line. */
export function row(a: ReturnType<typeof paroleEligibility>) {
  const r = a.rule;
  return {
    fraction: a.fraction ? `${a.fraction.numerator}/${a.fraction.denominator}` : null,
    rule: [r.article, r.part, r.item, r.paragraph].filter(Boolean).join('.'),
    earliestDate: a.earliestDate,
  };
}
