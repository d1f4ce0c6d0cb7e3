import { MoneyError } from '../../../src/money/domain/money';
import { moneyTransformer, tiynTransformer } from '../../../src/money/money.transformer';

function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof MoneyError) return `${e.field}:${e.rule}`;
    throw e;
  }
  return undefined;
}

describe('money transformer (bigint column ↔ safe integer tiyn)', () => {
  it('reads PostgreSQL bigint strings and SQLite numbers as safe integers', () => {
    expect(tiynTransformer.from('200000000')).toBe(200_000_000);
    expect(tiynTransformer.from('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(tiynTransformer.from(1050)).toBe(1050);
    expect(tiynTransformer.from(null)).toBeNull();
    expect(tiynTransformer.from(undefined)).toBeNull();
  });

  it('refuses values that would lose tiyn or are not integers', () => {
    const t = moneyTransformer({ column: 'amount_due' });
    expect(ruleOf(() => t.from('9007199254740992'))).toBe('amount_due:unsafe');
    expect(ruleOf(() => t.from(2 ** 53))).toBe('amount_due:unsafe');
    expect(ruleOf(() => t.from('12.50'))).toBe('amount_due:not_integer');
    expect(ruleOf(() => t.from('-5'))).toBe('amount_due:negative');
    expect(ruleOf(() => t.from(1.5))).toBe('amount_due:not_integer');
  });

  it('checks before writing', () => {
    expect(tiynTransformer.to(100)).toBe(100);
    expect(tiynTransformer.to(null)).toBeNull();
    expect(tiynTransformer.to(undefined)).toBeUndefined();
    expect(ruleOf(() => tiynTransformer.to(0.1 + 0.2))).toBe('amount:not_integer');
    expect(ruleOf(() => tiynTransformer.to(Number.MAX_SAFE_INTEGER + 2))).toBe('amount:unsafe');
    expect(ruleOf(() => tiynTransformer.to(-1))).toBe('amount:negative');
  });

  it('allows negatives only when asked (signed ledger columns)', () => {
    const signed = moneyTransformer({ allowNegative: true });
    expect(signed.from('-500')).toBe(-500);
    expect(signed.to(-500)).toBe(-500);
    expect(() => signed.from('-9007199254740992')).toThrow(MoneyError);
  });
});
