import { articleOf, courtInGenitive, partyOf, representativeOf } from '../../../src/documents/case-documents';

/** How the application's free text becomes what the documents print. */
describe('case documents: reading the application', () => {
  it.each([
    ['Усть-Каменогорский городской суд', 'Усть-Каменогорского городского суда'],
    [
      'Специализированный межрайонный суд по уголовным делам Восточно-Казахстанской области',
      'Специализированного межрайонного суда по уголовным делам Восточно-Казахстанской области',
    ],
    ['Районный суд № 2 Алмалинского района г. Алматы', 'Районного суда № 2 Алмалинского района г. Алматы'],
    ['Глубоковский районный суд', 'Глубоковского районного суда'],
  ])('declines the Russian court name «%s» to the genitive', (given, genitive) => {
    expect(courtInGenitive(given)).toEqual({ ru: genitive, kk: given });
  });

  it('declines a Kazakh court name (head «соты») and keeps a name already in the genitive', () => {
    expect(courtInGenitive('Өскемен қалалық соты')).toEqual({
      kk: 'Өскемен қалалық сотының',
      ru: 'Өскемен қалалық соты',
    });
    expect(courtInGenitive('Усть-Каменогорского городского суда')).toEqual({
      kk: 'Усть-Каменогорского городского суда',
      ru: 'Усть-Каменогорского городского суда',
    });
  });

  it('prints a name it cannot decline as given, in both languages', () => {
    expect(courtInGenitive('Верховный Суд Республики Казахстан')).toEqual({
      kk: 'Верховный Суд Республики Казахстан',
      ru: 'Верховного Суда Республики Казахстан',
    });
    expect(courtInGenitive('Суд присяжных')).toEqual({ kk: 'Суд присяжных', ru: 'Суда присяжных' });
    expect(courtInGenitive('Military court')).toEqual({ kk: 'Military court', ru: 'Military court' });
  });

  it('reads articles as «188 ч. 2 п. 4», «ст. 190 ч. 3» or a bare number', () => {
    expect(articleOf('188 ч. 2 п. 4')).toEqual({ article: '188', part: '2', item: '4' });
    expect(articleOf('ст. 190 ч. 3')).toEqual({ article: '190', part: '3', item: null });
    expect(articleOf('106')).toEqual({ article: '106', part: null, item: null });
    expect(articleOf('мошенничество')).toEqual({ article: 'мошенничество', part: null, item: null });
  });

  it('reads the representative basis: power of attorney with its number and date, charter, legal representative', () => {
    expect(
      representativeOf({ fullName: 'Петров А. В.', iin: '650707300018', basis: 'доверенность от 01.11.2026 № 15' }),
    ).toEqual({
      fullName: 'Петров А. В.',
      iin: '650707300018',
      position: null,
      basis: 'power_of_attorney',
      document: { number: '15', date: '2026-11-01' },
      identityDocument: null,
    });
    expect(representativeOf({ fullName: 'Х', basis: 'устав' }).basis).toBe('charter');
    expect(representativeOf({ fullName: 'Х', basis: 'законный представитель несовершеннолетнего' }).basis).toBe(
      'legal_representative',
    );
  });

  it('prints the power of attorney, position and identity document recorded as fields rather than read from the basis', () => {
    const doc = { kind: 'id_card' as const, number: '045678912', issuer: 'МВД РК', issuedOn: '2018-05-14' };
    expect(
      representativeOf({
        fullName: 'Петров А. В.',
        basis: 'доверенность от 01.11.2026 № 15',
        position: 'юрист',
        positionKk: 'заңгер',
        powerOfAttorney: { number: '15/2', date: '2026-11-02' },
        identityDocument: doc,
      }),
    ).toMatchObject({
      position: { kk: 'заңгер', ru: 'юрист' },
      basis: 'power_of_attorney',
      document: { number: '15/2', date: '2026-11-02' },
      identityDocument: doc,
    });
    // A position given only in Russian is printed in both languages rather than left out.
    expect(representativeOf({ fullName: 'Х', basis: 'устав', position: 'директор' }).position).toEqual({
      kk: 'директор',
      ru: 'директор',
    });
  });

  it('a legal entity is printed with its БИН and no ИИН, a person the other way round', () => {
    expect(
      partyOf({ type: 'legal_entity', fullName: 'ТОО «А»', bin: '150340001236', iin: '900101300017' }),
    ).toMatchObject({ kind: 'legal_entity', bin: '150340001236', iin: null });
    expect(partyOf({ type: 'person', fullName: 'А Б', iin: '900101300017' })).toMatchObject({
      kind: 'person',
      iin: '900101300017',
      bin: null,
      address: null,
    });
  });
});
