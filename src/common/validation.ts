import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { isLocalDate } from './local-date';
import { isValidBin, isValidIin } from '../identity/domain/iin';
import { formatTenge, MAX_TIYN, notAboveMaxTiyn } from '../money/domain/money';
import { isValidIban } from '../restitution/domain/iban';
import { DUE_DAY_OF_MONTH, isDueDayOfMonth } from '../restitution/domain/instalment-terms';

/**
 * Our own class-validator decorators. The constraint name is the rule id (snake_case) that the
 * validation pipe puts in `rule` of the 400 body; the default message names the rule in Russian and
 * Kazakh, because the people who read it fill in documents in either language.
 */
export const VALIDATION_RULES = {
  iin: 'iin_checksum',
  bin: 'bin_checksum',
  tiyn: 'tiyn_integer',
  positiveTiyn: 'tiyn_positive',
  maxTiyn: 'tiyn_max',
  dueDayOfMonth: 'day_of_month_range',
  localDate: 'local_date',
  iban: 'iban_checksum',
} as const;

export type ValidationRuleId = (typeof VALIDATION_RULES)[keyof typeof VALIDATION_RULES];

export const VALIDATION_MESSAGES: Record<ValidationRuleId, string> = {
  iin_checksum:
    'ИИН не прошёл проверку контрольного разряда (12 цифр) / ЖСН бақылау разряды тексеруінен өтпеді (12 цифр)',
  bin_checksum:
    'БИН не прошёл проверку контрольного разряда и структуры (12 цифр) / БСН бақылау разряды мен құрылымы тексеруінен өтпеді (12 цифр)',
  tiyn_integer:
    'Сумма должна быть целым неотрицательным числом тиын / Сома тиынмен берілген бүтін теріс емес сан болуы тиіс',
  tiyn_positive: 'Сумма должна быть целым положительным числом тиын / Сома тиынмен берілген бүтін оң сан болуы тиіс',
  tiyn_max: `Сумма не может быть больше ${formatTenge(MAX_TIYN)} / Сома ${formatTenge(MAX_TIYN)} артық болмауы тиіс`,
  day_of_month_range: `День месяца — целое число от ${DUE_DAY_OF_MONTH.min} до ${DUE_DAY_OF_MONTH.max} / Айдың күні — ${DUE_DAY_OF_MONTH.min}-ден ${DUE_DAY_OF_MONTH.max}-ге дейінгі бүтін сан`,
  local_date:
    'Дата должна быть календарной датой в формате ГГГГ-ММ-ДД / Күні ЖЖЖЖ-АА-КК пішіміндегі күнтізбелік күн болуы тиіс',
  iban_checksum:
    'Счёт должен быть IBAN (напр. KZ86125KZT5004100100: латинские буквы и цифры без пробелов) с верными контрольными цифрами / Шот бақылау цифрлары дұрыс IBAN болуы тиіс (мысалы KZ86125KZT5004100100: бос орынсыз латын әріптері мен цифрлар)',
};

function rule(
  name: ValidationRuleId,
  test: (value: unknown) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => test(value),
        defaultMessage: () => VALIDATION_MESSAGES[name],
      },
    },
    options,
  );
}

/** ИИН: 12 digits as a string, control digit per ПП 406 п. 3 (LAW.md §8). */
export const IsIin = (options?: ValidationOptions) => rule('iin_checksum', isValidIin, options);

/** БИН: 12 digits as a string, control digit and structure per ПП 406 п. 5. */
export const IsBin = (options?: ValidationOptions) => rule('bin_checksum', isValidBin, options);

const isWholeNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
/** Above the maximum only `tiyn_max` is reported: one reason per amount. */
const aboveMax = (v: unknown): boolean => !notAboveMaxTiyn(v);

/** An amount in tiyn: a non-negative integer, at most MAX_TIYN (999 999 999 999,99 ₸ — above it no document could be printed). */
export const IsTiyn = (options?: ValidationOptions) =>
  applyDecorators(
    rule('tiyn_integer', (v) => aboveMax(v) || (isWholeNumber(v) && v >= 0), options),
    rule('tiyn_max', notAboveMaxTiyn, options),
  );

/** An amount in tiyn that must be > 0 (a claim, an instalment, a payment), at most MAX_TIYN. */
export const IsPositiveTiyn = (options?: ValidationOptions) =>
  applyDecorators(
    rule('tiyn_positive', (v) => aboveMax(v) || (isWholeNumber(v) && v > 0), options),
    rule('tiyn_max', notAboveMaxTiyn, options),
  );

/** The day of the month instalments fall due on (limits in legal-rules `settings.dueDayOfMonth`). */
export const IsDueDayOfMonth = (options?: ValidationOptions) => rule('day_of_month_range', isDueDayOfMonth, options);

/** The victim's account: an IBAN whose check digits hold (mod 97). */
export const IsIban = (options?: ValidationOptions) => rule('iban_checksum', isValidIban, options);

/** A calendar date 'YYYY-MM-DD' (a date, not an instant). */
export const IsLocalDate = (options?: ValidationOptions) => rule('local_date', isLocalDate, options);

/**
 * A nested object (or list of objects) in a request body: documented in OpenAPI, required or optional,
 * validated recursively and turned into its class so that its own decorators apply.
 */
export function Nested(
  type: () => abstract new (...args: never[]) => unknown,
  options: { required?: boolean; each?: boolean; description?: string } = {},
): PropertyDecorator {
  const required = options.required ?? true;
  const api = { type: options.each ? [type()] : type(), description: options.description } as Parameters<
    typeof ApiProperty
  >[0];
  return applyDecorators(
    required ? ApiProperty(api) : ApiPropertyOptional(api),
    required ? IsDefined() : IsOptional(),
    // ValidateNested alone lets a list stand where an object belongs (and the service then reads its fields).
    ...(options.each ? [IsArray(), IsObject({ each: true })] : [IsObject()]),
    ValidateNested({ each: options.each }),
    Type(type),
  );
}
