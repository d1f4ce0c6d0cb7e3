/**
 * Money is an integer number of tiyn (1 ₸ = 100 tiyn), never a float of tenge: sums, schedules and
 * arrears must add up to the tiyn a court sees in the agreement. Only safe integers (≤ 2^53 − 1) are
 * accepted, because above that a JS number silently loses tiyn (STYLE.md fact 5).
 * Pure: no framework imports here.
 */
export type Tiyn = number;

export const TIYN_PER_TENGE = 100;

/** No-break space: a printed amount must never wrap inside its figures or away from «₸». */
export const NBSP = '\u00A0';

export type MoneyRule = 'not_integer' | 'negative' | 'unsafe' | 'format' | 'too_many_decimals' | 'ratios';

/** A money value broke a rule; `field` names the input it came from, `rule` is a stable snake_case id. */
export class MoneyError extends Error {
  readonly code = 'money_invalid' as const;
  constructor(
    readonly field: string,
    readonly rule: MoneyRule,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'MoneyError';
  }
}

/**
 * The largest amount the service takes: 999 999 999 999,99 ₸ (10¹⁴ − 1 tiyn), the most the documents can write
 * out in words. Every amount a user enters is checked against it at the edge (`IsTiyn`, `IsPositiveTiyn`).
 */
export const MAX_TIYN: Tiyn = 10 ** 14 - 1;

/** Within what the service takes (and so below 2^53: a safe integer). Not a check of integrality. */
export const notAboveMaxTiyn = (value: unknown): boolean => !(typeof value === 'number' && value > MAX_TIYN);

export function isTiyn(value: unknown): value is Tiyn {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Throws MoneyError naming the field and the broken rule; returns the value for chaining. */
export function assertTiyn(value: unknown, field: string): Tiyn {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new MoneyError(field, 'not_integer', `сумма в тиын должна быть целым числом, получено ${String(value)}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(field, 'unsafe', `сумма ${value} вне диапазона точных целых чисел (±2^53−1)`);
  }
  if (value < 0) {
    throw new MoneyError(field, 'negative', `сумма не может быть отрицательной: ${value}`);
  }
  return value;
}

/** Whole tenge (and optional tiyn) → tiyn. Fractions of tenge go through parseTenge, never through floats. */
export function tenge(whole: number, tiyn = 0): Tiyn {
  assertTiyn(whole, 'tenge');
  assertTiyn(tiyn, 'tiyn');
  if (tiyn >= TIYN_PER_TENGE) throw new MoneyError('tiyn', 'format', `тиын должно быть от 0 до 99, получено ${tiyn}`);
  return assertTiyn(whole * TIYN_PER_TENGE + tiyn, 'tenge');
}

// Digits grouped by thousands with any kind of space (plain, NBSP, narrow NBSP, thin), or ungrouped.
const AMOUNT = /^(\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d+)(?:[.,](\d+))?$/;

/**
 * '2 000 000,50 ₸' | '2000000.50' | '2 000 000' | '10,5' → tiyn.
 * Accepts a comma or a dot as decimal separator, at most two decimals, an optional trailing «₸»;
 * groups, if used, must be exact thousands. Anything else (signs, letters, '1 00', '1.234') is refused.
 */
export function parseTenge(text: string, field = 'amount'): Tiyn {
  if (typeof text !== 'string') throw new MoneyError(field, 'format', 'ожидается строка с суммой');
  const body = text.trim().replace(/[\s\u00A0\u202F]*₸$/, '');
  const m = AMOUNT.exec(body);
  if (!m) {
    const tooPrecise = /^[\d \u00A0\u202F\u2009]+[.,]\d{3,}$/.test(body);
    if (tooPrecise) throw new MoneyError(field, 'too_many_decimals', `не более двух знаков после запятой: «${text}»`);
    throw new MoneyError(field, 'format', `не сумма в тенге: «${text}»`);
  }
  const fraction = m[2] ?? '';
  if (fraction.length > 2)
    throw new MoneyError(field, 'too_many_decimals', `не более двух знаков после запятой: «${text}»`);
  // BigInt so that a long input cannot round before the safety check.
  const total = BigInt(m[1].replace(/\D/g, '')) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError(field, 'unsafe', `сумма слишком велика: «${text}»`);
  return Number(total);
}

/** Tiyn → { tenge: '2 000 000', tiyn: '00' } with NBSP between groups, for documents that print parts apart. */
export function formatTengeParts(tiyn: Tiyn): { tenge: string; tiyn: string } {
  assertTiyn(tiyn, 'amount');
  const whole = Math.floor(tiyn / TIYN_PER_TENGE);
  return {
    tenge: groupThousands(String(whole)),
    tiyn: String(tiyn % TIYN_PER_TENGE).padStart(2, '0'),
  };
}

/** Tiyn → '2 000 000,00 ₸' (NBSP between groups and before «₸», comma decimal). */
export function formatTenge(tiyn: Tiyn): string {
  const p = formatTengeParts(tiyn);
  return `${p.tenge},${p.tiyn}${NBSP}₸`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * Splits `total` into parts proportional to integer `ratios`, summing exactly to `total`.
 * Rounding is explicit: every part first gets floor(total·ratio/sum); the tiyn left over (fewer than
 * the number of parts) go one each to the parts with the largest remainders, ties to the earlier part
 * (largest-remainder / Hamilton method). A zero ratio always gets 0.
 * Ratios are non-negative safe integers (use basis points for percentages: 3333, 6667) so that
 * the shares are computed exactly — float ratios would make the rounding depend on binary noise.
 */
export function allocate(total: Tiyn, ratios: readonly number[]): Tiyn[] {
  assertTiyn(total, 'total');
  if (ratios.length === 0) throw new MoneyError('ratios', 'ratios', 'нужна хотя бы одна доля');
  ratios.forEach((r, i) => {
    if (!Number.isSafeInteger(r) || r < 0) {
      throw new MoneyError(`ratios[${i}]`, 'ratios', `доля должна быть целым неотрицательным числом, получено ${r}`);
    }
  });
  const sum = ratios.reduce((a, r) => a + BigInt(r), 0n);
  if (sum === 0n) throw new MoneyError('ratios', 'ratios', 'сумма долей равна нулю');

  const t = BigInt(total);
  const shares = ratios.map((r, index) => {
    const exact = t * BigInt(r);
    return { index, base: exact / sum, remainder: exact % sum };
  });
  let left = t - shares.reduce((a, s) => a + s.base, 0n);
  const order = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const extra = new Array<number>(ratios.length).fill(0);
  for (const s of order) {
    if (left === 0n) break;
    extra[s.index] = 1;
    left -= 1n;
  }
  return shares.map((s) => Number(s.base) + extra[s.index]);
}

/** `n` parts as equal as possible; the first `total mod n` parts carry one tiyn more. */
export function splitEvenly(total: Tiyn, n: number): Tiyn[] {
  assertTiyn(total, 'total');
  if (!Number.isSafeInteger(n) || n < 1)
    throw new MoneyError('n', 'ratios', `число частей должно быть целым ≥ 1, получено ${n}`);
  const base = Math.floor(total / n);
  const rest = total % n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

export function sumTiyn(amounts: readonly Tiyn[]): Tiyn {
  return assertTiyn(
    amounts.reduce((a, b) => a + b, 0),
    'sum',
  );
}
