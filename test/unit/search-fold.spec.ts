import { foldForSearch, searchDocument, searchWords, transliterate } from '../../src/cases/search/fold';
import { caseIndexRow, filterKey } from '../../src/cases/case-index';
import { initialProcedure } from '../../machines/procedure';

describe('search folding (one spelling for Kazakh and Russian names)', () => {
  it.each([
    ['Жұмабеков', 'жумабеков'],
    ['ЖУМАБЕКОВ', 'жумабеков'],
    ['Әсел Ғалымқызы', 'асел галымкызы'],
    ['Нұрлан Өмірзақ', 'нурлан омирзак'],
    ['Үмбетов Һәкім', 'умбетов хаким'],
    ['Ңң Іі Ёё', 'нн ии ее'],
    ['Seitqali Ömirzaq Ūlbike Äsel', 'seitqali omirzaq ulbike asel'],
  ])('%s → %s', (text, folded) => expect(foldForSearch(text)).toBe(folded));

  it('gives the Russian and the Kazakh spelling the same words', () => {
    expect(searchWords('Жумабеков Ерлан')).toEqual(searchWords('Жұмабеков  Ерлан'));
    expect(searchWords('МД-2026-000001')).toEqual(['мд', '2026', '000001']);
    expect(searchWords('%_"*')).toEqual([]);
  });

  it('adds a Latin spelling of Cyrillic words, none for digits', () => {
    expect(transliterate('жумабеков')).toBe('zhumabekov');
    expect(transliterate('2026')).toBeNull();
    expect(searchDocument(['Жұмабеков', 'Жумабеков', 'МД-2026-000001']).split(' ')).toEqual([
      'жумабеков',
      'zhumabekov',
      'мд',
      'md',
      '2026',
      '000001',
    ]);
  });

  it('indexes names and the number but never an ИИН', () => {
    const row = caseIndexRow(
      {
        id: 'c1',
        number: 'МД-2026-000001',
        state: 'applied',
        createdAt: '2026-12-01T05:00:00.000Z',
        application: {
          convict: { fullName: 'Серіков Болат', iin: '900101300017' },
          sentence: { court: 'Усть-Каменогорский  городской суд' },
          mediator: { fullName: 'Қасымова Айгерім' },
          claims: [{ victim: { fullName: 'Ахметова Гүлнар', iin: '850505400127' } }],
        } as never,
        snapshot: initialProcedure({
          procedure: 'parole',
          lifeImprisonment: false,
          claims: [{ id: 'k1', kind: 'victim', awarded: 100_00, recovered: 0 }],
        }),
      },
      [],
    );
    expect(row.searchText).not.toMatch(/\d{12}/);
    expect(row.searchText.split(' ')).toEqual(
      expect.arrayContaining(['сериков', 'serikov', 'ахметова', 'гулнар', '000001']),
    );
    expect(row.iins).toEqual(['850505400127', '900101300017']);
    expect(row.courtKey).toBe('усть-каменогорский городской суд');
    expect(row.mediatorKey).toBe(filterKey('КАСЫМОВА АЙГЕРИМ'));
    expect(row.claimStates).toEqual(['pending']);
    expect(row.nextDeadline).toBeNull();
  });
});
