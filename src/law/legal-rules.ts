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
  /** The same in Kazakh, where the rule's text is shown to users (exclusions: kaz/sec005.md of the same commit). */
  noteKk?: string;
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
    minorOrMedium: {
      value: f(1, 3),
      source: { act: 'УК', article: '72', part: '3', item: '1' },
      note: 'не менее одной трети — небольшой или средней тяжести',
    } as Rule<Fraction>,
    grave: {
      value: f(1, 2),
      source: { act: 'УК', article: '72', part: '3', item: '2' },
      note: 'не менее половины — тяжкое',
    } as Rule<Fraction>,
    graveAgainstLifeOrHealthOrEspeciallyGrave: {
      value: f(2, 3),
      source: { act: 'УК', article: '72', part: '3', item: '3' },
      note: 'не менее двух третей — тяжкое против жизни или здоровья, особо тяжкое',
    } as Rule<Fraction>,
    afterRevokedParoleItems1or2: {
      value: f(2, 3),
      source: { act: 'УК', article: '72', part: '3', item: '3-1' },
      note: 'не менее двух третей от оставшегося неотбытого срока, если УДО отменено по п. 1) и 2) ч. 7',
    } as Rule<Fraction>,
    afterRevokedParoleItem3: {
      value: f(3, 4),
      source: { act: 'УК', article: '72', part: '3', item: '4' },
      note: 'не менее трёх четвертей, если УДО отменено по п. 3) ч. 7',
    } as Rule<Fraction>,
  },
  generalProceduralAgreement: {
    minorOrMedium: {
      value: f(1, 4),
      source: { act: 'УК', article: '72', part: '3', item: '5' },
      note: 'одна четвёртая — небольшой или средней тяжести, при выполнении процессуального соглашения',
    } as Rule<Fraction>,
    grave: {
      value: f(1, 3),
      source: { act: 'УК', article: '72', part: '3', item: '5' },
      note: 'одна треть — тяжкое, при выполнении процессуального соглашения',
    } as Rule<Fraction>,
    graveAgainstLifeOrHealthOrEspeciallyGrave: {
      value: f(1, 2),
      source: { act: 'УК', article: '72', part: '3', item: '5' },
      note: 'половина — тяжкое против жизни или здоровья, особо тяжкое, при выполнении процессуального соглашения',
    } as Rule<Fraction>,
    especiallyGraveAgainstLifeOrHealth: {
      value: f(3, 4),
      source: { act: 'УК', article: '72', part: '3', item: '5' },
      note: 'три четверти — особо тяжкое против жизни или здоровья, при выполнении процессуального соглашения',
    } as Rule<Fraction>,
  },
  privileged: {
    minorOrMedium: {
      value: f(1, 4),
      source: { act: 'УК', article: '72', part: '4', item: '1' },
      note: 'не менее одной четвёртой — небольшой или средней тяжести',
    } as Rule<Fraction>,
    grave: {
      value: f(1, 3),
      source: { act: 'УК', article: '72', part: '4', item: '2' },
      note: 'не менее одной трети — тяжкое',
    } as Rule<Fraction>,
    especiallyGraveNotAgainstLife: {
      value: f(1, 2),
      source: { act: 'УК', article: '72', part: '4', item: '3' },
      note: 'не менее половины — особо тяжкое, не сопряжённое с посягательством на жизнь; также после отмены УДО по п. 1) и 2) ч. 7',
    } as Rule<Fraction>,
    especiallyGraveAgainstLife: {
      value: f(2, 3),
      source: { act: 'УК', article: '72', part: '4', item: '4' },
      note: 'не менее двух третей — особо тяжкое против жизни; также после отмены УДО по п. 3) ч. 7',
    } as Rule<Fraction>,
    afterRevokedParoleItems1or2: {
      value: f(1, 2),
      source: { act: 'УК', article: '72', part: '4', item: '3' },
      note: 'не менее половины, если ранее применённое УДО отменено по п. 1) и 2) ч. 7 (льготные категории)',
    } as Rule<Fraction>,
    afterRevokedParoleItem3: {
      value: f(2, 3),
      source: { act: 'УК', article: '72', part: '4', item: '4' },
      note: 'не менее двух третей, если ранее применённое УДО отменено по п. 3) ч. 7 (льготные категории)',
    } as Rule<Fraction>,
  },
  privilegedProceduralAgreement: {
    minorOrMedium: {
      value: f(1, 5),
      source: { act: 'УК', article: '72', part: '4', item: '5' },
      note: 'одна пятая — небольшой или средней тяжести, при выполнении процессуального соглашения',
    } as Rule<Fraction>,
    grave: {
      value: f(1, 4),
      source: { act: 'УК', article: '72', part: '4', item: '5' },
      note: 'одна четвёртая — тяжкое, при выполнении процессуального соглашения',
    } as Rule<Fraction>,
    especiallyGrave: {
      value: f(1, 3),
      source: { act: 'УК', article: '72', part: '4', item: '5' },
      note: 'одна треть — особо тяжкое, при выполнении процессуального соглашения',
    } as Rule<Fraction>,
  },
  lifeImprisonmentYears: {
    value: 25,
    source: { act: 'УК', article: '72', part: '6' },
    note: 'пожизненное лишение свободы — не менее двадцати пяти лет',
  } as Rule<number>,
  lifeImprisonmentProceduralAgreementYears: {
    value: 15,
    source: { act: 'УК', article: '72', part: '6' },
    note: 'пожизненное лишение свободы при выполнении процессуального соглашения — не менее пятнадцати лет',
  } as Rule<number>,
  privilegedWomanAge: {
    value: 58,
    source: { act: 'УК', article: '72', part: '4' },
    note: 'женщины в возрасте пятидесяти восьми и свыше лет',
  } as Rule<number>,
  privilegedManAge: {
    value: 63,
    source: { act: 'УК', article: '72', part: '4' },
    note: 'мужчины в возрасте шестидесяти трёх и свыше лет',
  } as Rule<number>,
  /** Age of a "малолетний" child (women having or raising one, men raising one alone). */
  youngChildUnderAge: {
    value: 14,
    source: { act: 'УК', article: '72', part: '4' },
    note: 'малолетний ребёнок — не достигший четырнадцати лет',
  } as Rule<number>,

  /** Part 1: which paragraph gives the decision. */
  discretionary: {
    value: true,
    source: { act: 'УК', article: '72', part: '1', paragraph: '1' },
    note: 'может быть освобождено судом условно-досрочно, если не нуждается в полном отбывании наказания',
    noteKk: 'сот шартты түрде мерзімінен бұрын босатуы мүмкін',
  } as Rule<boolean>,
  mandatory: {
    value: true,
    source: { act: 'УК', article: '72', part: '1', paragraph: '2' },
    note: 'подлежит освобождению условно-досрочно в случае полного возмещения ущерба и отсутствия злостных нарушений',
    noteKk:
      'залалды толық өтеген және жазаны өтеу тәртібін қаскөйлікпен бұзбаған жағдайда шартты түрде мерзімінен бұрын босатылуға жатады',
  } as Rule<boolean>,
  terrorismOnlyWithActiveCooperation: {
    value: true,
    source: { act: 'УК', article: '72', part: '1', paragraph: '3' },
    note: 'террористическое или экстремистское преступление без гибели людей и не сопряжённое с особо тяжким — УДО возможно только при активном содействии в предотвращении, раскрытии или расследовании таких преступлений',
    noteKk:
      'адамдардың қаза табуына алып келмеген террористік немесе экстремистік қылмыс үшін — тек осындай қылмыстарды болғызбауға, ашуға немесе тергеп-тексеруге белсенді түрде жәрдемдескен жағдайда',
  } as Rule<boolean>,
  corruptionPrivilegedParts3and5: {
    value: true,
    source: { act: 'УК', article: '72', part: '1', paragraph: '4' },
    note: 'льготные категории (кроме воспитывающих ребёнка с инвалидностью), осуждённые за тяжкое и особо тяжкое коррупционное преступление, — после сроков частей 3 и 5 (не части 4)',
  } as Rule<boolean>,
  corruptionAgreementParts3and5: {
    value: true,
    source: { act: 'УК', article: '72', part: '1', paragraph: '5' },
    note: 'осуждённый за тяжкое и особо тяжкое коррупционное преступление, выполнивший все условия процессуального соглашения о сотрудничестве, — после сроков частей 3 и 5',
  } as Rule<boolean>,

  /** Part 8: parole does not apply (п. 1 deleted by Law 16.07.2025 № 210-VIII). Exceptions live in the eligibility domain. */
  exclusions: {
    terrorismWithDeathsOrEspeciallyGrave: {
      value: true,
      source: { act: 'УК', article: '72', part: '8', item: '2' },
      note: 'УДО не применяется к осуждённым за террористическое или экстремистское преступление, повлёкшее гибель людей либо сопряжённое с совершением особо тяжкого преступления',
      noteKk:
        'Адамдардың қаза табуына алып келген не аса ауыр қылмыс жасаумен ұштасқан террористік немесе экстремистік қылмыс үшін сотталғандарға шартты түрде мерзімінен бұрын босату қолданылмайды',
    } as Rule<boolean>,
    corruptionGraveOrEspeciallyGrave: {
      value: true,
      source: { act: 'УК', article: '72', part: '8', item: '3' },
      note: 'УДО не применяется к осуждённым за тяжкое и особо тяжкое коррупционное преступление, кроме беременных женщин, женщин с малолетними детьми, мужчин, в одиночку воспитывающих малолетнего ребёнка, женщин от 58 и мужчин от 63 лет, лиц с инвалидностью I или II группы, а также выполнивших все условия процессуального соглашения о сотрудничестве',
      noteKk:
        'Ауыр және аса ауыр сыбайлас жемқорлық қылмыс үшін сотталғандарға (жүкті әйелдерді, жас баласы бар әйелдерді, жас баласын жалғыз тәрбиелеп отырған еркектерді, 58 жастан асқан әйелдерді, 63 жастан асқан еркектерді, І немесе ІІ топтағы мүгедектігі бар адамдарды және ынтымақтастық туралы процестік келісімнің барлық талаптарын орындағандарды қоспағанда) шартты түрде мерзімінен бұрын босату қолданылмайды',
    } as Rule<boolean>,
    sexualCrimeAgainstMinors: {
      value: true,
      source: { act: 'УК', article: '72', part: '8', item: '4' },
      note: 'УДО не применяется к осуждённым за преступление против половой неприкосновенности несовершеннолетних, кроме совершённого несовершеннолетним в отношении лица от 14 до 18 лет',
      noteKk:
        'Кәмелетке толмағандардың жыныстық тиіспеушілігіне қарсы қылмыс үшін сотталғандарға (кәмелетке толмаған адамның он төрттен он сегіз жасқа дейінгі адамға қатысты жасаған жағдайын қоспағанда) шартты түрде мерзімінен бұрын босату қолданылмайды',
    } as Rule<boolean>,
    killingInCriminalGroup: {
      value: true,
      source: { act: 'УК', article: '72', part: '8', item: '5' },
      note: 'УДО не применяется к осуждённым за умышленное причинение смерти в составе преступной группы, кроме льготных категорий (беременные, женщины с малолетними детьми, одинокие отцы, женщины от 58, мужчины от 63 лет, инвалидность I или II группы)',
      noteKk:
        'Қылмыстық топтың құрамында адамды қасақана өлтіргені үшін сотталғандарға (жеңілдікті санаттарды қоспағанда) шартты түрде мерзімінен бұрын босату қолданылмайды',
    } as Rule<boolean>,
    replacedByRestrictionUnderArt73: {
      value: true,
      source: { act: 'УК', article: '72', part: '8', item: '6' },
      note: 'УДО не применяется к осуждённым, которым лишение свободы заменено на ограничение свободы в порядке статьи 73',
      noteKk:
        '73-бап тәртібінде бас бостандығынан айыру жазасы бас бостандығын шектеуге ауыстырылған сотталғандарға шартты түрде мерзімінен бұрын босату қолданылмайды',
    } as Rule<boolean>,
    previouslyParoledFromLife: {
      value: true,
      source: { act: 'УК', article: '72', part: '8', item: '7' },
      note: 'УДО не применяется к ранее условно-досрочно освобождённым от пожизненного лишения свободы',
      noteKk:
        'Бұрын өмір бойына бас бостандығынан айырудан шартты түрде мерзімінен бұрын босатылғандарға қолданылмайды',
    } as Rule<boolean>,
    newGraveCrimeWhileServingLife: {
      value: true,
      source: { act: 'УК', article: '72', part: '8', item: '8' },
      note: 'УДО не применяется к совершившим в период отбывания пожизненного лишения свободы новое тяжкое или особо тяжкое преступление',
      noteKk:
        'Өмір бойына бас бостандығынан айыруды өтеу кезеңінде жаңа ауыр немесе аса ауыр қылмыс жасағандарға қолданылмайды',
    } as Rule<boolean>,
    torture: {
      value: true,
      source: { act: 'УК', article: '72', part: '8', item: '9' },
      note: 'УДО не применяется к осуждённым за пытки',
      noteKk: 'Азаптау үшін сотталған адамдарға шартты түрде мерзімінен бұрын босату қолданылмайды',
    } as Rule<boolean>,
  },
} as const;

/** Replacement of the unserved part with a milder punishment (УК 73 ч. 2). */
export const replacement = {
  /** Part 1: only small, medium and grave crimes; an especially grave crime (and so life imprisonment) is outside replacement. */
  scope: {
    value: ['minor', 'medium', 'grave'],
    source: { act: 'УК', article: '73', part: '1' },
    note: 'замена возможна лишь при лишении свободы за преступления небольшой, средней тяжести или тяжкие; особо тяжкие — вне части 1',
    noteKk:
      'Жазаның өтелмеген бөлігін неғұрлым жеңіл жаза түрімен ауыстыру тек онша ауыр емес, ауырлығы орташа немесе ауыр қылмыс үшін қолданылады; аса ауыр қылмыс үшін қолданылмайды',
  } as Rule<readonly string[]>,
  minorOrMedium: {
    value: f(1, 4),
    source: { act: 'УК', article: '73', part: '2', paragraph: '1' },
    note: 'не менее одной четвёртой — небольшой или средней тяжести',
  } as Rule<Fraction>,
  grave: {
    value: f(1, 3),
    source: { act: 'УК', article: '73', part: '2', paragraph: '1' },
    note: 'не менее одной трети — тяжкое',
  } as Rule<Fraction>,
  graveAgainstLifeOrHealth: {
    value: f(1, 2),
    source: { act: 'УК', article: '73', part: '2', paragraph: '1' },
    note: 'не менее половины — тяжкое против жизни или здоровья',
  } as Rule<Fraction>,
  afterRevokedParole: {
    value: true,
    source: { act: 'УК', article: '73', part: '2-1' },
    note: 'после отмены УДО сроки части 2 исчисляются из оставшейся неотбытой части наказания, а при совокупности приговоров (ч. 7 п. 2), 3) ст. 72) — из окончательного наказания',
  } as Rule<boolean>,
  exclusions: {
    sexualCrimeAgainstMinors: {
      value: true,
      source: { act: 'УК', article: '73', part: '2', paragraph: '2' },
      note: 'замена не применяется к осуждённым за преступление против половой неприкосновенности несовершеннолетних, кроме совершённого несовершеннолетним в отношении лица от 14 до 18 лет',
      noteKk:
        'Кәмелетке толмағандардың жыныстық тиіспеушілігіне қарсы қылмыс үшін сотталғандарға (кәмелетке толмаған адамның он төрттен он сегіз жасқа дейінгі адамға қатысты жасаған жағдайын қоспағанда) жазаның өтелмеген бөлігін ауыстыру қолданылмайды',
    } as Rule<boolean>,
    terrorismWithDeathsOrEspeciallyGrave: {
      value: true,
      source: { act: 'УК', article: '73', part: '2', paragraph: '2' },
      note: 'замена не применяется к осуждённым за террористическое или экстремистское преступление, повлёкшее гибель людей либо сопряжённое с особо тяжким преступлением',
      noteKk:
        'Адамдардың қаза табуына алып келген не аса ауыр қылмыс жасаумен ұштасқан террористік немесе экстремистік қылмыс үшін сотталғандарға жазаның өтелмеген бөлігін ауыстыру қолданылмайды',
    } as Rule<boolean>,
    crimeInCriminalGroup: {
      value: true,
      source: { act: 'УК', article: '73', part: '2', paragraph: '2' },
      note: 'замена не применяется к осуждённым за преступление, совершённое в составе преступной группы',
      noteKk:
        'Қылмыстық топтың құрамында жасалған қылмыс үшін сотталғандарға жазаның өтелмеген бөлігін ауыстыру қолданылмайды',
    } as Rule<boolean>,
    terrorismWithoutActiveCooperation: {
      value: true,
      source: { act: 'УК', article: '73', part: '2', paragraph: '2' },
      note: 'террористическое или экстремистское преступление без гибели людей — замена возможна только при активном содействии',
      noteKk:
        'Адамдардың қаза табуына алып келмеген террористік немесе экстремистік қылмыс үшін — тек белсенді түрде жәрдемдескен жағдайда ауыстырылуы мүмкін',
    } as Rule<boolean>,
  },
  foreignersOnlyFine: {
    value: true,
    source: { act: 'УК', article: '73', part: '2', paragraph: '3' },
    note: 'иностранцам и лицам без гражданства неотбытая часть может быть заменена только на штраф с выдворением или без такового',
  } as Rule<boolean>,
  fineRequiresFullCompensation: {
    value: true,
    source: { act: 'УК', article: '73', part: '3' },
    note: 'Условием замены на штраф является полное возмещение ущерба',
  } as Rule<boolean>,
} as const;

/**
 * Terms ending on a non-working day (Civil Code art. 175; ГПК 123 ч. 4). Applied to every term counted in days or
 * months (settings.termsEndOnWorkingDay): the reply to an invitation (ЗМед 20 п. 6), the mediation term and its
 * extension (ЗМед 20 п. 9, 23 п. 2), the grace after an instalment's due date (settings.paymentGraceDays), the
 * re-filing period after a refusal (УИК 162 ч. 10); and to instalment due dates (settings.moveDueDatesToWorkingDay).
 * The calendar: src/restitution/domain/work-calendar.ts (`termEndsOn`), given to the machines as ProcedureDeps.termEnd.
 */
export const civilTerms = {
  moveToNextWorkingDay: {
    value: true,
    source: { act: 'ГК', article: '175' },
    note: 'Если последний день срока приходится на нерабочий день, днём окончания срока считается ближайший следующий за ним рабочий день',
    noteKk:
      'Егер мерзімнің соңғы күні жұмыс істемейтін күнге тура келсе, содан кейінгі ең таяу жұмыс күні мерзімнің аяқталған күні болып саналады',
  } as Rule<boolean>,
  daysPerMonthForRemainder: {
    value: 30,
    source: { act: 'setting', article: '—' },
    note: 'Остаток доли срока в днях считается по 30 дней в месяце (судебная практика расчёта; LAW.md §1, вывод)',
  } as Rule<number>,
} as const;

/**
 * Planning backwards (issue 12): when mediation should start, counted back from the convict's earliest petition date.
 * Not statute: the methodological recommendations of the Ministry of Information and Social Development (2021,
 * «Ұсынымдық нұсқаулық», ../shared/sources/002_…txt, recommendation 14: the court sets «3 айға дейінгі мерзім» to
 * prepare the release, and convicts should be able to petition «үш ай бұрын» — three months before the date;
 * the practice of East Kazakhstan described there (mediation before the petition) needs those months to invite
 * the victims, sign the agreement and pay the part due before the hearing).
 */
export const planning = {
  startMediationMonthsBeforePetition: {
    value: 3,
    source: { act: 'setting', article: 'Методические рекомендации 2021, рекомендация 14' },
    note: 'Медиацию начинать не позднее чем за три месяца до самой ранней даты ходатайства об УДО (практика ВКО, методические рекомендации 2021 г.)',
    noteKk:
      'Медиацияны ҚМБ туралы өтініштің ең ерте күнінен кемінде үш ай бұрын бастау (ШҚО тәжірибесі, 2021 ж. ұсынымдық нұсқаулық)',
  } as Rule<number>,
  /** How far ahead the «start now» register looks by default, months (a product setting). */
  registerHorizonMonths: 6,
} as const;

/**
 * Settings: points LAW.md marks as [INFERENCE] or open. An administrator may change them; they are not statute.
 */
export const settings = {
  /** Days after a due date before an unpaid instalment counts as overdue (product setting, default 30). */
  paymentGraceDays: 30,
  /** The reminder point of a scheduled hearing: this many days before it (product setting, not law). */
  hearingReminderDaysBefore: 3,
  /** LAW.md §12 q.1: does a victim's written waiver of the rest count as full compensation (art. 72 ч. 1 абз. 2)? */
  waiverCountsAsFullCompensation: true,
  /** Due dates on non-working days move to the next working day (ГК 175); can be switched off. */
  moveDueDatesToWorkingDay: true,
  /**
   * ГК 175 (civilTerms.moveToNextWorkingDay) for terms counted in days or months: the last day of the reply
   * period, of the mediation term and its extension, of the grace period and of the re-filing period moves off a
   * non-working day to the next working day. Read when an event is recorded: terms already running keep their end.
   */
  termsEndOnWorkingDay: true,
  /** LAW.md §14: Kazakh «бір жүз», «бір мың» (statute style since 2014) vs «жүз», «мың». */
  kazakhExplicitOneBeforeHundredAndThousand: false,
  /** A schedule longer than this is refused (issue 3). */
  maxScheduleMonths: 600,
  /** Instalments fall due on this day of each month; 29–31 mean the last day of a shorter month. */
  dueDayOfMonth: { min: 1, max: 31 },
  /** Earliest-date arithmetic of УК 72/73: points the statute leaves open (LAW.md §1.5–1.6, §2; my reading, to be confirmed by practising lawyers). */
  eligibility: {
    /** A share of the term that is not a whole day (1/4 of 1 month = 7.5 days) is rounded UP: the statute says "не менее". */
    roundPartialDayUp: true,
    /** "m months d days" never needs more than m + 1 whole calendar months: without this, 1 Jan + 13 months 29 days (2 Mar) passes 1 Jan + 14 months (1 Mar), because February has fewer than 30 days, and a longer term could give an earlier date. */
    capRemainderAtNextWholeMonth: true,
    /** Pre-trial detention given as from/to counts both days, one day for one day (no УК 62 coefficient). */
    detentionCountsBothDays: true,
    /** УК 72 ч. 3 п. 5 literally gives 3/4 (with procedural agreement) for especially grave against life or health — more than 2/3 without it. true = apply the literal text; false = apply the more favourable of п. 3 and п. 5. */
    proceduralAgreementLiteralFractions: true,
    /** УК 72 ч. 4 п. 3 (privileged, parole revoked under ч. 7 п. 1, 2) does not say from what: true = from the unserved remainder like ч. 3 п. 3-1; false = from the term. */
    privilegedRevokedItems1or2FromRemainder: true,
    /** Age privilege (women ≥ 58, men ≥ 63) counts from the day the age is reached, not only if reached at sentencing. */
    agePrivilegeFromDateReached: true,
    /** УК 73 has no minimum actually served; the 6 months of УК 72 ч. 5 are not applied to replacement unless switched on. */
    replacementAppliesSixMonthMinimum: false,
    /** Paragraphs 3–5 of УК 72 ч. 1 (terrorism with cooperation, corruption exceptions) say "может": mandatory parole of абз. 2 does not apply to them. */
    specialParagraphsOnlyDiscretionary: true,
  },
};
