import fc from 'fast-check';
import { addDays, addMonths, fromParts, daysInMonth } from '../../../src/common/local-date';
import {
  GRAVITIES,
  paroleEligibility,
  replacementEligibility,
  type TermLength,
} from '../../../src/eligibility/domain/parole-eligibility';

const date = fc
  .record({
    y: fc.integer({ min: 1990, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => fromParts(y, m, Math.min(d, daysInMonth(y, m)))); // month ends and 29 Feb included
const term = fc
  .record({
    years: fc.integer({ min: 0, max: 30 }),
    months: fc.integer({ min: 0, max: 11 }),
    days: fc.integer({ min: 0, max: 29 }),
  })
  .filter((t) => t.years + t.months + t.days > 0);
const units = (t: TermLength) => (t.years * 12 + t.months) * 30 + t.days;

/** Everything except the term: gravity, privilege (explicit or by age), agreement, revoked parole, credit. */
const facts = fc.record({
  termStartDate: date,
  gravity: fc.constantFrom(...GRAVITIES),
  againstLifeOrHealth: fc.boolean(),
  againstLife: fc.boolean(),
  proceduralAgreementFulfilled: fc.boolean(),
  previousParoleRevoked: fc.constantFrom('none' as const, 'part7_item3' as const),
  pretrialDetentionDays: fc.integer({ min: 0, max: 800 }),
  privileged: fc.record({ pregnant: fc.boolean(), disabilityGroup: fc.constantFrom(null, 1 as const, 3 as const) }),
  sex: fc.constantFrom('female' as const, 'male' as const),
  birthDate: date.map((d) => addMonths(d, -12 * 60)),
  corruption: fc.boolean(),
});

describe('properties of the earliest date', () => {
  it('parole: never before start + 6 months − credit', () => {
    fc.assert(
      fc.property(facts, term, (f, t) => {
        const a = paroleEligibility({ ...f, term: t });
        if (a.earliestDate === null) return;
        expect(a.earliestDate >= addDays(addMonths(f.termStartDate, 6), -f.pretrialDetentionDays)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('parole and replacement: a longer term never gives an earlier date (and never loses eligibility)', () => {
    fc.assert(
      fc.property(facts, term, term, (f, t1, t2) => {
        const [short, long] = units(t1) <= units(t2) ? [t1, t2] : [t2, t1];
        for (const compute of [paroleEligibility, replacementEligibility]) {
          const a = compute({ ...f, term: short });
          const b = compute({ ...f, term: long });
          if (a.earliestDate === null) continue;
          expect(b.earliestDate).not.toBeNull();
          expect(b.earliestDate! >= a.earliestDate).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('one more day of term: monotone (fails without the month cap: February has fewer than 30 days)', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 3000 }), (f, n) => {
        const toTerm = (u: number): TermLength => ({
          years: Math.floor(u / 360),
          months: Math.floor((u % 360) / 30),
          days: u % 30,
        });
        const a = replacementEligibility({ ...f, term: toTerm(n) });
        const b = replacementEligibility({ ...f, term: toTerm(n + 1) });
        if (a.earliestDate && b.earliestDate) expect(b.earliestDate >= a.earliestDate).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('one more day of term from the last day of a month: monotone (February is shorter than 30 days)', () => {
    const monthEnd = fc
      .record({ y: fc.integer({ min: 2000, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => fromParts(y, m, daysInMonth(y, m)));
    fc.assert(
      fc.property(
        monthEnd,
        fc.constantFrom('minor' as const, 'grave' as const),
        fc.integer({ min: 1, max: 1500 }),
        (start, gravity, n) => {
          const toTerm = (u: number): TermLength => ({
            years: Math.floor(u / 360),
            months: Math.floor((u % 360) / 30),
            days: u % 30,
          });
          const a = replacementEligibility({ termStartDate: start, gravity, term: toTerm(n) });
          const b = replacementEligibility({ termStartDate: start, gravity, term: toTerm(n + 1) });
          if (a.earliestDate === null) return; // a term of a day or two: the whole term, nothing early
          expect(b.earliestDate! >= a.earliestDate).toBe(true);
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('the earliest date is before the end of the term whenever eligible', () => {
    fc.assert(
      fc.property(facts, term, (f, t) => {
        const a = paroleEligibility({ ...f, term: t });
        if (a.earliestDate === null) return;
        const end = addDays(
          addDays(addMonths(f.termStartDate, t.years * 12 + t.months), t.days),
          -f.pretrialDetentionDays,
        );
        expect(a.earliestDate < end).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
