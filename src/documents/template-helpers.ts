/**
 * Every Handlebars helper the document templates may use — and only these (templates are compiled with
 * knownHelpersOnly, so an unknown helper fails at start-up). Helpers format; they do not decide.
 * Each helper checks its input and throws on a missing or wrong value, because in a court document a
 * silently empty amount or date is worse than a failed render.
 * The language comes from the render context (`lang` at the root), so a template cannot mix languages.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { isLocalDate } from '../common/local-date';
import { iinSex } from '../identity/domain/iin';
import { formatTenge, isTiyn } from '../money/domain/money';
import { amountInWords, amountWithWords, numberInWords } from './domain/amount-in-words';
import { courtDateLine, dateInText, numericDate, type DateForm } from './domain/court-date';
import type { ArticleRef, Lang, Localized } from './document-view-models';

/** Label files templates/i18n/{kk,ru}.json: nested objects of strings. */
export type LabelTree = { [key: string]: string | LabelTree };

export class TemplateError extends Error {
  constructor(helper: string, message: string) {
    super(`template helper «${helper}»: ${message}`);
    this.name = 'TemplateError';
  }
}

/** A part or item number of a citation as the template wrote it (`part="7"` or `part=7`); absent → null. */
function citationPart(name: string, value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new TemplateError('cite', `${name} must be a number, got ${typeof value}`);
}

function langOf(helper: string, options: HelperOptions): Lang {
  const lang = (options?.data as { root?: { lang?: unknown } } | undefined)?.root?.lang;
  if (lang !== 'kk' && lang !== 'ru')
    throw new TemplateError(helper, `no language at the root of the context (got ${String(lang)})`);
  return lang;
}

function tiyn(helper: string, value: unknown): number {
  if (!isTiyn(value)) throw new TemplateError(helper, `expected an amount in tiyn, got ${String(value)}`);
  return value;
}

function date(helper: string, value: unknown): string {
  if (!isLocalDate(value)) throw new TemplateError(helper, `expected a date YYYY-MM-DD, got ${String(value)}`);
  return value;
}

/** The last argument of a helper call is Handlebars' options object; the rest are the template's. */
function split(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

// ---------- citations ----------

type Act = 'УК' | 'УПК' | 'УИК' | 'ЗМед' | 'ГПК' | 'ГК' | 'ЗИП';

/** Russian: «п. 6 ст. 20 Закона РК «О медиации»»; the act in the genitive. */
const ACT_RU: Record<Act, string> = {
  УК: 'УК РК',
  УПК: 'УПК РК',
  УИК: 'УИК РК',
  ГПК: 'ГПК РК',
  ГК: 'ГК РК',
  ЗМед: 'Закона РК «О медиации»',
  ЗИП: 'Закона РК «Об исполнительном производстве и статусе судебных исполнителей»',
};

/** Kazakh: ««Медиация туралы» ҚР Заңының 20-бабының 6-тармағы»; codes by their Kazakh abbreviations. */
const ACT_KK: Record<Act, string> = {
  УК: 'ҚР ҚК',
  УПК: 'ҚР ҚПК',
  УИК: 'ҚР ҚАЖК',
  ГПК: 'ҚР АПК',
  ГК: 'ҚР АК',
  ЗМед: '«Медиация туралы» ҚР Заңының',
  ЗИП: '«Атқарушылық іс жүргізу және сот орындаушыларының мәртебесі туралы» ҚР Заңының',
};

/** Laws are divided into пункты (тармақ); codes into части (бөлік) and пункты. */
export function citation(lang: Lang, act: Act, ref: ArticleRef): string {
  if (lang === 'ru') {
    const item = ref.item ? `п. ${ref.item} ` : '';
    const part = ref.part ? `ч. ${ref.part} ` : '';
    return `${item}${part}ст. ${ref.article} ${ACT_RU[act]}`;
  }
  // Genitive chain: every element but the last takes -ның/-нің, the last the possessive -ы/-і.
  const chain: Array<[string, string]> = [[`${ref.article}-бабы`, `${ref.article}-бабының`]];
  if (ref.part) chain.push([`${ref.part}-бөлігі`, `${ref.part}-бөлігінің`]);
  if (ref.item) chain.push([`${ref.item}-тармағы`, `${ref.item}-тармағының`]);
  const words = chain.map(([last, inner], i) => (i === chain.length - 1 ? last : inner));
  return `${ACT_KK[act]} ${words.join(' ')}`;
}

function isAct(value: unknown): value is Act {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACT_RU, value);
}

function articleRef(helper: string, value: unknown): ArticleRef {
  const v = value as Partial<ArticleRef> | null;
  if (!v || typeof v.article !== 'string' || v.part === undefined || v.item === undefined) {
    throw new TemplateError(helper, `expected {article, part, item}, got ${JSON.stringify(value)}`);
  }
  return v as ArticleRef;
}

// ---------- labels ----------

function label(labels: Record<Lang, LabelTree>, lang: Lang, key: string): string {
  let node: string | LabelTree | undefined = labels[lang];
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') throw new TemplateError('t', `no ${lang} label «${key}»`);
  return node;
}

// ---------- strict built-ins ----------

/**
 * Handlebars' strict mode checks `{{a.b}}` but not the arguments of block helpers: `{{#if a.typo}}` would
 * silently be false. These wrappers make `if`, `unless`, `each` and `with` fail on an undefined argument
 * (null and false stay legal), so a misspelt field fails the render wherever it is written.
 */
function strictBuiltin(name: string, original: HelperDelegate): HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    if (args.length < 2 || args[0] === undefined) {
      const loc = (args[args.length - 1] as { loc?: { start?: { line?: number } } })?.loc?.start?.line;
      throw new TemplateError(name, `argument is undefined (misspelt field?)${loc ? ` at line ${loc}` : ''}`);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
}

export function strictBuiltins(builtins: Record<string, HelperDelegate>): Record<string, HelperDelegate> {
  const out: Record<string, HelperDelegate> = {};
  for (const name of ['if', 'unless', 'each', 'with']) out[name] = strictBuiltin(name, builtins[name]);
  return out;
}

/** A proper name in «…» once: a name already quoted inside («ОЮЛ «…»», "ТОО "…"") is printed as it is. */
export function quoteOnce(name: string): string {
  const n = name.trim();
  if (/[«»"“”„]/.test(n)) return n;
  return `«${n}»`;
}

// ---------- the helpers ----------

export function createTemplateHelpers(labels: Record<Lang, LabelTree>): Record<string, HelperDelegate> {
  return {
    /** {{t "agreement.title"}}, {{t "reason" reason}} → label «reason.<value>» in the document's language. */
    t(...args: unknown[]) {
      const { params, options } = split(args);
      if (params.length === 0 || params.some((p) => typeof p !== 'string' || p === '')) {
        throw new TemplateError('t', `label key parts must be non-empty strings, got ${JSON.stringify(params)}`);
      }
      return label(labels, langOf('t', options), params.join('.'));
    },

    /** {{loc sentence.court}} → the name in the document's language. */
    loc(value: unknown, options: HelperOptions) {
      const v = value as Partial<Localized> | null;
      const lang = langOf('loc', options);
      if (!v || typeof v[lang] !== 'string' || v[lang] === '')
        throw new TemplateError('loc', `expected {kk, ru}, got ${JSON.stringify(value)}`);
      return v[lang];
    },

    /**
     * {{locQuoted mediator.organisation}} → the name in «…», unless it carries its own quotation marks
     * («ОЮЛ «Ассоциация медиаторов»»: one pair, as the name is registered, never two).
     */
    locQuoted(value: unknown, options: HelperOptions) {
      const v = value as Partial<Localized> | null;
      const lang = langOf('locQuoted', options);
      if (!v || typeof v[lang] !== 'string' || v[lang] === '')
        throw new TemplateError('locQuoted', `expected {kk, ru}, got ${JSON.stringify(value)}`);
      return quoteOnce(v[lang]);
    },

    /**
     * {{dear victim.iin}} → ru «Уважаемый» or «Уважаемая» by the sex the ИИН gives (digit 7), «Уважаемый(ая)»
     * when it gives none; kk «Құрметті» (Kazakh does not mark it).
     */
    dear(iin: unknown, options: HelperOptions) {
      if (iin !== null && typeof iin !== 'string')
        throw new TemplateError('dear', `expected an ИИН or null, got ${typeof iin}`);
      if (langOf('dear', options) === 'kk') return 'Құрметті';
      const sex = iin === null ? null : iinSex(iin);
      return sex === 'male' ? 'Уважаемый' : sex === 'female' ? 'Уважаемая' : 'Уважаемый(ая)';
    },

    /** {{money claim.awarded}} → «2 000 000,00 ₸» (no-break spaces). */
    money(value: unknown) {
      return formatTenge(tiyn('money', value));
    },

    /** {{moneyWords claim.awarded}} → «2 000 000 (екі миллион) теңге 00 тиын». */
    moneyWords(value: unknown, options: HelperOptions) {
      return amountWithWords(tiyn('moneyWords', value), langOf('moneyWords', options));
    },

    /** {{words claim.awarded}} → «екі миллион теңге 00 тиын». */
    words(value: unknown, options: HelperOptions) {
      return amountInWords(tiyn('words', value), langOf('words', options));
    },

    /** {{count copies}} → «3 (үш)» / «3 (три)». */
    count(value: unknown, options: HelperOptions) {
      if (!Number.isSafeInteger(value) || (value as number) < 0)
        throw new TemplateError('count', `expected a whole number, got ${String(value)}`);
      return `${value as number} (${numberInWords(value as number, langOf('count', options))})`;
    },

    /** {{seq @index}} → 1-based row number. */
    seq(value: unknown) {
      if (!Number.isSafeInteger(value)) throw new TemplateError('seq', `expected an index, got ${String(value)}`);
      return String((value as number) + 1);
    },

    /** {{dateLine date}} → kk «2027 жылғы «15» наурыз», ru «"15" марта 2027 г.». */
    dateLine(value: unknown, options: HelperOptions) {
      return courtDateLine(date('dateLine', value), langOf('dateLine', options));
    },

    /** {{date d}}, {{date d "of"}}, {{date d "until"}}, {{date d "from"}} — a date inside a sentence. */
    date(...args: unknown[]) {
      const { params, options } = split(args);
      const form = (params[1] ?? 'plain') as DateForm;
      if (!['plain', 'of', 'until', 'from'].includes(form))
        throw new TemplateError('date', `unknown form ${String(form)}`);
      return dateInText(date('date', params[0]), langOf('date', options), form);
    },

    /** {{numDate d}} → «15.03.2027» for tables. */
    numDate(value: unknown) {
      return numericDate(date('numDate', value));
    },

    /** {{cite "ЗМед" "20" item="6"}} / {{cite "УК" "72" part="7" item="1"}} → citation in the document's language. */
    cite(act: unknown, article: unknown, options: HelperOptions) {
      if (!isAct(act) || typeof article !== 'string')
        throw new TemplateError('cite', `expected act and article, got ${String(act)} ${String(article)}`);
      const hash = (options.hash ?? {}) as { part?: unknown; item?: unknown };
      const part = citationPart('part', hash.part);
      const item = citationPart('item', hash.item);
      return citation(langOf('cite', options), act, { article, part, item });
    },

    /** {{articles sentence.articles}} → «п. 1 ч. 2 ст. 188 УК РК» (several joined by commas). */
    articles(value: unknown, options: HelperOptions) {
      if (!Array.isArray(value) || value.length === 0)
        throw new TemplateError('articles', 'expected a non-empty list of articles');
      const lang = langOf('articles', options);
      return value.map((a) => citation(lang, 'УК', articleRef('articles', a))).join(', ');
    },
  };
}
