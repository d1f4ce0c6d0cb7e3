/**
 * When may the convict ask for parole (УК 72) or for replacement of the unserved part with a milder
 * punishment (УК 73), and from which date. Every number comes from src/law/legal-rules.ts; this file only
 * decides which rule applies and does the calendar arithmetic the way courts do it:
 *   the share of the term, taken in months (a fraction of a month in days at 30 days a month),
 *   added to the start of the term, minus the days of pre-trial detention credited,
 *   never less than six months actually served (УК 72 ч. 5).
 * Pure: no framework, no clock.
 */
import { DomainError, type FieldError } from '../../common/domain-error';
import { addDays, addMonths, addYears, daysBetween, isLocalDate, type LocalDate } from '../../common/local-date';
import {
  civilTerms,
  parole,
  replacement,
  settings,
  type Citation,
  type Fraction,
  type Rule,
} from '../../law/legal-rules';
import { formatCitationRu } from './citation-format';

export const GRAVITIES = ['minor', 'medium', 'grave', 'especially_grave'] as const;
export type Gravity = (typeof GRAVITIES)[number];

export const PROCEDURES = ['parole', 'replacement', 'both'] as const;
export type Procedure = 'parole' | 'replacement';

/** Which ground of УК 72 ч. 7 revoked an earlier parole of this sentence. */
export const REVOKED_PAROLE = ['none', 'part7_item1_or_2', 'part7_item3'] as const;
export type RevokedParole = (typeof REVOKED_PAROLE)[number];

export type Sex = 'female' | 'male';

export interface TermLength {
  years: number;
  months: number;
  days: number;
}

/** The privileged persons of УК 72 ч. 4 (малолетний = under 14). */
export interface PrivilegedGrounds {
  pregnant?: boolean;
  /** A woman having or raising a child under 14. */
  womanWithChildUnder14?: boolean;
  /** A man raising a child under 14 alone. */
  singleFatherOfChildUnder14?: boolean;
  /** Raising a child with a disability (ч. 4 only: not among the corruption and criminal-group exceptions). */
  raisingDisabledChild?: boolean;
  womanAged58OrOver?: boolean;
  manAged63OrOver?: boolean;
  disabilityGroup?: 1 | 2 | 3 | null;
}

export interface TerrorismOrExtremism {
  causedDeaths: boolean;
  linkedToEspeciallyGrave: boolean;
  activeCooperation: boolean;
}

export interface SexualCrimeAgainstMinor {
  offenderWasMinor: boolean;
  victimAged14To18: boolean;
}

export interface EligibilityInput {
  /** Which answer to compute; both when omitted. */
  procedure?: Procedure | 'both';
  /** The sentence (after revocation under ч. 7 п. 3: the final aggregate sentence). Omit for life imprisonment. */
  term?: TermLength;
  lifeImprisonment?: boolean;
  /** Start of the term as the sentence counts it (after revocation under ч. 7 п. 1, 2: the day serving the remainder began). */
  termStartDate: LocalDate;
  /** Days of pre-trial detention credited to the term (already converted, if a coefficient applies). */
  pretrialDetentionDays?: number;
  /** Or the detention period itself; counted one day for one day (settings.eligibility.detentionCountsBothDays). */
  pretrialDetention?: { from: LocalDate; to: LocalDate };
  gravity: Gravity;
  /** A grave or especially grave crime "связанное с посягательством на жизнь или здоровье человека". */
  againstLifeOrHealth?: boolean;
  /** An especially grave crime "сопряжённое с посягательством на жизнь человека" (ч. 4 п. 3, 4). Implies againstLifeOrHealth. */
  againstLife?: boolean;
  privileged?: PrivilegedGrounds;
  /** With birthDate, derives the age privilege (women ≥ 58, men ≥ 63) at the computed date. */
  sex?: Sex;
  birthDate?: LocalDate;
  proceduralAgreementFulfilled?: boolean;
  previousParoleRevoked?: RevokedParole;
  /** The unserved remainder when parole was revoked under ч. 7 п. 1 or 2 (ч. 3 п. 3-1; УК 73 ч. 2-1). */
  unservedRemainder?: TermLength;
  corruption?: boolean;
  terrorismOrExtremism?: TerrorismOrExtremism | null;
  sexualCrimeAgainstMinor?: SexualCrimeAgainstMinor | null;
  killingInCriminalGroup?: boolean;
  /** Any crime committed in a criminal group (УК 73 ч. 2 абз. 2); a killing in a group implies it. */
  crimeInCriminalGroup?: boolean;
  torture?: boolean;
  replacedUnderArt73Before?: boolean;
  previouslyParoledFromLife?: boolean;
  newGraveCrimeWhileServingLife?: boolean;
  foreigner?: boolean;
}

export interface Bilingual {
  ru: string;
  kk: string;
}

export interface Exclusion {
  rule: Citation;
  reason: Bilingual;
}

export interface EligibilityAnswer {
  procedure: Procedure;
  eligible: boolean;
  /** The first day the petition may be granted; null when excluded. */
  earliestDate: LocalDate | null;
  /** null for life imprisonment (a number of years) and when excluded. */
  fraction: Fraction | null;
  requiredServed: TermLength | null;
  /** What the fraction was taken of. */
  base: 'term' | 'unserved_remainder' | 'life' | null;
  /** The rule that gave the fraction (or, when excluded, the exclusion). */
  rule: Citation;
  minimumSixMonthsApplied: boolean;
  /** How the date was computed, step by step (Russian, the language of the court file). */
  method: string;
  exclusion?: Exclusion;
  /** A special paragraph of ч. 1 says "может": the mandatory parole of абз. 2 does not apply. */
  discretionaryOnly: boolean;
  notes: string[];
}

export interface EligibilityResult {
  parole?: EligibilityAnswer;
  replacement?: EligibilityAnswer;
}

export function computeEligibility(input: EligibilityInput): EligibilityResult {
  const procedure = input.procedure ?? 'both';
  return {
    ...(procedure !== 'replacement' ? { parole: paroleEligibility(input) } : {}),
    ...(procedure !== 'parole' ? { replacement: replacementEligibility(input) } : {}),
  };
}

// ---------------------------------------------------------------- parole (УК 72)

export function paroleEligibility(i: EligibilityInput): EligibilityAnswer {
  validate(i);
  const hard = paroleExclusions(i);
  if (hard.length) return excluded('parole', hard);

  const seriousCorruption = !!i.corruption && (i.gravity === 'grave' || i.gravity === 'especially_grave');
  const killing = !!i.killingInCriminalGroup;
  // ч. 1 абз. 4 and ч. 8 п. 3, 5 list the privileged persons without "raising a child with a disability".
  const privilegedFrom = privilegedSince(i, { withDisabledChild: !seriousCorruption && !killing });
  const notes: string[] = [];
  let discretionaryOnly = isTerrorism(i);
  if (discretionaryOnly)
    notes.push(
      `Террористическое/экстремистское преступление: УДО возможно лишь при активном содействии (${cite(parole.terrorismOnlyWithActiveCooperation)}); решение — право суда.`,
    );

  let options: Option[];
  if (seriousCorruption) {
    discretionaryOnly = true;
    if (i.proceduralAgreementFulfilled) {
      notes.push(
        `Коррупционное преступление, выполнено процессуальное соглашение о сотрудничестве: сроки частей 3 и 5 (${cite(parole.corruptionAgreementParts3and5)}).`,
      );
      options = [{ requirement: generalRequirement(i), from: null }];
    } else if (privilegedFrom) {
      notes.push(
        `Коррупционное преступление, лицо льготной категории: сроки частей 3 и 5, не части 4 (${cite(parole.corruptionPrivilegedParts3and5)}).`,
      );
      options = [{ requirement: generalRequirement(i), from: privilegedFrom }];
    } else {
      return excluded('parole', [exclusionOf(parole.exclusions.corruptionGraveOrEspeciallyGrave)]);
    }
  } else if (killing) {
    if (!privilegedFrom) return excluded('parole', [exclusionOf(parole.exclusions.killingInCriminalGroup)]);
    notes.push(
      `Умышленное причинение смерти в составе преступной группы — исключение для льготной категории (${cite(parole.exclusions.killingInCriminalGroup)}); доли части 4, посягательство на жизнь.`,
    );
    options = [{ requirement: privilegedRequirement(i, true), from: privilegedFrom }];
  } else {
    options = [{ requirement: generalRequirement(i), from: null }];
    if (privilegedFrom) options.push({ requirement: privilegedRequirement(i, !!i.againstLife), from: privilegedFrom });
  }

  const best = earliestOf(options.map((o) => ({ ...o, computed: evaluate(i, o.requirement, true) })));
  return answer('parole', i, best, notes, discretionaryOnly);
}

function paroleExclusions(i: EligibilityInput): Exclusion[] {
  const x = parole.exclusions;
  const out: Exclusion[] = [];
  const t = i.terrorismOrExtremism;
  if (t && (t.causedDeaths || t.linkedToEspeciallyGrave)) out.push(exclusionOf(x.terrorismWithDeathsOrEspeciallyGrave));
  if (sexualCrimeExcluded(i)) out.push(exclusionOf(x.sexualCrimeAgainstMinors));
  if (i.replacedUnderArt73Before) out.push(exclusionOf(x.replacedByRestrictionUnderArt73));
  if (i.previouslyParoledFromLife) out.push(exclusionOf(x.previouslyParoledFromLife));
  if (i.newGraveCrimeWhileServingLife) out.push(exclusionOf(x.newGraveCrimeWhileServingLife));
  if (i.torture) out.push(exclusionOf(x.torture));
  if (isTerrorism(i) && !t!.activeCooperation) out.push(exclusionOf(parole.terrorismOnlyWithActiveCooperation));
  return out;
}

/** ч. 3: the general fractions, the revoked-parole ones (п. 3-1, 4) and the procedural agreement (п. 5). */
function generalRequirement(i: EligibilityInput): Requirement {
  if (i.lifeImprisonment) return lifeRequirement(i);
  const g = parole.general;
  if (i.previousParoleRevoked === 'part7_item1_or_2')
    return fractionOf(g.afterRevokedParoleItems1or2, 'unserved_remainder');
  if (i.previousParoleRevoked === 'part7_item3') return fractionOf(g.afterRevokedParoleItem3, 'term');
  const lifeOrHealth = !!(i.againstLifeOrHealth || i.againstLife);
  const ordinary =
    i.gravity === 'minor' || i.gravity === 'medium'
      ? g.minorOrMedium
      : i.gravity === 'grave' && !lifeOrHealth
        ? g.grave
        : g.graveAgainstLifeOrHealthOrEspeciallyGrave;
  if (!i.proceduralAgreementFulfilled) return fractionOf(ordinary, 'term');
  const a = parole.generalProceduralAgreement;
  const agreed =
    i.gravity === 'minor' || i.gravity === 'medium'
      ? a.minorOrMedium
      : i.gravity === 'grave'
        ? lifeOrHealth
          ? a.graveAgainstLifeOrHealthOrEspeciallyGrave
          : a.grave
        : lifeOrHealth
          ? a.especiallyGraveAgainstLifeOrHealth
          : a.graveAgainstLifeOrHealthOrEspeciallyGrave;
  if (!settings.eligibility.proceduralAgreementLiteralFractions && ratio(agreed.value) > ratio(ordinary.value))
    return fractionOf(ordinary, 'term');
  return fractionOf(agreed, 'term');
}

/** ч. 4: privileged persons. */
function privilegedRequirement(i: EligibilityInput, againstLife: boolean): Requirement {
  if (i.lifeImprisonment) return lifeRequirement(i);
  const p = parole.privileged;
  if (i.previousParoleRevoked === 'part7_item1_or_2')
    return fractionOf(
      p.afterRevokedParoleItems1or2,
      settings.eligibility.privilegedRevokedItems1or2FromRemainder ? 'unserved_remainder' : 'term',
    );
  if (i.previousParoleRevoked === 'part7_item3') return fractionOf(p.afterRevokedParoleItem3, 'term');
  if (i.proceduralAgreementFulfilled) {
    const a = parole.privilegedProceduralAgreement;
    return fractionOf(
      i.gravity === 'minor' || i.gravity === 'medium'
        ? a.minorOrMedium
        : i.gravity === 'grave'
          ? a.grave
          : a.especiallyGrave,
      'term',
    );
  }
  if (i.gravity === 'minor' || i.gravity === 'medium') return fractionOf(p.minorOrMedium, 'term');
  if (i.gravity === 'grave') return fractionOf(p.grave, 'term');
  return fractionOf(againstLife ? p.especiallyGraveAgainstLife : p.especiallyGraveNotAgainstLife, 'term');
}

/** ч. 6: 25 years, 15 with a fulfilled procedural agreement. */
function lifeRequirement(i: EligibilityInput): Requirement {
  const rule = i.proceduralAgreementFulfilled
    ? parole.lifeImprisonmentProceduralAgreementYears
    : parole.lifeImprisonmentYears;
  return { rule: rule.source, note: rule.note, fraction: null, base: 'life', years: rule.value };
}

// ---------------------------------------------------------------- replacement (УК 73)

export function replacementEligibility(i: EligibilityInput): EligibilityAnswer {
  validate(i);
  const x = replacement.exclusions;
  const out: Exclusion[] = [];
  if (i.lifeImprisonment || !replacement.scope.value.includes(i.gravity)) out.push(exclusionOf(replacement.scope));
  if (sexualCrimeExcluded(i)) out.push(exclusionOf(x.sexualCrimeAgainstMinors));
  const t = i.terrorismOrExtremism;
  if (t && (t.causedDeaths || t.linkedToEspeciallyGrave)) out.push(exclusionOf(x.terrorismWithDeathsOrEspeciallyGrave));
  if (i.crimeInCriminalGroup || i.killingInCriminalGroup) out.push(exclusionOf(x.crimeInCriminalGroup));
  if (isTerrorism(i) && !t!.activeCooperation) out.push(exclusionOf(x.terrorismWithoutActiveCooperation));
  if (out.length) return excluded('replacement', out);

  const lifeOrHealth = !!(i.againstLifeOrHealth || i.againstLife);
  const rule =
    i.gravity === 'grave'
      ? lifeOrHealth
        ? replacement.graveAgainstLifeOrHealth
        : replacement.grave
      : replacement.minorOrMedium;
  const notes: string[] = [
    `Условие (${cite(replacement.scope)}): полное возмещение ущерба ЛИБО отсутствие злостных нарушений; замена — право суда.`,
    `Замена на штраф — только при полном возмещении ущерба (${cite(replacement.fineRequiresFullCompensation)}).`,
  ];
  // ч. 2-1: after revocation under ч. 7 п. 1 the remainder is the base; after an aggregate sentence (п. 2, 3) the final sentence.
  const base = i.previousParoleRevoked === 'part7_item1_or_2' ? 'unserved_remainder' : 'term';
  if (i.previousParoleRevoked && i.previousParoleRevoked !== 'none')
    notes.push(`После отмены УДО: ${replacement.afterRevokedParole.note} (${cite(replacement.afterRevokedParole)}).`);
  if (isTerrorism(i))
    notes.push(
      `Террористическое/экстремистское преступление: замена лишь при активном содействии (${cite(x.terrorismWithoutActiveCooperation)}).`,
    );
  if (i.foreigner)
    notes.push(
      `Иностранец или лицо без гражданства: замена только на штраф с выдворением или без (${cite(replacement.foreignersOnlyFine)}).`,
    );
  const requirement = fractionOf(rule, base);
  const computed = evaluate(i, requirement, settings.eligibility.replacementAppliesSixMonthMinimum);
  return answer('replacement', i, { requirement, computed, from: null }, notes, true);
}

// ---------------------------------------------------------------- mandatory or discretionary (УК 72 ч. 1)

export type ParoleDecisionKind = 'mandatory' | 'discretionary' | 'not_yet';

export interface ParoleDecisionInput {
  eligibleToday: boolean;
  allClaimsPaidOrWaived: boolean;
  /** Malicious violations of the regime (злостные нарушения) on record. */
  maliciousViolations: number;
  /** "Paid or waived" holds only through the victim's waiver of the rest (counts per settings.waiverCountsAsFullCompensation). */
  reliesOnWaiver?: boolean;
  /** From EligibilityAnswer.discretionaryOnly (terrorism with cooperation, corruption exceptions). */
  discretionaryOnly?: boolean;
}

export interface ParoleDecision {
  kind: ParoleDecisionKind;
  rule: Citation;
  reason: Bilingual;
}

export function mandatoryOrDiscretionary(input: ParoleDecisionInput): ParoleDecision {
  if (!input.eligibleToday)
    return {
      kind: 'not_yet',
      rule: { act: 'УК', article: '72', part: '3' },
      reason: {
        ru: 'Требуемая часть срока ещё не отбыта фактически',
        kk: 'Жаза мерзімінің талап етілетін бөлігі әлі іс жүзінде өтелген жоқ',
      },
    };
  const fullyCompensated =
    input.allClaimsPaidOrWaived && (!input.reliesOnWaiver || settings.waiverCountsAsFullCompensation);
  if (input.discretionaryOnly && settings.eligibility.specialParagraphsOnlyDiscretionary)
    return {
      kind: 'discretionary',
      rule: parole.discretionary.source,
      reason: {
        ru: 'Особый абзац части 1 ст. 72 (терроризм, коррупция) говорит «может быть освобождено»: освобождение — право суда',
        kk: '72-баптың 1-бөлігінің арнайы абзацы (терроризм, сыбайлас жемқорлық) бойынша босату — соттың құқығы',
      },
    };
  if (fullyCompensated && input.maliciousViolations === 0)
    return {
      kind: 'mandatory',
      rule: parole.mandatory.source,
      reason: { ru: parole.mandatory.note, kk: parole.mandatory.noteKk! },
    };
  return {
    kind: 'discretionary',
    rule: parole.discretionary.source,
    reason: {
      ru: `${parole.discretionary.note} (${fullyCompensated ? 'есть злостные нарушения' : 'ущерб возмещён не полностью'})`,
      kk: `${parole.discretionary.noteKk} (${fullyCompensated ? 'қаскөйлікпен бұзушылықтар бар' : 'залал толық өтелмеген'})`,
    },
  };
}

// ---------------------------------------------------------------- arithmetic

interface Requirement {
  rule: Citation;
  note: string;
  fraction: Fraction | null;
  base: 'term' | 'unserved_remainder' | 'life';
  /** Life imprisonment only. */
  years?: number;
}

interface Computed {
  date: LocalDate;
  requiredServed: TermLength;
  minimumApplied: boolean;
  /** The day the whole base would be served (no parole possible on or after it); null for life. */
  endDate: LocalDate | null;
  method: string;
}

interface Option {
  requirement: Requirement;
  /** The day a privilege the option depends on starts (the age reached); null when it does not depend on one. */
  from: LocalDate | null;
}

interface Evaluated extends Option {
  computed: Computed;
}

const monthDays = () => civilTerms.daysPerMonthForRemainder.value;

function fractionOf(rule: Rule<Fraction>, base: 'term' | 'unserved_remainder'): Requirement {
  return { rule: rule.source, note: rule.note, fraction: rule.value, base };
}

function ratio(f: Fraction): number {
  return f.numerator / f.denominator;
}

function evaluate(i: EligibilityInput, r: Requirement, applyMinimum: boolean): Computed {
  const start = i.termStartDate;
  const credit = creditDays(i);
  const steps: string[] = [];
  let months: number;
  let days: number;
  let endDate: LocalDate | null = null;
  if (r.base === 'life') {
    months = r.years! * 12;
    days = 0;
    steps.push(`пожизненное лишение свободы: не менее ${r.years} лет (${cite(r.rule)})`);
  } else {
    const base = r.base === 'term' ? i.term! : i.unservedRemainder!;
    const baseMonths = base.years * 12 + base.months;
    const units = baseMonths * monthDays() + base.days;
    const { numerator: n, denominator: d } = r.fraction!;
    const share = settings.eligibility.roundPartialDayUp ? Math.ceil((units * n) / d) : Math.floor((units * n) / d);
    months = Math.floor(share / monthDays());
    days = share % monthDays();
    const what = r.base === 'term' ? 'срок' : 'оставшийся неотбытый срок';
    steps.push(
      `${what} ${fmtTerm(base)} = ${baseMonths} мес.${base.days ? ` ${base.days} дн.` : ''}; × ${n}/${d} = ${months} мес. ${days} дн. ` +
        `(остаток месяца в днях по ${monthDays()} дней в месяце${(units * n) % d ? ', неполный день округлён вверх' : ''}) (${cite(r.rule)})`,
    );
    endDate = addDays(addDays(addMonths(start, baseMonths), base.days), -credit);
  }
  let date = addDays(addMonths(start, months), days);
  const nextWholeMonth = addMonths(start, months + 1);
  if (settings.eligibility.capRemainderAtNextWholeMonth && days > 0 && date > nextWholeMonth) {
    date = nextWholeMonth;
    steps.push(
      `прибавлено к началу срока ${start}: ${date} (не позже ${months + 1} полных месяцев — в феврале меньше 30 дней)`,
    );
  } else {
    steps.push(`прибавлено к началу срока ${start}: ${date}`);
  }
  let minimumApplied = false;
  const minMonths = parole.minimumServedMonths.value;
  if (applyMinimum && months < minMonths) {
    minimumApplied = true;
    months = minMonths;
    days = 0;
    date = addMonths(start, minMonths);
    steps.push(
      `меньше шести месяцев — применён минимум ${cite(parole.minimumServedMonths.source)}: ${start} + 6 мес. = ${date}`,
    );
  }
  if (credit) {
    date = addDays(date, -credit);
    steps.push(`минус ${credit} дн. содержания под стражей до приговора = ${date}`);
  }
  return { date, requiredServed: normalise(months, days), minimumApplied, endDate, method: steps.join('; ') };
}

function earliestOf(options: Evaluated[]): Evaluated & { gatedBy?: LocalDate } {
  let best: (Evaluated & { gatedBy?: LocalDate }) | undefined;
  for (const o of options) {
    const gated = o.from && o.from > o.computed.date ? o.from : null;
    const date = gated ?? o.computed.date;
    // On a tie a privilege held from the start wins: the court cites ч. 4 for a privileged person.
    const tieToPrivilege = !!best && date === best.computed.date && o.from !== null && !gated;
    if (!best || date < best.computed.date || tieToPrivilege) {
      best = gated
        ? {
            ...o,
            computed: {
              ...o.computed,
              date,
              method: `${o.computed.method}; льготный возраст наступает ${gated} — с этой даты`,
            },
            gatedBy: gated,
          }
        : o;
    }
  }
  return best!;
}

function answer(
  procedure: Procedure,
  i: EligibilityInput,
  best: Evaluated,
  notes: string[],
  discretionaryOnly: boolean,
): EligibilityAnswer {
  const c = best.computed;
  const credit = creditDays(i);
  if (credit && i.pretrialDetention)
    notes.push(
      `Содержание под стражей ${i.pretrialDetention.from}…${i.pretrialDetention.to} = ${credit} дн. (день за день, оба дня включительно).`,
    );
  if (best.from && best.requirement.base !== 'life')
    notes.push(`Применены льготные доли (${cite(best.requirement.rule)}).`);
  const tooShort = c.endDate !== null && c.date >= c.endDate;
  const exclusion: Exclusion | undefined = tooShort
    ? {
        rule: parole.minimumServedMonths.source,
        reason: {
          ru: `Срок, который должен быть фактически отбыт (не менее ${fmtTerm(c.requiredServed)}, не менее шести месяцев), истекает не раньше окончания всего срока наказания (${c.endDate}): досрочное освобождение невозможно`,
          kk: `Іс жүзінде өтелуге тиіс мерзім (кемінде ${fmtTerm(c.requiredServed)}, кемінде алты ай) жазаның бүкіл мерзімі аяқталғанға дейін (${c.endDate}) өтпейді: мерзімінен бұрын босату мүмкін емес`,
        },
      }
    : undefined;
  return {
    procedure,
    eligible: !tooShort,
    earliestDate: tooShort ? null : c.date,
    fraction: best.requirement.fraction,
    requiredServed: c.requiredServed,
    base: best.requirement.base,
    rule: best.requirement.rule,
    minimumSixMonthsApplied: c.minimumApplied,
    method: c.method,
    ...(exclusion ? { exclusion } : {}),
    discretionaryOnly,
    notes,
  };
}

function excluded(procedure: Procedure, exclusions: Exclusion[]): EligibilityAnswer {
  const [first, ...others] = exclusions;
  return {
    procedure,
    eligible: false,
    earliestDate: null,
    fraction: null,
    requiredServed: null,
    base: null,
    rule: first.rule,
    minimumSixMonthsApplied: false,
    method: `не применяется: ${cite(first.rule)}`,
    exclusion: first,
    discretionaryOnly: false,
    notes: others.map((e) => `Также: ${e.reason.ru} (${cite(e.rule)}).`),
  };
}

function exclusionOf(rule: Rule<unknown>): Exclusion {
  return { rule: rule.source, reason: { ru: rule.note, kk: rule.noteKk ?? rule.note } };
}

// ---------------------------------------------------------------- facts about the person

function isTerrorism(i: EligibilityInput): boolean {
  const t = i.terrorismOrExtremism;
  return !!t && !t.causedDeaths && !t.linkedToEspeciallyGrave;
}

function sexualCrimeExcluded(i: EligibilityInput): boolean {
  const s = i.sexualCrimeAgainstMinor;
  return !!s && !(s.offenderWasMinor && s.victimAged14To18);
}

/** The first day the person counts as privileged (ч. 4), or null. Age derived from sex and birth date counts from the birthday. */
function privilegedSince(i: EligibilityInput, { withDisabledChild }: { withDisabledChild: boolean }): LocalDate | null {
  const p = i.privileged ?? {};
  const now =
    p.pregnant ||
    p.womanWithChildUnder14 ||
    p.singleFatherOfChildUnder14 ||
    (withDisabledChild && p.raisingDisabledChild) ||
    p.womanAged58OrOver ||
    p.manAged63OrOver ||
    p.disabilityGroup === 1 ||
    p.disabilityGroup === 2;
  if (now) return i.termStartDate;
  if (!i.sex || !i.birthDate) return null;
  const age = i.sex === 'female' ? parole.privilegedWomanAge.value : parole.privilegedManAge.value;
  const reached = addYears(i.birthDate, age);
  if (reached <= i.termStartDate) return i.termStartDate;
  return settings.eligibility.agePrivilegeFromDateReached ? reached : null;
}

export function creditDays(i: EligibilityInput): number {
  if (i.pretrialDetention)
    return (
      daysBetween(i.pretrialDetention.from, i.pretrialDetention.to) +
      (settings.eligibility.detentionCountsBothDays ? 1 : 0)
    );
  return i.pretrialDetentionDays ?? 0;
}

// ---------------------------------------------------------------- input checks (the DTO checks the same at the edge)

function validate(i: EligibilityInput): void {
  const errors: FieldError[] = [];
  if (!isLocalDate(i.termStartDate))
    errors.push({
      field: 'termStartDate',
      rule: 'local_date',
      message: 'Дата начала срока должна быть в формате ГГГГ-ММ-ДД',
    });
  if (!GRAVITIES.includes(i.gravity))
    errors.push({
      field: 'gravity',
      rule: 'isIn',
      message: `Недопустимая категория тяжести: допустимы ${GRAVITIES.join(', ')}`,
    });
  if (!i.lifeImprisonment && !isPositiveTerm(i.term))
    errors.push({ field: 'term', rule: 'term_positive', message: 'Срок наказания должен быть больше нуля' });
  if (
    i.pretrialDetentionDays !== undefined &&
    !(Number.isInteger(i.pretrialDetentionDays) && i.pretrialDetentionDays >= 0)
  )
    errors.push({
      field: 'pretrialDetentionDays',
      rule: 'min',
      message: 'Срок содержания под стражей не может быть отрицательным',
    });
  if (
    i.pretrialDetention &&
    !(
      isLocalDate(i.pretrialDetention.from) &&
      isLocalDate(i.pretrialDetention.to) &&
      i.pretrialDetention.from <= i.pretrialDetention.to
    )
  )
    errors.push({
      field: 'pretrialDetention',
      rule: 'detention_range',
      message: 'Период содержания под стражей: начало не позже окончания',
    });
  const needsRemainder = i.previousParoleRevoked === 'part7_item1_or_2' && !i.lifeImprisonment;
  if (needsRemainder && !isPositiveTerm(i.unservedRemainder))
    errors.push({
      field: 'unservedRemainder',
      rule: 'remainder_required',
      message: 'После отмены УДО по п. 1), 2) ч. 7 ст. 72 нужен оставшийся неотбытый срок',
    });
  if (i.birthDate !== undefined && !isLocalDate(i.birthDate))
    errors.push({ field: 'birthDate', rule: 'local_date', message: 'Дата рождения должна быть в формате ГГГГ-ММ-ДД' });
  if (errors.length) throw DomainError.validation(errors);
}

function isPositiveTerm(t: TermLength | undefined): t is TermLength {
  if (!t) return false;
  const parts = [t.years, t.months, t.days];
  return parts.every((n) => Number.isInteger(n) && n >= 0) && parts.some((n) => n > 0);
}

// ---------------------------------------------------------------- formatting

function normalise(months: number, days: number): TermLength {
  return { years: Math.floor(months / 12), months: months % 12, days };
}

export function fmtTerm(t: TermLength): string {
  return `${t.years} г. ${t.months} мес. ${t.days} дн.`;
}

function cite(r: Citation | Rule<unknown>): string {
  return formatCitationRu('source' in r ? r.source : r);
}
