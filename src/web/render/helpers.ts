/**
 * The helpers of the workplace's templates. Each reads the page's language from `@root.page.lang`:
 *   {{t "key" name=value}}   a message of src/web/i18n (placeholders from the hash)
 *   {{text label}}           a { kk, ru, en } text (the event catalogue's labels) in the page's language
 *   {{money tiyn}}           «2 000 000,00 ₸»;  {{moneyInput tiyn}} «2 000 000,00» (a field's value)
 *   {{date d}} {{shortDate d}} {{month d}} {{datetime instant}}
 *   {{eq a b}} {{ne a b}} {{not a}} {{and a b}} {{or a b}} {{gt a b}} {{lt a b}}   for {{#if}}
 *   {{selected a b}} {{checked a}}   attributes of options and check boxes
 *   {{fieldError errors "name"}}     the message of a field's error, if any (errors: { [field]: message })
 */
import type Handlebars from 'handlebars';
import type { Text } from '../../../machines/catalogue';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { formatDate, formatDateTime, formatMoney, formatMonth, formatShortDate, moneyInputValue } from './format';

type Options = Handlebars.HelperOptions;

function langOf(options: Options): Lang {
  const root = (options?.data as { root?: { page?: { lang?: unknown } } } | undefined)?.root;
  const lang = root?.page?.lang;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

/** The last argument of a helper is Handlebars' options object. */
function split(args: unknown[]): { values: unknown[]; options: Options } {
  return { values: args.slice(0, -1), options: args[args.length - 1] as Options };
}

export function registerPageHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('t', (key: string, options: Options) =>
    translate(langOf(options), key, (options.hash ?? {}) as Record<string, string | number>),
  );
  hb.registerHelper('text', (label: Text | undefined | null, options: Options) =>
    label ? (label[langOf(options)] ?? label.ru) : '',
  );
  hb.registerHelper('money', (tiyn: unknown) => (typeof tiyn === 'number' ? formatMoney(tiyn) : ''));
  hb.registerHelper('moneyInput', (tiyn: unknown) => (typeof tiyn === 'number' ? moneyInputValue(tiyn) : ''));
  hb.registerHelper('date', (d: string | null | undefined, options: Options) => formatDate(d, langOf(options)));
  hb.registerHelper('shortDate', (d: string | null | undefined, options: Options) =>
    formatShortDate(d, langOf(options)),
  );
  hb.registerHelper('month', (d: string | null | undefined, options: Options) => formatMonth(d, langOf(options)));
  hb.registerHelper('datetime', (d: string | null | undefined, options: Options) => formatDateTime(d, langOf(options)));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('and', (...args: unknown[]) => split(args).values.every(Boolean));
  hb.registerHelper('or', (...args: unknown[]) => split(args).values.some(Boolean));
  hb.registerHelper('gt', (a: number, b: number) => a > b);
  hb.registerHelper('lt', (a: number, b: number) => a < b);
  hb.registerHelper('selected', (a: unknown, b: unknown) => (String(a) === String(b) ? 'selected' : ''));
  hb.registerHelper('checked', (a: unknown) => (a ? 'checked' : ''));
  hb.registerHelper('fieldError', (errors: Record<string, string> | undefined, name: string) =>
    errors && typeof errors === 'object' ? (errors[name] ?? '') : '',
  );
}
