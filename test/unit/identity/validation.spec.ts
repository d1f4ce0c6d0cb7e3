import { validateSync } from 'class-validator';
import { IsBin, IsIin, IsLocalDate, IsPositiveTiyn, IsTiyn, VALIDATION_MESSAGES } from '../../../src/common/validation';

class PartyDto {
  @IsIin()
  iin: unknown;

  @IsBin({ each: false })
  bin: unknown;

  @IsTiyn()
  paid: unknown;

  @IsPositiveTiyn()
  amount: unknown;

  @IsLocalDate()
  dueDate: unknown;
}

function errorsOf(values: Partial<Record<keyof PartyDto, unknown>>): Record<string, Record<string, string>> {
  const dto = Object.assign(
    new PartyDto(),
    { iin: '900101300017', bin: '081240000013', paid: 0, amount: 1, dueDate: '2027-03-15' },
    values,
  );
  return Object.fromEntries(validateSync(dto).map((e) => [e.property, e.constraints ?? {}]));
}

describe('validation decorators: constraint name = rule id, bilingual message', () => {
  it('a valid DTO passes', () => {
    expect(errorsOf({})).toEqual({});
  });

  it.each([
    ['iin', '900101300018', 'iin_checksum'],
    ['iin', 900101300017, 'iin_checksum'],
    ['bin', '900101300017', 'bin_checksum'],
    ['paid', -1, 'tiyn_integer'],
    ['paid', 10.5, 'tiyn_integer'],
    ['paid', '100', 'tiyn_integer'],
    // Above MAX_TIYN (999 999 999 999,99 ₸) an integer breaks only the maximum, far below 2^53.
    ['paid', 2 ** 53, 'tiyn_max'],
    ['paid', 10 ** 14, 'tiyn_max'],
    ['amount', 10 ** 14, 'tiyn_max'],
    ['amount', 0, 'tiyn_positive'],
    ['amount', -5, 'tiyn_positive'],
    ['dueDate', '2027-02-29', 'local_date'],
    ['dueDate', '2027-3-15', 'local_date'],
    ['dueDate', '2027-03-15T00:00:00Z', 'local_date'],
  ])('%s = %p fails with rule %s', (field, value, rule) => {
    const errors = errorsOf({ [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual({ [rule]: VALIDATION_MESSAGES[rule as keyof typeof VALIDATION_MESSAGES] });
  });

  it('messages name the rule in Russian and Kazakh', () => {
    expect(VALIDATION_MESSAGES.iin_checksum).toContain('ИИН не прошёл проверку контрольного разряда');
    expect(VALIDATION_MESSAGES.iin_checksum).toContain('ЖСН бақылау разряды тексеруінен өтпеді');
    for (const m of Object.values(VALIDATION_MESSAGES)) expect(m).toMatch(/ \/ /);
  });

  it('a custom message still wins', () => {
    class Dto {
      @IsIin({ message: 'custom' })
      iin: unknown = '1';
    }
    expect(validateSync(new Dto())[0].constraints).toEqual({ iin_checksum: 'custom' });
  });
});
