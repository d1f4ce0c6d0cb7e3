import fc from 'fast-check';
import {
  MoneyError,
  NBSP,
  allocate,
  assertTiyn,
  formatTenge,
  formatTengeParts,
  isTiyn,
  parseTenge,
  splitEvenly,
  tenge,
} from '../../../src/money/domain/money';

function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof MoneyError) return `${e.field}:${e.rule}`;
    throw e;
  }
  return undefined;
}

describe('tiyn: integer minor units, safe integers only', () => {
  it.each([0, 1, 100, Number.MAX_SAFE_INTEGER])('%p is tiyn', (v) => {
    expect(isTiyn(v)).toBe(true);
    expect(assertTiyn(v, 'amount')).toBe(v);
  });

  it.each([
    [1.5, 'paid:not_integer'],
    [NaN, 'paid:not_integer'],
    [Infinity, 'paid:not_integer'],
    ['100', 'paid:not_integer'],
    [-1, 'paid:negative'],
    [Number.MAX_SAFE_INTEGER + 1, 'paid:unsafe'],
  ])('%p is refused naming field and rule (%s)', (v, expected) => {
    expect(isTiyn(v)).toBe(false);
    expect(ruleOf(() => assertTiyn(v, 'paid'))).toBe(expected);
  });

  it('tenge() converts whole tenge (and tiyn) to tiyn', () => {
    expect(tenge(2_000_000)).toBe(200_000_000);
    expect(tenge(10, 50)).toBe(1050);
    expect(ruleOf(() => tenge(1.5))).toBe('tenge:not_integer');
    expect(ruleOf(() => tenge(1, 100))).toBe('tiyn:format');
    expect(ruleOf(() => tenge(Number.MAX_SAFE_INTEGER))).toBe('tenge:unsafe');
  });
});

describe('parseTenge', () => {
  it.each([
    ['2 000 000,50 ₸', 200_000_050],
    ['2000000.50', 200_000_050],
    ['2 000 000', 200_000_000],
    [`2${NBSP}000${NBSP}000,00${NBSP}₸`, 200_000_000],
    ['2\u202F000', 200_000],
    ['10,5', 1050],
    ['0', 0],
    ['0,01', 1],
    ['  15 ₸ ', 1500],
    ['90071992547409,91', Number.MAX_SAFE_INTEGER],
  ])('%p → %p tiyn', (text, tiyn) => {
    expect(parseTenge(text)).toBe(tiyn);
  });

  it.each([
    ['1,234', 'amount:too_many_decimals'],
    ['2 000.001', 'amount:too_many_decimals'],
    ['', 'amount:format'],
    ['abc', 'amount:format'],
    ['-5', 'amount:format'],
    ['1 00', 'amount:format'],
    ['12 3456', 'amount:format'],
    ['1,', 'amount:format'],
    [',50', 'amount:format'],
    ['1e5', 'amount:format'],
    ['$100', 'amount:format'],
    ['90071992547409,92', 'amount:unsafe'],
    ['99999999999999999999', 'amount:unsafe'],
  ])('%p is refused (%s)', (text, expected) => {
    expect(ruleOf(() => parseTenge(text))).toBe(expected);
  });

  it('round-trips with formatTenge for every safe amount', () => {
    fc.assert(fc.property(fc.maxSafeNat(), (t) => parseTenge(formatTenge(t)) === t));
  });
});

describe('formatTenge', () => {
  it.each([
    [0, '0,00 ₸'],
    [1, '0,01 ₸'],
    [99_999, '999,99 ₸'],
    [100_000, '1 000,00 ₸'],
    [200_000_000, '2 000 000,00 ₸'],
    [123_456_789_012, '1 234 567 890,12 ₸'],
  ])('%p → %p (NBSP between groups and before ₸)', (tiyn, shown) => {
    const out = formatTenge(tiyn);
    expect(out).toBe(shown.replace(/ /g, NBSP));
    expect(out).not.toMatch(/ /); // no breakable space anywhere
  });

  it('formatTengeParts gives the parts documents print apart', () => {
    expect(formatTengeParts(200_000_000)).toEqual({ tenge: `2${NBSP}000${NBSP}000`, tiyn: '00' });
    expect(formatTengeParts(105)).toEqual({ tenge: '1', tiyn: '05' });
  });

  it('refuses a non-tiyn', () => {
    expect(ruleOf(() => formatTenge(-100))).toBe('amount:negative');
    expect(ruleOf(() => formatTenge(0.5))).toBe('amount:not_integer');
  });
});

describe('allocate: largest remainder, ties to the earlier part', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [200, [1, 1, 1], [67, 67, 66]],
    [1000, [50, 50], [500, 500]],
    [5, [3, 7], [2, 3]], // 1.5 / 3.5: equal remainders → earlier part
    [10, [1, 0, 1], [5, 0, 5]],
    [7, [0, 1], [0, 7]],
    [1, [3333, 3333, 3334], [0, 0, 1]], // largest remainder wins over position
    [0, [1, 2], [0, 0]],
  ])('allocate(%p, %p) = %p', (total, ratios, parts) => {
    expect(allocate(total, ratios)).toEqual(parts);
  });

  it('refuses bad ratios', () => {
    expect(ruleOf(() => allocate(100, []))).toBe('ratios:ratios');
    expect(ruleOf(() => allocate(100, [0, 0]))).toBe('ratios:ratios');
    expect(ruleOf(() => allocate(100, [1, 0.5]))).toBe('ratios[1]:ratios');
    expect(ruleOf(() => allocate(100, [1, -1]))).toBe('ratios[1]:ratios');
    expect(ruleOf(() => allocate(-1, [1]))).toBe('total:negative');
  });

  it('parts always sum to total, each within one tiyn of its exact share, zero ratios get zero', () => {
    fc.assert(
      fc.property(
        fc.maxSafeNat(),
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 20 }).filter((r) => r.some((x) => x > 0)),
        (total, ratios) => {
          const parts = allocate(total, ratios);
          const sum = ratios.reduce((a, r) => a + BigInt(r), 0n);
          expect(parts.reduce((a, p) => a + BigInt(p), 0n)).toBe(BigInt(total));
          parts.forEach((p, i) => {
            expect(Number.isSafeInteger(p)).toBe(true);
            const floor = (BigInt(total) * BigInt(ratios[i])) / sum;
            expect(BigInt(p) - floor === 0n || BigInt(p) - floor === 1n).toBe(true);
            if (ratios[i] === 0) expect(p).toBe(0);
          });
        },
      ),
    );
  });
});

describe('splitEvenly', () => {
  it.each([
    [100, 3, [34, 33, 33]],
    [200_000_000, 12, [...Array(8).fill(16_666_667), ...Array(4).fill(16_666_666)]],
    [2, 5, [1, 1, 0, 0, 0]],
    [0, 2, [0, 0]],
  ])('splitEvenly(%p, %p)', (total, n, parts) => {
    expect(splitEvenly(total, n)).toEqual(parts);
  });

  it('first parts carry the extra tiyn; sum is exact; differ by at most one', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: 600 }), (total, n) => {
        const parts = splitEvenly(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, p) => a + BigInt(p), 0n)).toBe(BigInt(total));
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
    );
  });

  it('refuses n < 1 or fractional n', () => {
    expect(ruleOf(() => splitEvenly(100, 0))).toBe('n:ratios');
    expect(ruleOf(() => splitEvenly(100, 1.5))).toBe('n:ratios');
  });
});
