import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../src/common/validation.pipe';
import { CreateCaseDto, MediatorDto } from '../../src/cases/dto/create-case.dto';
import { PaymentRecordedEvent } from '../../src/cases/dto/case-events.dto';
import { amountInWords, MAX_AMOUNT_IN_WORDS } from '../../src/documents/domain/amount-in-words';
import { MAX_TIYN } from '../../src/money/domain/money';

/** Users read the 400s: every message about their input is in Russian (or Russian and Kazakh), naming field and rule. */
describe('validation messages', () => {
  const errorsOf = (cls: new () => object, body: object) =>
    flattenValidationErrors(validateSync(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true }));

  it('a thoroughly wrong application: every error names a field and a rule and reads in Cyrillic', () => {
    const errors = errorsOf(CreateCaseDto, {
      procedure: 'pardon',
      convict: { fullName: '', iin: '123', institution: 5, extra: 1 },
      sentence: {
        court: 'x',
        date: '2022-13-01',
        articles: [],
        term: { years: -1, months: 12, days: 0.5 },
        startDate: 'yesterday',
        gravity: 'mild',
      },
      claims: Array.from({ length: 51 }, () => ({
        victim: { type: 'robot', fullName: 'x' },
        amountAwarded: -5,
        amountRecovered: 1.5,
      })),
      lawyer: {},
    });
    expect(errors.length).toBeGreaterThan(15);
    for (const e of errors) {
      expect(e.field).toMatch(/^[a-zA-Z]/);
      expect(e.rule).toMatch(/^[a-zA-Z_]+$/);
      expect(e.message).toMatch(/[а-яА-ЯёЁ]/);
    }
    expect(errors.map((e) => `${e.field}:${e.rule}`)).toEqual(
      expect.arrayContaining([
        'procedure:isIn',
        'convict.iin:iin_checksum',
        'convict.extra:unknown_field',
        'sentence.date:local_date',
        'claims:arrayMaxSize',
        'claims[0].amountAwarded:tiyn_positive',
        'lawyer.fullName:isString',
      ]),
    );
  });

  it('an event with a wrong claim id says what is expected', () => {
    const errors = errorsOf(PaymentRecordedEvent, {
      type: 'payment.recorded',
      claimId: 'abc',
      amount: 1,
      date: '2026-12-01',
      evidence: 'bank_transfer',
      reference: 'r',
    });
    expect(errors).toEqual([{ field: 'claimId', rule: 'isUuid', message: expect.stringMatching(/идентификатор/) }]);
  });

  it('a bad e-mail says what an address looks like', () => {
    const errors = errorsOf(MediatorDto, { fullName: 'Касымова Айгерім Маратқызы', email: 'kassymova-at-mediators' });
    expect(errors).toEqual([
      { field: 'email', rule: 'isEmail', message: 'Неверный адрес электронной почты (ожидается имя@домен)' },
    ]);
  });
});

describe('limits in messages', () => {
  it('names the limit in Russian', () => {
    const errors = flattenValidationErrors(
      validateSync(
        plainToInstance(PaymentRecordedEvent, {
          type: 'payment.recorded',
          claimId: '00000000-0000-4000-8000-000000000000',
          amount: 1,
          date: '2026-12-01',
          evidence: 'bank_transfer',
          reference: 'r'.repeat(121),
        }),
      ),
    );
    expect(errors).toEqual([
      { field: 'reference', rule: 'maxLength', message: 'Слишком длинное значение: не больше 120 знаков' },
    ]);
  });
});

describe('amounts at most MAX_TIYN (999 999 999 999,99 ₸), in every tiyn field', () => {
  const payment = (amount: unknown) =>
    flattenValidationErrors(
      validateSync(
        plainToInstance(PaymentRecordedEvent, {
          type: 'payment.recorded',
          claimId: '00000000-0000-4000-8000-000000000000',
          amount,
          date: '2026-12-01',
          evidence: 'bank_transfer',
          reference: 'r',
        }),
        {
          whitelist: true,
          forbidNonWhitelisted: true,
        },
      ),
    );

  it('accepts the maximum, which the documents can still write in words', () => {
    expect(payment(MAX_TIYN)).toEqual([]);
    expect(MAX_TIYN).toBeLessThanOrEqual(MAX_AMOUNT_IN_WORDS);
    expect(amountInWords(MAX_TIYN, 'ru')).toMatch(/^девятьсот девяносто девять миллиардов/);
  });

  it.each([MAX_TIYN + 1, 10 ** 15, 1e20, Number.MAX_SAFE_INTEGER])(
    'refuses %p naming the field, with the maximum in the message',
    (amount) => {
      expect(payment(amount)).toEqual([
        {
          field: 'amount',
          rule: 'tiyn_max',
          message: expect.stringMatching(/^Сумма не может быть больше 999\s999\s999\s999,99\s₸/),
        },
      ]);
    },
  );

  it('keeps the integer rules apart from the maximum', () => {
    expect(payment(1.5).map((e) => e.rule)).toEqual(['tiyn_positive']);
    expect(payment('100').map((e) => e.rule)).toEqual(['tiyn_positive']);
    expect(payment(Infinity).map((e) => e.rule)).toEqual(['tiyn_max']);
    expect(payment(-1).map((e) => e.rule)).toEqual(['tiyn_positive']);
  });
});
