import { formatDate, formatMoney, parseAmountInput } from '../../../src/web/render/format';
import { fromAcceptLanguage, languageOf } from '../../../src/web/i18n/lang';

describe('workplace formats', () => {
  it('shows amounts in tenge with tiyn, and reads them back as typed', () => {
    expect(formatMoney(200_000_000)).toBe('2\u00A0000\u00A0000,00\u00A0₸');
    expect(parseAmountInput('2 000 000,00')).toEqual({ ok: true, tiyn: 200_000_000 });
    expect(parseAmountInput('2000000')).toEqual({ ok: true, tiyn: 200_000_000 }); // tenge, never tiyn
    expect(parseAmountInput('50 000.5 ₸')).toEqual({ ok: true, tiyn: 5_000_050 });
    expect(parseAmountInput('')).toEqual({ ok: false, rule: 'required' });
    expect(parseAmountInput('1,234')).toEqual({ ok: false, rule: 'too_many_decimals' });
    expect(parseAmountInput('два миллиона')).toEqual({ ok: false, rule: 'money_format' });
    expect(parseAmountInput('-5')).toEqual({ ok: false, rule: 'money_format' });
  });

  it('spells dates in the reader language', () => {
    expect(formatDate('2026-12-03', 'ru')).toBe('3 декабря 2026 г.');
    expect(formatDate('2026-12-03', 'kk')).toBe('2026 ж. 3 желтоқсан');
    expect(formatDate('2026-12-03', 'en')).toBe('3 December 2026');
  });

  it('takes the language from the user, the cookie, the browser, else Russian', () => {
    expect(fromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(fromAcceptLanguage('de-DE, kk;q=0.5, ru;q=0.7')).toBe('ru');
    expect(fromAcceptLanguage('de')).toBeNull();
    expect(languageOf('kk', 'en', 'ru')).toBe('kk');
    expect(languageOf(null, 'en', 'ru')).toBe('en');
    expect(languageOf(null, undefined, 'fr')).toBe('ru');
  });
});
