/**
 * The application form as data (src/web/intake): claim blocks added and removed, the body POST /api/cases takes
 * built from what was typed (tenge → tiyn, empty optional fields left out, a person's or a legal entity's fields
 * only), the API's errors placed at the form's fields in the reader's language, the ИИН/БИН check as typed.
 */
import { buildApplication, formErrors, withClaims } from '../../../src/web/intake/application-form';
import { citationEn, eligibilityRequest } from '../../../src/web/intake/eligibility-preview';
import { idCheckModel } from '../../../src/web/intake/id-check';
import { formFieldNames } from '../../../src/web/intake/new-case-page';

describe('the application form', () => {
  it('adds and removes claim blocks, renumbering them', () => {
    const v = { procedure: 'parole', 'claims[0].victim.fullName': 'A', 'claims[3].victim.fullName': 'B' };
    expect(withClaims(v)).toEqual({
      procedure: 'parole',
      'claims[0].victim.fullName': 'A',
      'claims[1].victim.fullName': 'B',
    });
    expect(withClaims(v, { add: 1 })['claims[2].victim.type']).toBe('person');
    expect(withClaims(v, { remove: 0 })).toEqual({ procedure: 'parole', 'claims[0].victim.fullName': 'B' });
    // never fewer than one block
    expect(withClaims({ 'claims[0].victim.fullName': 'A' }, { remove: 0 })).toEqual({
      'claims[0].victim.type': 'person',
    });
  });

  it('builds the body of POST /api/cases: tenge typed → tiyn, a legal entity without the person fields', () => {
    const { body, errors } = buildApplication(
      {
        procedure: 'replacement',
        'convict.fullName': ' Серіков ',
        'convict.iin': '900101300017',
        'convict.phone': '',
        'sentence.term.years': '6',
        'sentence.term.months': '',
        'sentence.term.days': 'x',
        'sentence.articles': '188 ч. 2; 190 ч. 1,',
        'claims[0].victim.type': 'legal_entity',
        'claims[0].victim.iin': '850505400127',
        'claims[0].victim.bin': '150340001236',
        'claims[0].amountAwarded': '1 234 567,89',
        'claims[0].amountRecovered': '0',
        'claims[1].victim.type': 'person',
        'claims[1].amountAwarded': '12,345',
        'claims[1].amountRecovered': '',
        mediatorUserId: 'u-1',
        lawyerUserId: 'u-2',
      },
      'lawyer',
    );
    const b = body as Record<string, any>;
    expect(b.procedure).toBe('replacement');
    expect(b.convict).toEqual({ fullName: 'Серіков', iin: '900101300017' });
    expect(b.sentence.term).toEqual({ years: 6, months: 0, days: 'x' });
    expect(b.sentence.articles).toEqual(['188 ч. 2', '190 ч. 1']);
    expect(b.claims[0].victim.iin).toBeUndefined();
    expect(b.claims[0].victim.bin).toBe('150340001236');
    expect(b.claims[0].amountAwarded).toBe(123_456_789);
    expect(b.claims[0].amountRecovered).toBe(0);
    expect(b.mediatorUserId).toBe('u-1');
    expect(b.lawyerUserId).toBeUndefined(); // a lawyer opening a case is its lawyer
    expect(errors).toEqual([
      { field: 'claims[1].amountAwarded', rule: 'too_many_decimals', message: 'too_many_decimals' },
      { field: 'claims[1].amountRecovered', rule: 'required', message: 'required' },
    ]);
  });

  it("places the API's errors at the form's fields, in the reader's language", () => {
    const values = withClaims({ 'claims[0].victim.iin': '123', 'sentence.term.years': '0', 'convict.fullName': '' });
    const names = formFieldNames('lawyer', values);
    const { byField, general } = formErrors(
      'kk',
      [
        { field: 'claims[0].victim.iin', rule: 'iin_checksum', message: 'ИИН…' },
        { field: 'sentence.term', rule: 'term_positive', message: 'Срок…' },
        { field: 'sentence.court', rule: 'isNotEmpty', message: 'Поле обязательно' },
        { field: 'convict.fullName', rule: 'isNotEmpty', message: 'Поле обязательно' },
        { field: 'mediator', rule: 'conflict_of_interest', message: 'Конфликт…' },
        {
          field: 'claims[0].victim.identityDocument',
          rule: 'legal_entity_has_no_identity_document',
          message: 'У юрлица…',
        },
        { field: 'body', rule: 'something_else', message: 'Иное' },
      ],
      values,
      names,
    );
    expect(byField['claims[0].victim.iin']).toBe('ЖСН бақылау разряды тексеруінен өтпеді (12 цифр)');
    expect(byField['sentence.term.years']).toBe('Жаза мерзімі нөлден үлкен болуы тиіс');
    expect(byField['sentence.courtId']).toBe('Тізімнен таңдаңыз немесе атауын жазыңыз');
    expect(byField['convict.fullName']).toBe('Өріс міндетті');
    expect(byField.mediatorUserId).toContain('Мүдделер қақтығысы');
    // an error of a group the form shows as several fields: at the claim's nearest field, else above the form
    expect(general).toEqual(['У юрлица…', 'Иное']);
  });

  it('asks for the earliest date only when the term, its start and the category are known', () => {
    expect(eligibilityRequest({ 'sentence.term.years': '6' }, '2026-12-01')).toEqual({ ok: false, reason: 'need' });
    const asked = eligibilityRequest(
      {
        'sentence.term.years': '6',
        'sentence.startDate': '2022-01-10',
        'sentence.gravity': 'grave',
        'convict.iin': '900101300017',
      },
      '2026-12-01',
    );
    expect(asked).toMatchObject({
      ok: true,
      request: { term: { years: 6, months: 0, days: 0 }, birthDate: '1990-01-01', sex: 'male' },
    });
    expect(citationEn({ act: 'УК', article: '72', part: '3', item: '2' })).toBe('CC RK art. 72 part 3 item 2');
  });

  it('checks an ИИН or a БИН as it is typed', () => {
    expect(idCheckModel('ru', 'iin', '')).toBeNull();
    expect(idCheckModel('ru', 'iin', '9001')).toEqual({ ok: false, message: 'Нужно 12 цифр (введено: 4)' });
    expect(idCheckModel('en', 'iin', '900101300017')).toEqual({
      ok: true,
      message: 'Valid IIN: born 1 January 1990, male',
    });
    expect(idCheckModel('kk', 'bin', '150340001236')?.ok).toBe(true);
    expect(idCheckModel('ru', 'bin', '900101300017')?.message).toContain('похоже на ИИН');
    expect(idCheckModel('ru', 'iin', '90010130001a')?.message).toBe('Только цифры');
  });
});
