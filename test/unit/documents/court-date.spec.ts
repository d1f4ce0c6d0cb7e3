import { courtDateLine, dateInText, numericDate } from '../../../src/documents/domain/court-date';

describe('dates as courts write them (LAW.md §14)', () => {
  it('writes the document date line', () => {
    expect(courtDateLine('2027-03-15', 'kk')).toBe('2027 жылғы «15» наурыз');
    expect(courtDateLine('2027-03-15', 'ru')).toBe('"15" марта 2027 г.');
    expect(courtDateLine('2027-09-05', 'ru')).toBe('"05" сентября 2027 г.');
  });

  it('declines Kazakh months by vowel harmony; only қыркүйек takes -т-/-к-', () => {
    expect(dateInText('2001-12-13', 'kk', 'of')).toBe('2001 жылғы 13 желтоқсандағы');
    expect(dateInText('2027-09-01', 'kk', 'of')).toBe('2027 жылғы 1 қыркүйектегі');
    expect(dateInText('2027-09-01', 'kk', 'until')).toBe('2027 жылғы 1 қыркүйекке дейін');
    expect(dateInText('2027-04-20', 'kk', 'until')).toBe('2027 жылғы 20 сәуірге дейін');
    expect(dateInText('2027-07-10', 'kk', 'from')).toBe('2027 жылғы 10 шілдеден бастап');
    expect(dateInText('2027-06-10', 'kk', 'from')).toBe('2027 жылғы 10 маусымнан бастап');
  });

  it('uses the Russian genitive', () => {
    expect(dateInText('2001-12-13', 'ru', 'of')).toBe('13 декабря 2001 года');
    expect(dateInText('2027-03-25', 'ru', 'until')).toBe('до 25 марта 2027 года');
    expect(dateInText('2027-05-01', 'ru', 'from')).toBe('с 1 мая 2027 года');
  });

  it('prints tables as DD.MM.YYYY and refuses non-dates', () => {
    expect(numericDate('2027-03-05')).toBe('05.03.2027');
    expect(() => courtDateLine('2027-13-01', 'kk')).toThrow();
  });
});
