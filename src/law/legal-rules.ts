/**
 * Every legal number the product uses, with the article, part and item it comes from.
 * A lawyer corrects a rule here, in one place; code never repeats these numbers.
 * Sources: ../shared/LAW.md (texts in force 16.09.2025 unless said otherwise).
 * Points LAW.md marks as inference are SETTINGS (see `settings` below), not law.
 */

export interface Citation {
  /** Act short name as in LAW.md: УК, УПК, УИК, ЗМед, ГК, ГПК, ЗИП. */
  act: 'УК' | 'УПК' | 'УИК' | 'ЗМед' | 'ГК' | 'ГПК' | 'ЗИП' | 'ЗоП' | 'setting';
  article: string;
  part?: string;
  item?: string;
  paragraph?: string;
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface Rule<T> {
  value: T;
  source: Citation;
  /** Short text a lawyer recognises, Russian (the language of the statute texts read). */
  note: string;
}

const f = (numerator: number, denominator: number): Fraction => ({ numerator, denominator });

/** Mediation procedure (Law on Mediation of 28.01.2011 № 401-IV, text of 20.12.2021). */
export const mediation = {
  invitationReplyDays: {
    value: 10,
    source: { act: 'ЗМед', article: '20', item: '6' },
    note: 'Предложение о медиации считается отклонённым, если согласие не получено в течение 10 календарных дней (или иного указанного срока)',
  } as Rule<number>,
  termDays: {
    value: 30,
    source: { act: 'ЗМед', article: '20', item: '9' },
    note: 'Медиация завершается в течение 30 календарных дней со дня подписания договора о медиации (также ст. 23 п. 1)',
  } as Rule<number>,
  maxExtensionDays: {
    value: 30,
    source: { act: 'ЗМед', article: '23', item: '2' },
    note: 'Срок может быть продлён по соглашению сторон и с согласия медиатора не более чем на 30 календарных дней',
  } as Rule<number>,
  maxExtensions: {
    value: 1,
    source: { act: 'ЗМед', article: '23', item: '2' },
    note: 'Продление допускается один раз, всего не более 60 дней',
  } as Rule<number>,
  enforcementSuspensionDays: {
    value: 30,
    source: { act: 'ЗИП', article: '44', item: '8' },
    note: 'Исполнительное производство приостанавливается при заключении договора о медиации на срок не более 30 календарных дней',
  } as Rule<number>,
} as const;

/** The petition and the hearing (УПК, УИК). */
export const petition = {
  institutionForwardDays: {
    value: 10,
    source: { act: 'УИК', article: '162', part: '9' },
    note: 'Администрация учреждения в течение 10 дней направляет ходатайство с материалами и личным делом в суд',
  } as Rule<number>,
  hearingWithinMonths: {
    value: 1,
    source: { act: 'УПК', article: '478', part: '4' },
    note: 'Ходатайство рассматривается судьёй единолично в течение одного месяца со дня поступления',
  } as Rule<number>,
  refilingAfterRefusalMonths: {
    value: 6,
    source: { act: 'УИК', article: '162', part: '10' },
    note: 'Повторное внесение ходатайства после отказа — не ранее чем по истечении шести месяцев со дня постановления об отказе',
  } as Rule<number>,
  refilingAfterRefusalLifeMonths: {
    value: 36,
    source: { act: 'УИК', article: '162', part: '10' },
    note: 'При пожизненном лишении свободы — не ранее чем по истечении трёх лет',
  } as Rule<number>,
} as const;

/** After release on parole (УК 72 ч. 7, УИК 169). */
export const parolee = {
  registrationWorkingDays: {
    value: 5,
    source: { act: 'УИК', article: '169', part: '8', item: '1' },
    note: 'Встать на учёт в органе внутренних дел по месту жительства в течение 5 рабочих дней',
  } as Rule<number>,
  maxEvasionsBeforeRevocationGround: {
    value: 2,
    source: { act: 'УК', article: '72', part: '7', item: '1' },
    note: 'Уклонение без уважительной причины более двух раз от исполнения возложенных обязанностей — основание для отмены УДО',
  } as Rule<number>,
} as const;

/** Fractions of the term to be actually served before parole (УК 72 ч. 3–6). */
export const parole = {
  minimumServedMonths: {
    value: 6,
    source: { act: 'УК', article: '72', part: '5' },
    note: 'Фактически отбытый срок лишения свободы не может быть менее шести месяцев',
  } as Rule<number>,
  general: {
    minorOrMedium: { value: f(1, 3), source: { act: 'УК', article: '72', part: '3', item: '1' }, note: 'не менее одной трети — небольшой или средней тяжести' } as Rule<Fraction>,
    grave: { value: f(1, 2), source: { act: 'УК', article: '72', part: '3', item: '2' }, note: 'не менее половины — тяжкое' } as Rule<Fraction>,
    graveAgainstLifeOrHealthOrEspeciallyGrave: { value: f(2, 3), source: { act: 'УК', article: '72', part: '3', item: '3' }, note: 'не менее двух третей — тяжкое против жизни или здоровья, особо тяжкое' } as Rule<Fraction>,
    afterRevokedParoleItems1or2: { value: f(2, 3), source: { act: 'УК', article: '72', part: '3', item: '3-1' }, note: 'не менее двух третей от оставшегося неотбытого срока, если УДО отменено по п. 1) и 2) ч. 7' } as Rule<Fraction>,
    afterRevokedParoleItem3: { value: f(3, 4), source: { act: 'УК', article: '72', part: '3', item: '4' }, note: 'не менее трёх четвертей, если УДО отменено по п. 3) ч. 7' } as Rule<Fraction>,
  },
  generalProceduralAgreement: {
    minorOrMedium: { value: f(1, 4), source: { act: 'УК', article: '72', part: '3', item: '5' }, note: 'одна четвёртая — небольшой или средней тяжести, при выполнении процессуального соглашения' } as Rule<Fraction>,
    grave: { value: f(1, 3), source: { act: 'УК', article: '72', part: '3', item: '5' }, note: 'одна треть — тяжкое, при выполнении процессуального соглашения' } as Rule<Fraction>,
    graveAgainstLifeOrHealthOrEspeciallyGrave: { value: f(1, 2), source: { act: 'УК', article: '72', part: '3', item: '5' }, note: 'половина — тяжкое против жизни или здоровья, особо тяжкое, при выполнении процессуального соглашения' } as Rule<Fraction>,
    especiallyGraveAgainstLifeOrHealth: { value: f(3, 4), source: { act: 'УК', article: '72', part: '3', item: '5' }, note: 'три четверти — особо тяжкое против жизни или здоровья, при выполнении процессуального соглашения' } as Rule<Fraction>,
  },
  privileged: {
    minorOrMedium: { value: f(1, 4), source: { act: 'УК', article: '72', part: '4', item: '1' }, note: 'не менее одной четвёртой — небольшой или средней тяжести' } as Rule<Fraction>,
    grave: { value: f(1, 3), source: { act: 'УК', article: '72', part: '4', item: '2' }, note: 'не менее одной трети — тяжкое' } as Rule<Fraction>,
    especiallyGraveNotAgainstLife: { value: f(1, 2), source: { act: 'УК', article: '72', part: '4', item: '3' }, note: 'не менее половины — особо тяжкое, не сопряжённое с посягательством на жизнь; также после отмены УДО по п. 1) и 2) ч. 7' } as Rule<Fraction>,
    especiallyGraveAgainstLife: { value: f(2, 3), source: { act: 'УК', article: '72', part: '4', item: '4' }, note: 'не менее двух третей — особо тяжкое против жизни; также после отмены УДО по п. 3) ч. 7' } as Rule<Fraction>,
  },
  privilegedProceduralAgreement: {
    minorOrMedium: { value: f(1, 5), source: { act: 'УК', article: '72', part: '4', item: '5' }, note: 'одна пятая — небольшой или средней тяжести, при выполнении процессуального соглашения' } as Rule<Fraction>,
    grave: { value: f(1, 4), source: { act: 'УК', article: '72', part: '4', item: '5' }, note: 'одна четвёртая — тяжкое, при выполнении процессуального соглашения' } as Rule<Fraction>,
    especiallyGrave: { value: f(1, 3), source: { act: 'УК', article: '72', part: '4', item: '5' }, note: 'одна треть — особо тяжкое, при выполнении процессуального соглашения' } as Rule<Fraction>,
  },
  lifeImprisonmentYears: { value: 25, source: { act: 'УК', article: '72', part: '6' }, note: 'пожизненное лишение свободы — не менее двадцати пяти лет' } as Rule<number>,
  lifeImprisonmentProceduralAgreementYears: { value: 15, source: { act: 'УК', article: '72', part: '6' }, note: 'пожизненное лишение свободы при выполнении процессуального соглашения — не менее пятнадцати лет' } as Rule<number>,
  privilegedWomanAge: { value: 58, source: { act: 'УК', article: '72', part: '4' }, note: 'женщины в возрасте пятидесяти восьми и свыше лет' } as Rule<number>,
  privilegedManAge: { value: 63, source: { act: 'УК', article: '72', part: '4' }, note: 'мужчины в возрасте шестидесяти трёх и свыше лет' } as Rule<number>,
} as const;

/** Replacement of the unserved part with a milder punishment (УК 73 ч. 2). */
export const replacement = {
  minorOrMedium: { value: f(1, 4), source: { act: 'УК', article: '73', part: '2' }, note: 'не менее одной четвёртой — небольшой или средней тяжести' } as Rule<Fraction>,
  grave: { value: f(1, 3), source: { act: 'УК', article: '73', part: '2' }, note: 'не менее одной трети — тяжкое' } as Rule<Fraction>,
  graveAgainstLifeOrHealth: { value: f(1, 2), source: { act: 'УК', article: '73', part: '2' }, note: 'не менее половины — тяжкое против жизни или здоровья' } as Rule<Fraction>,
  fineRequiresFullCompensation: { value: true, source: { act: 'УК', article: '73', part: '3' }, note: 'Условием замены на штраф является полное возмещение ущерба' } as Rule<boolean>,
} as const;

/** Terms ending on a non-working day (Civil Code art. 175; ГПК 123 ч. 4). */
export const civilTerms = {
  moveToNextWorkingDay: {
    value: true,
    source: { act: 'ГК', article: '175' },
    note: 'Если последний день срока приходится на нерабочий день, днём окончания срока считается ближайший следующий за ним рабочий день',
  } as Rule<boolean>,
  daysPerMonthForRemainder: {
    value: 30,
    source: { act: 'setting', article: '—' },
    note: 'Остаток доли срока в днях считается по 30 дней в месяце (судебная практика расчёта; LAW.md §1, вывод)',
  } as Rule<number>,
} as const;

/**
 * Settings: points LAW.md marks as [INFERENCE] or open. An administrator may change them; they are not statute.
 */
export const settings = {
  /** Days after a due date before an unpaid instalment counts as overdue (product setting, default 30). */
  paymentGraceDays: 30,
  /** LAW.md §12 q.1: does a victim's written waiver of the rest count as full compensation (art. 72 ч. 1 абз. 2)? */
  waiverCountsAsFullCompensation: true,
  /** Due dates on non-working days move to the next working day (ГК 175); can be switched off. */
  moveDueDatesToWorkingDay: true,
  /** LAW.md §14: Kazakh «бір жүз», «бір мың» (statute style since 2014) vs «жүз», «мың». */
  kazakhExplicitOneBeforeHundredAndThousand: false,
  /** A schedule longer than this is refused (issue 3). */
  maxScheduleMonths: 600,
};
