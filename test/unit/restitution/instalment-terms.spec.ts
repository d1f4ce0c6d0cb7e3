import { settings } from '../../../src/law/legal-rules';
import { MAX_TIYN } from '../../../src/money/domain/money';
import { instalmentTermsProblems, isDueDayOfMonth } from '../../../src/restitution/domain/instalment-terms';

/** Instalment terms are judged in one place: the DTOs, the preview and the machines all use these predicates. */
describe('instalment terms', () => {
  const ok = { total: 100_000, monthly: 10_000, dayOfMonth: 10 };
  const rules = (terms: unknown, options = {}) => instalmentTermsProblems(terms, options).map((p) => `${p.field}:${p.rule}`);

  it('takes the day-of-month limits from the legal rules', () => {
    const { min, max } = settings.dueDayOfMonth;
    expect([min - 1, min, max, max + 1, 10.5, '10'].map(isDueDayOfMonth)).toEqual([false, true, true, false, false, false]);
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
    ['a first date before the agreement', { ...ok, firstDueDate: '2026-11-30' }, { notBefore: '2026-12-01' }, ['firstDueDate:first_due_before_agreement']],
    ['no start when one is required', ok, { startRequired: true }, ['firstDueDate:start_required']],
    ['a start flag that is not a boolean', { ...ok, startsMonthAfterRelease: 'yes' }, {}, ['startsMonthAfterRelease:isBoolean']],
  ])('refuses %s', (_what, terms, options, expected) => {
    expect(rules(terms, options)).toEqual(expected);
  });
});
