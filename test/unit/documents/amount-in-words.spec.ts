import fc from 'fast-check';
import { settings } from '../../../src/law/legal-rules';
import {
  MAX_AMOUNT_IN_WORDS,
  MAX_NUMBER_IN_WORDS,
  amountInWords,
  amountWithWords,
  numberInWords,
} from '../../../src/documents/domain/amount-in-words';

const NB = '\u00A0';
const SHORT = { kazakhExplicitOne: false };
const EXPLICIT = { kazakhExplicitOne: true };
const NINES_KK =
  'тоғыз жүз тоқсан тоғыз миллиард тоғыз жүз тоқсан тоғыз миллион тоғыз жүз тоқсан тоғыз мың тоғыз жүз тоқсан тоғыз';

describe('numberInWords — golden table (kk short «жүз/мың», kk explicit «бір жүз/бір мың», ru)', () => {
  it.each<[number, string, string, string]>([
    [0, 'нөл', 'нөл', 'ноль'],
    [1, 'бір', 'бір', 'один'],
    [10, 'он', 'он', 'десять'],
    [11, 'он бір', 'он бір', 'одиннадцать'],
    [21, 'жиырма бір', 'жиырма бір', 'двадцать один'],
    [40, 'қырық', 'қырық', 'сорок'],
    [100, 'жүз', 'бір жүз', 'сто'],
    [101, 'жүз бір', 'бір жүз бір', 'сто один'],
    [120, 'жүз жиырма', 'бір жүз жиырма', 'сто двадцать'],
    [1_000, 'мың', 'бір мың', 'одна тысяча'],
    [1_100, 'мың жүз', 'бір мың бір жүз', 'одна тысяча сто'],
    [2_000, 'екі мың', 'екі мың', 'две тысячи'],
    [100_000, 'жүз мың', 'бір жүз мың', 'сто тысяч'],
    [101_000, 'жүз бір мың', 'бір жүз бір мың', 'сто одна тысяча'],
    [1_000_000, 'бір миллион', 'бір миллион', 'один миллион'],
    [1_001_011, 'бір миллион бір мың он бір', 'бір миллион бір мың он бір', 'один миллион одна тысяча одиннадцать'],
    [1_001_000, 'бір миллион бір мың', 'бір миллион бір мың', 'один миллион одна тысяча'],
    [5_001_500, 'бес миллион бір мың бес жүз', 'бес миллион бір мың бес жүз', 'пять миллионов одна тысяча пятьсот'],
    [1_000_001_000, 'бір миллиард бір мың', 'бір миллиард бір мың', 'один миллиард одна тысяча'],
    [
      3_000_001_999,
      'үш миллиард бір мың тоғыз жүз тоқсан тоғыз',
      'үш миллиард бір мың тоғыз жүз тоқсан тоғыз',
      'три миллиарда одна тысяча девятьсот девяносто девять',
    ],
    [1_101_000, 'бір миллион жүз бір мың', 'бір миллион бір жүз бір мың', 'один миллион сто одна тысяча'],
    [2_000_000, 'екі миллион', 'екі миллион', 'два миллиона'],
    [100_000_000, 'жүз миллион', 'бір жүз миллион', 'сто миллионов'],
    [1_000_000_000, 'бір миллиард', 'бір миллиард', 'один миллиард'],
    [
      999_999_999_999,
      NINES_KK,
      NINES_KK,
      'девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять',
    ],
  ])('%p → kk «%s» / «%s», ru «%s»', (n, kkShort, kkExplicit, ru) => {
    expect(numberInWords(n, 'kk', SHORT)).toBe(kkShort);
    expect(numberInWords(n, 'kk', EXPLICIT)).toBe(kkExplicit);
    expect(numberInWords(n, 'ru')).toBe(ru);
    expect(numberInWords(n, 'ru', EXPLICIT)).toBe(ru); // the Kazakh style setting never touches Russian
  });

  it.each<[number, string]>([
    [1_001, 'одна тысяча один'],
    [2_002_000, 'два миллиона две тысячи'],
    [5_000_000, 'пять миллионов'],
    [21_000, 'двадцать одна тысяча'],
    [22_000, 'двадцать две тысячи'],
    [11_000, 'одиннадцать тысяч'],
    [14_000, 'четырнадцать тысяч'],
    [111_000, 'сто одиннадцать тысяч'],
    [11_000_000, 'одиннадцать миллионов'],
    [21_000_000, 'двадцать один миллион'],
    [2_000_000_000, 'два миллиарда'],
    [5_000_000_000, 'пять миллиардов'],
    [12_345, 'двенадцать тысяч триста сорок пять'],
  ])('ru gender and number agreement: %p → «%s»', (n, words) => {
    expect(numberInWords(n, 'ru')).toBe(words);
  });

  it.each<[number, string]>([
    [2_002_000, 'екі миллион екі мың'],
    [5_000_000, 'бес миллион'],
    [11_000_000, 'он бір миллион'],
    [1_000_001, 'бір миллион бір'],
    [998_000_001_000, 'тоғыз жүз тоқсан сегіз миллиард бір мың'],
    [1_999, 'мың тоғыз жүз тоқсан тоғыз'], // «мың» alone only opens the number
    [67_890, 'алпыс жеті мың сегіз жүз тоқсан'],
    [45_312, 'қырық бес мың үш жүз он екі'],
  ])('kk: %p → «%s»', (n, words) => {
    expect(numberInWords(n, 'kk', SHORT)).toBe(words);
  });

  it('the Kazakh style defaults to settings.kazakhExplicitOneBeforeHundredAndThousand, read at call time', () => {
    const saved = settings.kazakhExplicitOneBeforeHundredAndThousand;
    try {
      settings.kazakhExplicitOneBeforeHundredAndThousand = false;
      expect(numberInWords(1_100, 'kk')).toBe('мың жүз');
      settings.kazakhExplicitOneBeforeHundredAndThousand = true;
      expect(numberInWords(1_100, 'kk')).toBe('бір мың бір жүз');
      expect(numberInWords(1_100, 'kk', SHORT)).toBe('мың жүз'); // an explicit option wins
    } finally {
      settings.kazakhExplicitOneBeforeHundredAndThousand = saved;
    }
  });

  it('shipped default is «жүз», «мың» (LAW.md §14 setting)', () => {
    expect(settings.kazakhExplicitOneBeforeHundredAndThousand).toBe(false);
  });

  it.each([-1, 1.5, NaN, Infinity, MAX_NUMBER_IN_WORDS + 1])('refuses %p with RangeError', (n) => {
    expect(() => numberInWords(n, 'ru')).toThrow(RangeError);
    expect(() => numberInWords(n, 'kk')).toThrow(RangeError);
  });
});

describe('amountInWords / amountWithWords (tenge in words, tiyn as two figures)', () => {
  it.each<[number, string, string, string]>([
    [0, 'нөл теңге 00 тиын', 'нөл теңге 00 тиын', 'ноль тенге 00 тиын'],
    [1, 'нөл теңге 01 тиын', 'нөл теңге 01 тиын', 'ноль тенге 01 тиын'],
    [50, 'нөл теңге 50 тиын', 'нөл теңге 50 тиын', 'ноль тенге 50 тиын'],
    [99, 'нөл теңге 99 тиын', 'нөл теңге 99 тиын', 'ноль тенге 99 тиын'],
    [10_050, 'жүз теңге 50 тиын', 'бір жүз теңге 50 тиын', 'сто тенге 50 тиын'],
    [100_001, 'мың теңге 01 тиын', 'бір мың теңге 01 тиын', 'одна тысяча тенге 01 тиын'],
    [200_000_000, 'екі миллион теңге 00 тиын', 'екі миллион теңге 00 тиын', 'два миллиона тенге 00 тиын'],
    [
      100_101_100,
      'бір миллион бір мың он бір теңге 00 тиын',
      'бір миллион бір мың он бір теңге 00 тиын',
      'один миллион одна тысяча одиннадцать тенге 00 тиын',
    ],
    [
      MAX_AMOUNT_IN_WORDS,
      `${NINES_KK} теңге 99 тиын`,
      `${NINES_KK} теңге 99 тиын`,
      'девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять тенге 99 тиын',
    ],
  ])('%p tiyn → kk «%s» / «%s», ru «%s»', (tiyn, kkShort, kkExplicit, ru) => {
    expect(amountInWords(tiyn, 'kk', SHORT)).toBe(kkShort);
    expect(amountInWords(tiyn, 'kk', EXPLICIT)).toBe(kkExplicit);
    expect(amountInWords(tiyn, 'ru')).toBe(ru);
  });

  it('the LAW.md §14 pattern, figures grouped with no-break spaces', () => {
    expect(amountWithWords(200_000_000, 'kk')).toBe(`2${NB}000${NB}000 (екі миллион) теңге 00 тиын`);
    expect(amountWithWords(200_000_000, 'ru')).toBe(`2${NB}000${NB}000 (два миллиона) тенге 00 тиын`);
    expect(amountWithWords(100_050, 'kk', EXPLICIT)).toBe(`1${NB}000 (бір мың) теңге 50 тиын`);
    expect(amountWithWords(7, 'ru')).toBe('0 (ноль) тенге 07 тиын');
  });

  it.each([-1, 0.5, NaN, MAX_AMOUNT_IN_WORDS + 1, Number.MAX_SAFE_INTEGER])('refuses %p tiyn with RangeError', (t) => {
    expect(() => amountInWords(t, 'kk')).toThrow(RangeError);
    expect(() => amountWithWords(t, 'ru')).toThrow(RangeError);
  });
});

// ---------- a tiny words → number parser, to check the words mean the number ----------

const RU_VALUES: Record<string, number> = {
  ноль: 0,
  один: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  тринадцать: 13,
  четырнадцать: 14,
  пятнадцать: 15,
  шестнадцать: 16,
  семнадцать: 17,
  восемнадцать: 18,
  девятнадцать: 19,
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  пятьдесят: 50,
  шестьдесят: 60,
  семьдесят: 70,
  восемьдесят: 80,
  девяносто: 90,
  сто: 100,
  двести: 200,
  триста: 300,
  четыреста: 400,
  пятьсот: 500,
  шестьсот: 600,
  семьсот: 700,
  восемьсот: 800,
  девятьсот: 900,
};
const RU_SCALES: Record<string, number> = {
  тысяча: 1e3,
  тысячи: 1e3,
  тысяч: 1e3,
  миллион: 1e6,
  миллиона: 1e6,
  миллионов: 1e6,
  миллиард: 1e9,
  миллиарда: 1e9,
  миллиардов: 1e9,
};
const KK_VALUES: Record<string, number> = {
  нөл: 0,
  бір: 1,
  екі: 2,
  үш: 3,
  төрт: 4,
  бес: 5,
  алты: 6,
  жеті: 7,
  сегіз: 8,
  тоғыз: 9,
  он: 10,
  жиырма: 20,
  отыз: 30,
  қырық: 40,
  елу: 50,
  алпыс: 60,
  жетпіс: 70,
  сексен: 80,
  тоқсан: 90,
};
const KK_SCALES: Record<string, number> = { мың: 1e3, миллион: 1e6, миллиард: 1e9 };

function parseWords(text: string, lang: 'kk' | 'ru'): number {
  const values = lang === 'kk' ? KK_VALUES : RU_VALUES;
  const scales = lang === 'kk' ? KK_SCALES : RU_SCALES;
  let total = 0;
  let group = 0;
  let groupHasWords = false;
  for (const w of text.split(' ')) {
    if (w in values) {
      group += values[w];
      groupHasWords = true;
    } else if (lang === 'kk' && w === 'жүз') {
      group = (groupHasWords ? group : 1) * 100; // «екі жүз» = 2·100, bare «жүз» = 100
      groupHasWords = true;
    } else if (w in scales) {
      total += (groupHasWords ? group : 1) * scales[w]; // bare «мың» = 1000
      group = 0;
      groupHasWords = false;
    } else {
      throw new Error(`unknown word «${w}» in «${text}»`);
    }
  }
  return total + group;
}

describe('properties over the whole range', () => {
  const anyNumber = fc.oneof(
    fc.integer({ min: 0, max: MAX_NUMBER_IN_WORDS }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.constantFrom(0, 1, 100, 1_000, 1_000_000, 1_000_000_000, MAX_NUMBER_IN_WORDS),
  );

  it('words parse back to the number (ru, kk short, kk explicit)', () => {
    fc.assert(
      fc.property(anyNumber, (n) => {
        expect(parseWords(numberInWords(n, 'ru'), 'ru')).toBe(n);
        expect(parseWords(numberInWords(n, 'kk', SHORT), 'kk')).toBe(n);
        expect(parseWords(numberInWords(n, 'kk', EXPLICIT), 'kk')).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it('never «undefined», empty words, double or edge spaces; lower-case Cyrillic only', () => {
    fc.assert(
      fc.property(anyNumber, fc.constantFrom<'kk' | 'ru'>('kk', 'ru'), fc.boolean(), (n, lang, explicit) => {
        const words = numberInWords(n, lang, { kazakhExplicitOne: explicit });
        expect(words).not.toMatch(/undefined|NaN|null/);
        expect(words).not.toMatch(/ {2}|^ | $/);
        expect(words).toMatch(/^[а-яёәғқңөұүһі ]+$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('«бір» before «миллион»/«миллиард» in both styles; «жүз»/«мың» bare only in the short style', () => {
    const isNumberWord = (w: string | undefined) => w !== undefined && w in KK_VALUES;
    const isUnit = (w: string | undefined) => w !== undefined && KK_VALUES[w] >= 1 && KK_VALUES[w] <= 9;
    fc.assert(
      fc.property(anyNumber, (n) => {
        const short = numberInWords(n, 'kk', SHORT).split(' ');
        const explicit = numberInWords(n, 'kk', EXPLICIT).split(' ');
        for (const words of [short, explicit]) {
          words.forEach((w, i) => {
            if (w === 'миллион' || w === 'миллиард')
              expect(isNumberWord(words[i - 1]) || words[i - 1] === 'жүз').toBe(true);
          });
        }
        explicit.forEach((w, i) => {
          if (w === 'жүз') expect(isUnit(explicit[i - 1])).toBe(true);
          if (w === 'мың') expect(isNumberWord(explicit[i - 1]) || explicit[i - 1] === 'жүз').toBe(true);
        });
        short.forEach((w, i) => {
          if (w === 'жүз') expect(short[i - 1] === 'бір').toBe(false);
          // «бір мың» only as the end of a larger group («жиырма бір мың», «жүз бір мың») or after millions
          // («бір миллион бір мың»); a bare «мың» only opens the number («мың жүз»).
          if (w === 'мың' && short[i - 1] === 'бір')
            expect(isNumberWord(short[i - 2]) || ['жүз', 'миллион', 'миллиард'].includes(short[i - 2])).toBe(true);
          if (w === 'мың' && !isNumberWord(short[i - 1]) && short[i - 1] !== 'жүз') expect(i).toBe(0);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('amounts: «<words> теңге|тенге NN тиын» and the words parse back to the whole tenge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_IN_WORDS }),
        fc.constantFrom<'kk' | 'ru'>('kk', 'ru'),
        (t, lang) => {
          const m = /^(.+) (теңге|тенге) (\d{2}) тиын$/.exec(amountInWords(t, lang));
          expect(m).not.toBeNull();
          expect(m![2]).toBe(lang === 'kk' ? 'теңге' : 'тенге');
          expect(parseWords(m![1], lang) * 100 + Number(m![3])).toBe(t);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
