import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../src/common/validation.pipe';
import { CreateCaseDto } from '../../src/cases/dto/create-case.dto';
import { PaymentRecordedEvent } from '../../src/cases/dto/case-events.dto';

/** Users read the 400s: every message about their input is in Russian (or Russian and Kazakh), naming field and rule. */
describe('validation messages', () => {
  const errorsOf = (cls: new () => object, body: object) =>
    flattenValidationErrors(validateSync(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true }));

  it('a thoroughly wrong application: every error names a field and a rule and reads in Cyrillic', () => {
    const errors = errorsOf(CreateCaseDto, {
      procedure: 'pardon',
      convict: { fullName: '', iin: '123', institution: 5, extra: 1 },
      sentence: { court: 'x', date: '2022-13-01', articles: [], term: { years: -1, months: 12, days: 0.5 }, startDate: 'yesterday', gravity: 'mild' },
      claims: Array.from({ length: 51 }, () => ({ victim: { type: 'robot', fullName: 'x' }, amountAwarded: -5, amountRecovered: 1.5 })),
      lawyer: {},
    });
    expect(errors.length).toBeGreaterThan(15);
    for (const e of errors) {
      expect(e.field).toMatch(/^[a-zA-Z]/);
      expect(e.rule).toMatch(/^[a-zA-Z_]+$/);
      expect(e.message).toMatch(/[а-яА-ЯёЁ]/);
    }
    expect(errors.map((e) => `${e.field}:${e.rule}`)).toEqual(
      expect.arrayContaining(['procedure:isIn', 'convict.iin:iin_checksum', 'convict.extra:unknown_field', 'sentence.date:local_date', 'claims:arrayMaxSize', 'claims[0].amountAwarded:tiyn_positive', 'lawyer.fullName:isString']),
    );
  });

  it('an event with a wrong claim id says what is expected', () => {
    const errors = errorsOf(PaymentRecordedEvent, { type: 'payment.recorded', claimId: 'abc', amount: 1, date: '2026-12-01', evidence: 'bank_transfer', reference: 'r' });
    expect(errors).toEqual([{ field: 'claimId', rule: 'isUuid', message: expect.stringMatching(/идентификатор/) }]);
  });
});

describe('limits in messages', () => {
  it('names the limit in Russian', () => {
    const errors = flattenValidationErrors(
      validateSync(plainToInstance(PaymentRecordedEvent, { type: 'payment.recorded', claimId: '00000000-0000-4000-8000-000000000000', amount: 1, date: '2026-12-01', evidence: 'bank_transfer', reference: 'r'.repeat(121) })),
    );
    expect(errors).toEqual([{ field: 'reference', rule: 'maxLength', message: 'Слишком длинное значение: не больше 120 знаков' }]);
  });
});
