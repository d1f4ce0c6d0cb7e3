import type { ValueTransformer } from 'typeorm';
import { MoneyError, Tiyn, assertTiyn } from './domain/money';

/**
 * Tiyn columns are `bigint`. PostgreSQL returns bigint as a string, SQLite as a number that is silently
 * imprecise above 2^53 (STYLE.md fact 5). This transformer turns both into a safe integer and refuses
 * anything else in either direction, so a corrupt or overflowing amount fails loudly instead of being
 * written or shown off by a few tiyn.
 */
export function moneyTransformer(options: { column?: string; allowNegative?: boolean } = {}): ValueTransformer {
  const field = options.column ?? 'amount';
  const check = (value: unknown): Tiyn => {
    if (options.allowNegative && typeof value === 'number' && Number.isSafeInteger(value)) return value;
    return assertTiyn(value, field);
  };
  return {
    to(value: Tiyn | null | undefined): Tiyn | null | undefined {
      if (value === null || value === undefined) return value;
      return check(value);
    },
    from(value: string | number | bigint | null | undefined): Tiyn | null {
      if (value === null || value === undefined) return null;
      if (typeof value === 'number') return check(value);
      if (typeof value === 'bigint') return check(bigintToSafe(value, field));
      if (typeof value === 'string') {
        if (!/^-?\d+$/.test(value))
          throw new MoneyError(field, 'not_integer', `из базы пришло не целое число: «${value}»`);
        return check(bigintToSafe(BigInt(value), field));
      }
      throw new MoneyError(field, 'format', `из базы пришло значение типа ${typeof value}`);
    },
  };
}

function bigintToSafe(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError(field, 'unsafe', `сумма из базы ${value} вне диапазона точных целых чисел`);
  }
  return Number(value);
}

/** The usual case: a non-negative tiyn column. */
export const tiynTransformer: ValueTransformer = moneyTransformer();
