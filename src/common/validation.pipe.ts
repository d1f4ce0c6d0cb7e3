import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from './domain-error';

/** Flattens nested class-validator errors into { field: 'claims[0].amountAwarded', rule, message }. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    // no property: the value itself was wrong (e.g. a body that is not an object)
    const field =
      e.property === undefined || e.property === ''
        ? prefix || 'body'
        : /^\d+$/.test(e.property)
          ? `${prefix}[${e.property}]`
          : prefix
            ? `${prefix}.${e.property}`
            : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        rule: rule === 'whitelistValidation' ? 'unknown_field' : rule,
        message: translate(rule, message),
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** class-validator's built-in messages are English; users read Russian. Messages of our own decorators pass through. */
function translate(rule: string, message: string): string {
  switch (rule) {
    case 'whitelistValidation':
      return 'Неизвестное поле: такого поля нет в этом запросе';
    case 'unknownValue':
      return 'Ожидается объект JSON';
    case 'isDefined':
    case 'isNotEmpty':
      return 'Поле обязательно';
    case 'isString':
      return 'Ожидается строка';
    case 'isInt':
      return 'Ожидается целое число';
    case 'isBoolean':
      return 'Ожидается true или false';
    case 'isIn':
    case 'isEnum':
      return `Недопустимое значение: ${message.replace(/^.*following values: /, 'допустимы ')}`;
    case 'min':
      return `Значение должно быть не меньше ${lastNumber(message)}`;
    case 'max':
      return `Значение должно быть не больше ${lastNumber(message)}`;
    case 'arrayMinSize':
      return 'Список не может быть пустым';
    case 'arrayMaxSize':
      return `Слишком длинный список: не больше ${lastNumber(message)} элементов`;
    case 'isUuid':
      return 'Ожидается идентификатор (UUID) из ответа сервиса';
    case 'nestedValidation':
    case 'isObject':
      return 'Ожидается объект';
    case 'isArray':
      return 'Ожидается список';
    case 'maxLength':
      return `Слишком длинное значение: не больше ${lastNumber(message)} знаков`;
    case 'isEmail':
      return 'Неверный адрес электронной почты (ожидается имя@домен)';
    case 'arrayUnique':
      return 'Значения в списке не должны повторяться';
    case 'matches':
      return `Неверный формат (${message})`;
    default:
      return message;
  }
}

/** The limit in class-validator's English message ("must not be greater than 30" → "30"). */
function lastNumber(message: string): string {
  return /(-?\d+(?:\.\d+)?)\D*$/.exec(message)?.[1] ?? '';
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
