import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { flattenValidationErrors } from '../../../src/common/validation.pipe';
import { settings } from '../../../src/law/legal-rules';
import { InstalmentTermsDto } from '../../../src/restitution/dto/instalment-terms.dto';
import { MAX_TIYN } from '../../../src/money/domain/money';
import { instalmentTermsProblems, isDueDayOfMonth } from '../../../src/restitution/domain/instalment-terms';

/** Instalment terms are judged in one place: the DTOs, the preview and the machines all use these predicates. */
describe('instalment terms', () => {
  const ok = { total: 100_000, monthly: 10_000, dayOfMonth: 10 };
  const rules = (terms: unknown, options = {}) =>
    instalmentTermsProblems(terms, options).map((p) => `${p.field}:${p.rule}`);

  it('takes the day-of-month limits from the legal rules', () => {
    const { min, max } = settings.dueDayOfMonth;
    expect([min - 1, min, max, max + 1, 10.5, '10'].map(isDueDayOfMonth)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('accepts sound terms', () => {
    expect(rules(ok)).toEqual([]);
    expect(rules({ ...ok, firstDueDate: '2027-01-10' }, { notBefore: '2026-12-01', startRequired: true })).toEqual([]);
    expect(rules({ ...ok, startsMonthAfterRelease: true }, { startRequired: true })).toEqual([]);
    expect(rules({ ...ok, total: MAX_TIYN, monthly: MAX_TIYN })).toEqual([]);
  });

  it.each([
    ['not an object', null, {}, ['instalments:isObject']],
    ['a zero monthly amount', { ...ok, monthly: 0 }, {}, ['monthly:tiyn_positive']],
    ['fractional tiyn', { ...ok, total: 10.5 }, {}, ['total:tiyn_positive']],
    ['an amount beyond the maximum', { ...ok, total: MAX_TIYN + 1 }, {}, ['total:tiyn_max']],
    ['day 32', { ...ok, dayOfMonth: 32 }, {}, ['dayOfMonth:day_of_month_range']],
    ['day 0', { ...ok, dayOfMonth: 0 }, {}, ['dayOfMonth:day_of_month_range']],
    ['an impossible first date', { ...ok, firstDueDate: '2027-02-30' }, {}, ['firstDueDate:local_date']],
    [
      'a first date before the agreement',
      { ...ok, firstDueDate: '2026-11-30' },
      { notBefore: '2026-12-01' },
      ['firstDueDate:first_due_before_agreement'],
    ],
    ['no start when one is required', ok, { startRequired: true }, ['firstDueDate:start_required']],
    [
      'a start flag that is not a boolean',
      { ...ok, startsMonthAfterRelease: 'yes' },
      {},
      ['startsMonthAfterRelease:isBoolean'],
    ],
  ])('refuses %s', (_what, terms, options, expected) => {
    expect(rules(terms, options)).toEqual(expected);
  });
});

describe('the instalment-terms DTO and the machines judge alike', () => {
  const value = fc.oneof(
    fc.integer({ min: -5, max: 40 }),
    fc.integer(),
    fc.constantFrom(0, 1, MAX_TIYN, MAX_TIYN + 1, 2 ** 53, 1e20, Infinity, NaN, 10.5, -0.5),
    fc.constantFrom('10', '', '2027-01-10', '2027-02-30', 'yes', true, false, null),
  );
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const terms = fc.record({
    total: value,
    monthly: value,
    dayOfMonth: value,
    firstDueDate: maybe(value),
    startsMonthAfterRelease: maybe(value),
  });

  it('for any terms, the DTO reports exactly the problems the domain predicate finds (same fields, same rules)', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const body = Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined));
        const dto = flattenValidationErrors(
          validateSync(plainToInstance(InstalmentTermsDto, body), { whitelist: true, forbidNonWhitelisted: true }),
        );
        const domain = instalmentTermsProblems(body);
        const key = (p: { field: string; rule: string }) => `${p.field}:${p.rule}`;
        expect(dto.map(key).sort()).toEqual(domain.map(key).sort());
      }),
      { numRuns: 2000 },
    );
  });
});
