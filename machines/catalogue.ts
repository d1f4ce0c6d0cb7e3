/**
 * The event catalogue: every event of the procedure declared once (DOMAIN.md §2, §5). For each type: the machine
 * it goes to, whether users or only the deadline sweeper record it, who may record it and who usually does, which
 * payload dates describe the past, labels and help texts in Kazakh, Russian and English, and the fields of its
 * payload (enough to render a form). The payload types are `EventPayloads` in `events.ts`; the DTO classes that
 * validate them over HTTP are in `src/cases/dto/case-events.dto.ts`. Everything else is derived from here: the
 * machines' event unions and lists, the role table, the usual roles, the past-date fields, the OpenAPI text.
 * Pure data: no framework imports.
 */
import { mediation } from '../src/law/legal-rules';
import {
  COURT_DECISIONS,
  type CourtDecision,
  type EventPayloads,
  type EventType,
  type LocalDate,
  MEDIATION_LANGUAGES,
  MEETING_FORMS,
  type MediationLanguage,
  type MeetingForm,
  PARTIES,
  type Party,
  PAYMENT_EVIDENCE,
  PAYMENT_METHODS,
  type PaymentEvidence,
  type PaymentMethod,
  type PaymentEntry,
  type SystemEventType,
  TERMINATION_REASONS,
  type TerminationReason,
  type UserEventType,
} from './events';

export type Role = 'mediator' | 'lawyer' | 'court' | 'officer' | 'system';
export type MachineName = 'case' | 'mediation' | 'restitution';
export type Language = 'kk' | 'ru' | 'en';
/** A text in each language the product speaks. */
export type Text = Readonly<Record<Language, string>>;

/**
 * How a form shows a field: `tiyn` is an amount (entered in tenge, sent in tiyn), `group` a nested object,
 * `directory` the id of a directory entry (chosen from GET /api/directory?kind=`directory`).
 */
export type FieldKind =
  'text' | 'longText' | 'date' | 'tiyn' | 'integer' | 'boolean' | 'choice' | 'choices' | 'group' | 'directory';

export interface FieldSpec<Name extends string = string> {
  readonly name: Name;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly label: Text;
  readonly help?: Text;
  /** `choice`/`choices`: every allowed value with its label. */
  readonly options?: Readonly<Record<string, Text>>;
  /** `group`: the fields inside. */
  readonly fields?: readonly FieldSpec[];
  /** `directory`: the kind of entry (court, penal_institution, police_unit, mediators_organisation, bank, town). */
  readonly directory?: string;
}

type DateField<P> = { [K in keyof P]-?: NonNullable<P[K]> extends LocalDate ? K : never }[keyof P] & string;

/** What the catalogue says about one event type. */
export interface EventSpec {
  readonly machine: MachineName;
  /** `system`: only the deadline sweeper records it (a deadline passed); users are refused. */
  readonly recordedBy: 'user' | 'system';
  readonly roles: readonly Role[];
  /** Who usually records it (forms and documentation; the service records every event under the signed-in user's role). */
  readonly usualRole: Role;
  /** Payload dates that describe something already done: never later than the day of recording. */
  readonly pastDates: readonly string[];
  /** Short, past tense: what the history shows («Приглашение направлено»). */
  readonly label: Text;
  readonly help: Text;
  /** The payload's fields, in form order (`claimId` of claim events is not listed: every claim event has it). */
  readonly fields: readonly FieldSpec[];
}

/** The entry of an event whose payload is P: field and date names are P's own. */
interface EventSpecFor<P> extends EventSpec {
  readonly pastDates: readonly DateField<P>[];
  readonly fields: readonly FieldSpec<keyof P & string>[];
}

const t = (kk: string, ru: string, en: string): Text => ({ kk, ru, en });

export const ROLE_LABELS = {
  mediator: t('Медиатор', 'Медиатор', 'Mediator'),
  lawyer: t('Қорғаушы', 'Защитник', 'Lawyer'),
  court: t('Сот', 'Суд', 'Court'),
  officer: t('Полиция немесе пробация қызметкері', 'Сотрудник полиции или пробации', 'Police or probation officer'),
  system: t('Мерзімдер қызметі', 'Служба сроков', 'Deadline service'),
} as const satisfies Record<Role, Text>;

// ── option labels ──────────────────────────────────────────────────────────────────────────────────────
const options = <V extends string>(values: readonly V[], labels: Record<V, Text>): Readonly<Record<V, Text>> =>
  Object.fromEntries(values.map((v) => [v, labels[v]])) as Record<V, Text>;

const MEETING_FORM_LABELS = options<MeetingForm>(MEETING_FORMS, {
  in_person: t('Бетпе-бет', 'Лично', 'In person'),
  video: t('Бейнебайланыс арқылы', 'По видеосвязи', 'By video'),
  phone: t('Телефон арқылы', 'По телефону', 'By phone'),
});

// ── fields used by several events ──────────────────────────────────────────────────────────────────────
const REASON_REQUIRED = {
  name: 'reason',
  kind: 'longText',
  required: true,
  label: t('Себебі', 'Причина', 'Reason'),
} as const;
const REASON_OPTIONAL = { ...REASON_REQUIRED, required: false } as const;

const INSTALMENT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'total',
    kind: 'tiyn',
    required: true,
    label: t('Бөліп төленетін сома', 'Сумма рассрочки', 'Amount in instalments'),
    help: t('Кесте бойынша барлығы төленетін сома', 'Всего выплачивается по графику', 'Total paid under the schedule'),
  },
  {
    name: 'monthly',
    kind: 'tiyn',
    required: true,
    label: t('Ай сайынғы төлем', 'Ежемесячный платёж', 'Monthly payment'),
  },
  {
    name: 'dayOfMonth',
    kind: 'integer',
    required: true,
    label: t('Төлем күні', 'День платежа', 'Day of payment'),
    help: t(
      'Айдың күні; 31 — қысқа айлардың соңғы күні',
      'Число месяца; 31 — последний день коротких месяцев',
      'Day of the month; 31 means the last day of shorter months',
    ),
  },
  {
    name: 'firstDueDate',
    kind: 'date',
    required: false,
    label: t('Бірінші төлем күні', 'Дата первого платежа', 'First due date'),
    help: t(
      'Немесе төлемдер босатылғаннан кейінгі айда басталатынын белгілеңіз',
      'Либо отметьте, что платежи начинаются в месяце после освобождения',
      'Or mark that payments start in the month after release',
    ),
  },
  {
    name: 'startsMonthAfterRelease',
    kind: 'boolean',
    required: false,
    label: t('Босатылғаннан кейінгі айдан бастап', 'С месяца после освобождения', 'From the month after release'),
  },
];

const INSTALMENTS = {
  name: 'instalments',
  kind: 'group',
  label: t('Бөліп төлеу', 'Рассрочка', 'Instalments'),
  fields: INSTALMENT_FIELDS,
} as const;

const MEDIATOR_FIELDS: readonly FieldSpec[] = [
  {
    name: 'fullName',
    kind: 'text',
    required: true,
    label: t('Тегі, аты, әкесінің аты', 'Фамилия, имя, отчество', 'Full name'),
  },
  {
    name: 'registry',
    kind: 'text',
    required: false,
    label: t('Медиаторлар тізіліміндегі жазба', 'Запись в реестре медиаторов', 'Entry in the register of mediators'),
  },
  {
    name: 'organisationId',
    kind: 'directory',
    directory: 'mediators_organisation',
    required: false,
    label: t('Медиаторлар ұйымы', 'Организация медиаторов', 'Organisation of mediators'),
    help: t(
      'Анықтамалықтан таңдаңыз: құжаттар оның қазақша және орысша атауын басады',
      'Выберите из справочника: документы напечатают её казахское и русское наименование',
      'Choose from the directory: documents print its Kazakh and Russian names',
    ),
  },
  {
    name: 'organisation',
    kind: 'text',
    required: false,
    label: t(
      'Медиаторлар ұйымы (анықтамалықта жоқ болса)',
      'Организация медиаторов (если её нет в справочнике)',
      'Organisation of mediators (if not in the directory)',
    ),
    help: t(
      'Мәтін екі тілдегі құжаттарда да жазылғандай басылады',
      'Текст печатается как введён в документах на обоих языках',
      'The text is printed as typed in documents in both languages',
    ),
  },
  { name: 'phone', kind: 'text', required: false, label: t('Телефон', 'Телефон', 'Phone') },
  { name: 'email', kind: 'text', required: false, label: t('Электрондық пошта', 'Электронная почта', 'E-mail') },
];

// ── the application's identification (issue 9 item 4) ─────────────────────────────────────────────────
const IDENTITY_DOCUMENT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'kind',
    kind: 'choice',
    required: true,
    label: t('Құжат түрі', 'Вид документа', 'Kind of document'),
    options: {
      id_card: t('Жеке куәлік', 'Удостоверение личности', 'Identity card'),
      passport: t('Паспорт', 'Паспорт', 'Passport'),
      residence_permit: t('Тұруға ықтиярхат', 'Вид на жительство', 'Residence permit'),
      stateless_certificate: t(
        'Азаматтығы жоқ адамның куәлігі',
        'Удостоверение лица без гражданства',
        'Stateless person certificate',
      ),
      other: t('Өзге құжат', 'Иной документ', 'Other document'),
    },
  },
  { name: 'number', kind: 'text', required: true, label: t('Нөмірі', 'Номер', 'Number') },
  {
    name: 'issuer',
    kind: 'text',
    required: true,
    label: t('Берген орган', 'Кем выдан', 'Issued by'),
    help: t('Құжатта жазылғандай', 'Как написано в документе', 'As written in the document'),
  },
  { name: 'issuedOn', kind: 'date', required: true, label: t('Берілген күні', 'Дата выдачи', 'Date of issue') },
];

const IDENTITY_DOCUMENT = {
  name: 'identityDocument',
  kind: 'group',
  required: false,
  label: t('Жеке басын куәландыратын құжат', 'Документ, удостоверяющий личность', 'Identity document'),
  fields: IDENTITY_DOCUMENT_FIELDS,
} as const satisfies FieldSpec;

/**
 * The fields of the application (POST /api/cases) that identify the case, its court and its parties, by the
 * group of the application they belong to: the sentencing court from the directory, the criminal case and
 * sentence numbers, identity documents, the representative's position and power of attorney, the place. A form
 * shows them with these labels; a test checks them against CreateCaseDto.
 */
export const APPLICATION_FIELDS = {
  convict: [
    {
      name: 'institutionId',
      kind: 'directory',
      directory: 'penal_institution',
      required: false,
      label: t(
        'Жазаны өтейтін мекеме',
        'Учреждение, где отбывает наказание',
        'Institution where the sentence is served',
      ),
    },
    IDENTITY_DOCUMENT,
  ],
  sentence: [
    {
      name: 'courtId',
      kind: 'directory',
      directory: 'court',
      required: false,
      label: t('Үкім шығарған сот', 'Суд, вынесший приговор', 'Court that passed the sentence'),
    },
    {
      name: 'criminalCaseNumber',
      kind: 'text',
      required: false,
      label: t('Қылмыстық істің нөмірі', 'Номер уголовного дела', 'Criminal case number'),
    },
    { name: 'number', kind: 'text', required: false, label: t('Үкімнің нөмірі', 'Номер приговора', 'Sentence number') },
  ],
  victim: [IDENTITY_DOCUMENT],
  representative: [
    {
      name: 'position',
      kind: 'text',
      required: false,
      label: t('Лауазымы (орысша)', 'Должность (по-русски)', 'Position (Russian)'),
    },
    {
      name: 'positionKk',
      kind: 'text',
      required: false,
      label: t('Лауазымы (қазақша)', 'Должность (по-казахски)', 'Position (Kazakh)'),
    },
    {
      name: 'powerOfAttorney',
      kind: 'group',
      required: false,
      label: t('Сенімхат', 'Доверенность', 'Power of attorney'),
      fields: [
        { name: 'number', kind: 'text', required: true, label: t('Нөмірі', 'Номер', 'Number') },
        { name: 'date', kind: 'date', required: true, label: t('Берілген күні', 'Дата', 'Date') },
      ],
    },
    IDENTITY_DOCUMENT,
  ],
  case: [
    {
      name: 'placeId',
      kind: 'directory',
      directory: 'town',
      required: false,
      label: t('Медиация өтетін орын', 'Место проведения медиации', 'Place of mediation'),
    },
  ],
} as const satisfies Record<string, readonly FieldSpec[]>;

const PAYMENT_DETAILS_FIELDS: readonly FieldSpec[] = [
  {
    name: 'method',
    kind: 'choice',
    required: true,
    label: t('Тәсілі', 'Способ', 'Method'),
    options: options<PaymentMethod>(PAYMENT_METHODS, {
      bank_transfer: t('Банктік аударым', 'Банковский перевод', 'Bank transfer'),
      cash_receipt: t(
        'Жәбірленушінің қолхатымен қолма-қол ақша',
        'Наличными под расписку потерпевшего',
        "Cash against the victim's receipt",
      ),
      bailiff: t('Сот орындаушысы арқылы', 'Через судебного исполнителя', 'Through the bailiff'),
    }),
  },
  {
    name: 'account',
    kind: 'text',
    required: false,
    label: t('Жәбірленушінің шоты (IBAN)', 'Счёт потерпевшего (IBAN)', "Victim's account (IBAN)"),
    help: t('Тек банктік аударым кезінде', 'Только при банковском переводе', 'Only with a bank transfer'),
  },
  {
    name: 'bankId',
    kind: 'directory',
    directory: 'bank',
    required: false,
    label: t('Жәбірленушінің банкі', 'Банк потерпевшего', "Victim's bank"),
    help: t('Анықтамалықтан таңдаңыз', 'Выберите из справочника', 'Choose from the directory'),
  },
  {
    name: 'bank',
    kind: 'text',
    required: false,
    label: t(
      'Жәбірленушінің банкі (анықтамалықта жоқ болса)',
      'Банк потерпевшего (если его нет в справочнике)',
      "Victim's bank (if not in the directory)",
    ),
  },
];

const days = mediation.invitationReplyDays.value;
const term = mediation.termDays.value;
const extension = mediation.maxExtensionDays.value;

// ── the catalogue ──────────────────────────────────────────────────────────────────────────────────────
/** The fields of a payment (`payment.recorded`, and the replacement of `payment.reversed`). */
const PAYMENT_FIELDS = [
  { name: 'amount', kind: 'tiyn', required: true, label: t('Төлем сомасы', 'Сумма платежа', 'Amount') },
  { name: 'date', kind: 'date', required: true, label: t('Төлем күні', 'Дата платежа', 'Date of payment') },
  {
    name: 'evidence',
    kind: 'choice',
    required: true,
    label: t('Растайтын құжат', 'Подтверждающий документ', 'Evidence'),
    options: options<PaymentEvidence>(PAYMENT_EVIDENCE, {
      bank_transfer: t('Банктік аударым', 'Банковский перевод', 'Bank transfer'),
      victim_receipt: t('Жәбірленушінің қолхаты', 'Расписка потерпевшего', "Victim's receipt"),
      bailiff_certificate: t('Сот орындаушысының анықтамасы', 'Справка судебного исполнителя', "Bailiff's certificate"),
      cash_order: t('Кіріс кассалық ордері', 'Приходный кассовый ордер', 'Cash receipt order'),
      other: t('Өзге құжат', 'Иной документ', 'Other document'),
    }),
  },
  {
    name: 'reference',
    kind: 'text',
    required: true,
    label: t('Төлем құжатының нөмірі', 'Номер платёжного документа', 'Payment document number'),
  },
] as const satisfies readonly FieldSpec<keyof PaymentEntry>[];

export const EVENT_CATALOGUE = {
  // case (DOMAIN.md §2 steps 1–2, 8–10)
  'case.accepted': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Іс қабылданды', 'Дело принято', 'Case accepted'),
    help: t(
      'Медиатор өтінішті қабылдайды: мүдделер қақтығысы жоқ, дауды медиация тәртібімен реттеуге болады.',
      'Медиатор принимает обращение: конфликта интересов нет, спор может быть урегулирован в порядке медиации.',
      'The mediator accepts the application: there is no conflict of interest and the dispute can be mediated.',
    ),
    fields: [
      {
        name: 'mediator',
        kind: 'group',
        required: false,
        label: t('Медиатор', 'Медиатор', 'Mediator'),
        help: t(
          'Аты-жөні, тізілімдегі жазба және ұйым медиатордың есептік жазбасынан алынады; мұнда осы іс бойынша байланыс деректері',
          'ФИО, запись в реестре и организация берутся из учётной записи медиатора; здесь — контакты для документов по этому делу',
          "Name, register entry and organisation come from the mediator's account; here, the contacts for this case's documents",
        ),
        fields: MEDIATOR_FIELDS,
      },
    ],
  },
  'case.declined': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Істі қабылдаудан бас тартылды', 'В принятии дела отказано', 'Case declined'),
    help: t(
      'Медиатор өтінішті қабылдаудан бас тартып, себебін көрсетеді.',
      'Медиатор отказывает в принятии обращения и указывает причину.',
      'The mediator declines the application and gives the reason.',
    ),
    fields: [REASON_REQUIRED],
  },
  'petition.filed': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['lawyer'],
    usualRole: 'lawyer',
    pastDates: ['filedOn'],
    label: t('Өтінішхат берілді', 'Ходатайство подано', 'Petition filed'),
    help: t(
      'Сотталған адам шартты түрде мерзімінен бұрын босату (немесе жазаны ауыстыру) туралы өтінішхат берді; келісім қоса беріледі.',
      'Осуждённый подал ходатайство об условно-досрочном освобождении (или о замене наказания); соглашение прилагается.',
      'The convict filed the petition for parole (or for replacement of the punishment); the agreement is attached.',
    ),
    fields: [
      { name: 'filedOn', kind: 'date', required: false, label: t('Берілген күні', 'Дата подачи', 'Filed on') },
      {
        name: 'courtId',
        kind: 'directory',
        directory: 'court',
        required: false,
        label: t('Сот (анықтамалықтан)', 'Суд (из справочника)', 'Court (from the directory)'),
        help: t(
          'Осы соттың қызметкерлері істі өтінішхат берілген күннен бастап көреді',
          'Сотрудники этого суда видят дело со дня подачи ходатайства',
          'Users of this court see the case from the filing on',
        ),
      },
      {
        name: 'court',
        kind: 'text',
        required: false,
        label: t('Сот', 'Суд', 'Court'),
        help: t(
          'Сот анықтамалықта болмаса, атауы',
          'Название, если суда нет в справочнике',
          'The name, when the court is not in the directory',
        ),
      },
    ],
  },
  'hearing.scheduled': {
    machine: 'case',
    recordedBy: 'user',
    // The court records its acts; the lawyer or mediator may report them.
    roles: ['court', 'lawyer', 'mediator'],
    usualRole: 'lawyer',
    pastDates: [],
    label: t('Сот отырысы тағайындалды', 'Судебное заседание назначено', 'Hearing scheduled'),
    help: t(
      'Сот өтінішхатты қарайтын күнді тағайындады.',
      'Суд назначил дату рассмотрения ходатайства.',
      'The court set the date on which it hears the petition.',
    ),
    fields: [
      {
        name: 'hearingDate',
        kind: 'date',
        required: true,
        label: t('Отырыс күні', 'Дата заседания', 'Date of the hearing'),
      },
    ],
  },
  'hearing.reminder': {
    machine: 'case',
    recordedBy: 'system',
    roles: ['system'],
    usualRole: 'system',
    pastDates: [],
    label: t('Сот отырысы жақындады', 'Приближается судебное заседание', 'Hearing approaching'),
    help: t(
      'Мерзімдер қызметі жазады: тағайындалған сот отырысына бірнеше күн қалды. Еске салу осы күнге байланады.',
      'Записывает служба сроков: до назначенного судебного заседания осталось несколько дней. К этой отметке привязываются напоминания.',
      'Recorded by the deadline service: the scheduled hearing is a few days away. Reminders hang on this point.',
    ),
    fields: [
      {
        name: 'hearingDate',
        kind: 'date',
        required: true,
        label: t('Отырыс күні', 'Дата заседания', 'Date of the hearing'),
      },
    ],
  },
  'court.decided': {
    machine: 'case',
    recordedBy: 'user',
    // The ruling is the court's own act: the court of the petition records it (a lawyer reporting it could
    // release a convict the court did not release).
    roles: ['court'],
    usualRole: 'court',
    pastDates: ['decisionDate'],
    label: t('Сот қаулы шығарды', 'Суд вынес постановление', 'Court decided'),
    help: t(
      'Сот қаулысы: шартты түрде мерзімінен бұрын босату, бас тарту немесе жазаны неғұрлым жеңіл жаза түрімен ауыстыру. Бас тартылғаннан кейін өтінішхат заңда белгіленген мерзім өткен соң қайта беріледі.',
      'Постановление суда: условно-досрочное освобождение, отказ или замена более мягким видом наказания. После отказа ходатайство можно подать снова не ранее срока, установленного законом.',
      "The court's ruling: parole, refusal, or replacement with a milder punishment. After a refusal the petition may be filed again once the period set by law has passed.",
    ),
    fields: [
      {
        name: 'decision',
        kind: 'choice',
        required: true,
        label: t('Сот шешімі', 'Решение суда', 'Decision'),
        options: options<CourtDecision>(COURT_DECISIONS, {
          parole: t('Шартты түрде мерзімінен бұрын босату', 'Условно-досрочное освобождение', 'Parole'),
          refused: t('Бас тарту', 'Отказ', 'Refused'),
          replacement: t(
            'Жазаның өтелмеген бөлігін неғұрлым жеңіл жаза түрімен ауыстыру',
            'Замена неотбытой части наказания более мягким видом наказания',
            'Replacement with a milder punishment',
          ),
        }),
      },
      {
        name: 'decisionDate',
        kind: 'date',
        required: true,
        label: t('Қаулы шығарылған күн', 'Дата постановления', 'Date of the ruling'),
      },
      {
        name: 'ruling',
        kind: 'text',
        required: false,
        label: t('Қаулының нөмірі', 'Номер постановления', 'Number of the ruling'),
      },
    ],
  },
  'convict.released': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['officer', 'lawyer'],
    usualRole: 'lawyer',
    pastDates: ['releaseDate'],
    label: t('Сотталған адам босатылды', 'Осуждённый освобождён', 'Convict released'),
    help: t(
      'Нақты босатылған күн: төлем мерзімдері осы күннен есептеледі (әдетте босатылғаннан кейінгі айдан бастап).',
      'День фактического освобождения: от него считаются сроки платежей (обычно с месяца после освобождения).',
      'The day of actual release: payment dates count from it (usually from the month after release).',
    ),
    fields: [
      {
        name: 'releaseDate',
        kind: 'date',
        required: true,
        label: t('Босатылған күн', 'Дата освобождения', 'Date of release'),
      },
      {
        name: 'supervisionUnitId',
        kind: 'directory',
        directory: 'police_unit',
        required: false,
        label: t(
          'Бақылау жасайтын полиция бөлімі',
          'Подразделение полиции, осуществляющее контроль',
          'Supervising police unit',
        ),
        help: t(
          'Анықтамалықтан; осы бөлімнің қызметкерлері істі босатылған күннен бастап көреді',
          'Из справочника; сотрудники этого подразделения видят дело с освобождения',
          'From the directory; officers of this unit see the case from the release on',
        ),
      },
    ],
  },
  'parole.revoked': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['court'],
    usualRole: 'court',
    pastDates: ['decisionDate'],
    label: t(
      'Шартты түрде мерзімінен бұрын босатудың күші жойылды',
      'Условно-досрочное освобождение отменено',
      'Parole revoked',
    ),
    help: t(
      'Сот шартты түрде мерзімінен бұрын босатудың күшін жойды.',
      'Суд отменил условно-досрочное освобождение.',
      'The court revoked parole.',
    ),
    fields: [
      {
        name: 'decisionDate',
        kind: 'date',
        required: true,
        label: t('Қаулы шығарылған күн', 'Дата постановления', 'Date of the ruling'),
      },
      {
        name: 'ground',
        kind: 'text',
        required: true,
        label: t('Күшін жою негізі', 'Основание отмены', 'Ground of revocation'),
      },
    ],
  },
  'release.corrected': {
    machine: 'case',
    recordedBy: 'user',
    // Whoever records the release corrects it.
    roles: ['officer', 'lawyer'],
    usualRole: 'lawyer',
    pastDates: ['releaseDate'],
    label: t('Босатылған күн түзетілді', 'Дата освобождения исправлена', 'Release date corrected'),
    help: t(
      'Қате жазылған босатылған күнді түзету. Босатылғаннан кейінгі айдан басталатын төлем кестесі жаңа күннен қайта есептеледі; бұрын берілген құжаттар берілген күйінде қалады.',
      'Исправление ошибочно записанной даты освобождения. График платежей «с месяца после освобождения» пересчитывается от исправленной даты; выданные ранее документы остаются такими, какими были выданы.',
      'Corrects a wrongly recorded release date. A schedule running from the month after release is recomputed from the corrected date; documents issued before stay as issued.',
    ),
    fields: [
      {
        name: 'releaseDate',
        kind: 'date',
        required: true,
        label: t('Дұрыс босатылған күн', 'Правильная дата освобождения', 'Correct date of release'),
      },
      {
        name: 'reason',
        kind: 'longText',
        required: true,
        label: t('Түзету себебі', 'Причина исправления', 'Reason for the correction'),
        help: t(
          'Неліктен бұрын жазылған мән қате: тарихта бастапқы жазбамен бірге сақталады.',
          'Почему записанное ранее неверно: сохраняется в истории вместе с исходной записью.',
          'Why the fact recorded before is wrong: kept in the history beside the original record.',
        ),
      },
    ],
  },
  'hearing.corrected': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['court', 'lawyer', 'mediator'],
    usualRole: 'lawyer',
    pastDates: [],
    label: t('Сот отырысының күні түзетілді', 'Дата судебного заседания исправлена', 'Hearing date corrected'),
    help: t(
      'Қате жазылған сот отырысының күнін түзету (отырысты басқа күнге ауыстыру емес).',
      'Исправление ошибочно записанной даты заседания (не перенос заседания на другой день).',
      'Corrects a wrongly recorded hearing date (not a postponement of the hearing).',
    ),
    fields: [
      {
        name: 'hearingDate',
        kind: 'date',
        required: true,
        label: t('Дұрыс отырыс күні', 'Правильная дата заседания', 'Correct date of the hearing'),
      },
      {
        name: 'reason',
        kind: 'longText',
        required: true,
        label: t('Түзету себебі', 'Причина исправления', 'Reason for the correction'),
        help: t(
          'Неліктен бұрын жазылған мән қате: тарихта бастапқы жазбамен бірге сақталады.',
          'Почему записанное ранее неверно: сохраняется в истории вместе с исходной записью.',
          'Why the fact recorded before is wrong: kept in the history beside the original record.',
        ),
      },
    ],
  },
  'case.withdrawn': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['lawyer'],
    usualRole: 'lawyer',
    pastDates: [],
    label: t('Өтініш кері қайтарып алынды', 'Обращение отозвано', 'Application withdrawn'),
    help: t(
      'Сотталған адам қорғаушы арқылы өтінішін кері қайтарып алды; іс жабылады.',
      'Осуждённый через защитника отозвал обращение; дело закрывается.',
      'The convict withdrew the application through the lawyer; the case is closed.',
    ),
    fields: [REASON_REQUIRED],
  },

  // people of the case: who sees it changes, the procedure state does not (accepted in every non-final state)
  'mediator.assigned': {
    machine: 'case',
    recordedBy: 'user',
    // The current mediator hands the case over; the lawyer may address another mediator before acceptance.
    roles: ['mediator', 'lawyer'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Іс медиаторға берілді', 'Дело передано медиатору', 'Case assigned to a mediator'),
    help: t(
      'Іс басқа медиаторға беріледі: ол істі көреді, бұрынғы медиатор көрмейді. Қорғаушы медиаторды іс қабылданғанға дейін ғана ауыстыра алады.',
      'Дело передаётся другому медиатору: он видит дело, прежний медиатор — больше нет. Защитник может сменить медиатора только до принятия дела.',
      'The case goes to another mediator: he sees it, the previous one no longer does. The lawyer may change the mediator only before acceptance.',
    ),
    fields: [
      {
        name: 'mediatorUserId',
        kind: 'text',
        required: true,
        label: t('Медиатор (пайдаланушы)', 'Медиатор (пользователь)', 'Mediator (user)'),
      },
    ],
  },
  'lawyer.added': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['lawyer'],
    usualRole: 'lawyer',
    pastDates: [],
    label: t('Қорғаушы қосылды', 'Защитник добавлен', 'Lawyer added'),
    help: t(
      'Сотталған адамның тағы бір қорғаушысы іске қосылады және оны көреді.',
      'К делу добавлен ещё один защитник осуждённого; он видит дело.',
      'A further defender of the convict joins the case and sees it.',
    ),
    fields: [
      {
        name: 'lawyerUserId',
        kind: 'text',
        required: true,
        label: t('Қорғаушы (пайдаланушы)', 'Защитник (пользователь)', 'Lawyer (user)'),
      },
    ],
  },
  'lawyer.replaced': {
    machine: 'case',
    recordedBy: 'user',
    roles: ['lawyer'],
    usualRole: 'lawyer',
    pastDates: [],
    label: t('Қорғаушы ауыстырылды', 'Защитник заменён', 'Lawyer replaced'),
    help: t(
      'Жаңа қорғаушы бұрынғының орнына келеді: бұрынғы қорғаушы істі енді көрмейді.',
      'Новый защитник заменяет прежнего: прежний защитник больше не видит дело.',
      'The new lawyer takes the place of the previous one, who no longer sees the case.',
    ),
    fields: [
      {
        name: 'lawyerUserId',
        kind: 'text',
        required: true,
        label: t('Жаңа қорғаушы (пайдаланушы)', 'Новый защитник (пользователь)', 'New lawyer (user)'),
      },
      {
        name: 'replacesUserId',
        kind: 'text',
        required: false,
        label: t('Ауыстырылатын қорғаушы', 'Заменяемый защитник', 'Lawyer replaced'),
        help: t(
          'Көрсетілмесе — оқиғаны жазатын қорғаушы',
          'Если не указан — защитник, записывающий событие',
          'Empty: the lawyer recording the event',
        ),
      },
    ],
  },

  // claim mediation (steps 3–7), one per civil claim
  'invitation.sent': {
    machine: 'mediation',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Шақыру жіберілді', 'Приглашение направлено', 'Invitation sent'),
    help: t(
      `Медиатор жәбірленушіні (немесе оның өкілін) медиацияға шақырады. Шақыру көрсетілген мерзімде (әдепкіде ${days} күнтізбелік күн) қабылданбаса, одан бас тартылған болып саналады (Медиация туралы заңның 20-бабы).`,
      `Медиатор приглашает потерпевшего (или его представителя) к медиации. Приглашение, не принятое в указанный срок (по умолчанию ${days} календарных дней), считается отклонённым (Закон о медиации, ст. 20).`,
      `The mediator invites the victim (or the representative) to mediation. An invitation not accepted within the stated period (${days} calendar days unless stated) counts as refused (Law on Mediation, art. 20).`,
    ),
    fields: [
      {
        name: 'replyDays',
        kind: 'integer',
        required: false,
        label: t('Жауап беру мерзімі, күн', 'Срок ответа, дней', 'Reply period, days'),
        help: t(
          `Күнтізбелік күндер; көрсетілмесе — ${days}`,
          `Календарных дней; если не указан — ${days}`,
          `Calendar days; ${days} if empty`,
        ),
      },
    ],
  },
  'invitation.accepted': {
    machine: 'mediation',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Шақыру қабылданды', 'Приглашение принято', 'Invitation accepted'),
    help: t(
      'Жәбірленуші медиацияға қатысуға келісті.',
      'Потерпевший согласился участвовать в медиации.',
      'The victim agreed to take part in mediation.',
    ),
    fields: [REASON_OPTIONAL],
  },
  'invitation.refused': {
    machine: 'mediation',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Шақырудан бас тартылды', 'Приглашение отклонено', 'Invitation refused'),
    help: t(
      'Жәбірленуші медиациядан бас тартты. Бас тарту да қорғаушы сотқа көрсете алатын нәтиже болып табылады.',
      'Потерпевший отказался от медиации. Отказ — тоже результат, который защитник может представить суду.',
      'The victim refused mediation. A refusal is itself an outcome the lawyer can show the court.',
    ),
    fields: [REASON_OPTIONAL],
  },
  'invitation.expired': {
    machine: 'mediation',
    recordedBy: 'system',
    // Deadlines are data; only the sweeper reports them.
    roles: ['system'],
    usualRole: 'system',
    pastDates: [],
    label: t('Шақыруға жауап берілмеді', 'Ответ на приглашение не получен', 'No reply to the invitation'),
    help: t(
      'Мерзімдер қызметі жазады: шақыру мерзімінде қабылданбады және одан бас тартылған болып саналады (Медиация туралы заңның 20-бабы).',
      'Записывает служба сроков: приглашение не принято в срок и считается отклонённым (Закон о медиации, ст. 20).',
      'Recorded by the deadline service: the invitation was not accepted in time and counts as refused (Law on Mediation, art. 20).',
    ),
    fields: [],
  },
  'contract.signed': {
    machine: 'mediation',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: ['contractDate'],
    label: t('Медиация туралы шартқа қол қойылды', 'Договор о медиации подписан', 'Contract on mediation signed'),
    help: t(
      `Медиация шартқа қол қойылған күннен басталады және ${term} күнтізбелік күннен аспауы тиіс (Медиация туралы заңның 20, 23-баптары).`,
      `Медиация начинается в день подписания договора и длится не более ${term} календарных дней (Закон о медиации, ст. 20, 23).`,
      `Mediation starts on the day the contract is signed and lasts at most ${term} calendar days (Law on Mediation, art. 20, 23).`,
    ),
    fields: [
      {
        name: 'contractDate',
        kind: 'date',
        required: true,
        label: t('Шарт жасалған күн', 'Дата договора', 'Date of the contract'),
      },
      {
        name: 'fee',
        kind: 'tiyn',
        required: false,
        label: t('Медиатордың сыйақысы', 'Вознаграждение медиатора', "Mediator's fee"),
        help: t(
          '0 — тегін; көрсетілмесе — жазбаша бөлек келісіледі',
          '0 — бесплатно; если не указано — согласуется отдельно в письменной форме',
          '0 = free of charge; empty = agreed separately in writing',
        ),
      },
      {
        name: 'language',
        kind: 'choice',
        required: false,
        label: t('Медиация тілі', 'Язык медиации', 'Language of mediation'),
        options: options<MediationLanguage>(MEDIATION_LANGUAGES, {
          kk: t('Қазақ тілі', 'Казахский язык', 'Kazakh'),
          ru: t('Орыс тілі', 'Русский язык', 'Russian'),
        }),
      },
      {
        name: 'meetingForms',
        kind: 'choices',
        required: false,
        label: t('Кездесу нысандары', 'Формы встреч', 'Ways of meeting'),
        options: MEETING_FORM_LABELS,
      },
    ],
  },
  'session.held': {
    machine: 'mediation',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Кездесу өткізілді', 'Встреча проведена', 'Session held'),
    help: t(
      'Тараптардың медиатормен кездесуі. Жазбалар құпия (Медиация туралы заңның 8-бабы): олар тарихқа, журналдарға және құжаттарға түспейді.',
      'Встреча сторон с медиатором. Заметки конфиденциальны (Закон о медиации, ст. 8): они не попадают в историю, журналы и документы.',
      'A meeting of the parties with the mediator. Notes are confidential (Law on Mediation, art. 8): they never enter the history, logs or documents.',
    ),
    fields: [
      {
        name: 'form',
        kind: 'choice',
        required: false,
        label: t('Кездесу нысаны', 'Форма встречи', 'Way of meeting'),
        options: MEETING_FORM_LABELS,
      },
      {
        name: 'notes',
        kind: 'longText',
        required: false,
        label: t('Жазбалар (құпия)', 'Заметки (конфиденциально)', 'Notes (confidential)'),
      },
    ],
  },
  'term.extended': {
    machine: 'mediation',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Медиация мерзімі ұзартылды', 'Срок медиации продлён', 'Mediation term extended'),
    help: t(
      `Медиация мерзімі тараптардың келісімі бойынша бір рет, ${extension} күнтізбелік күннен аспайтын мерзімге ұзартылады (Медиация туралы заңның 23-бабы).`,
      `Срок медиации продлевается по соглашению сторон один раз, не более чем на ${extension} календарных дней (Закон о медиации, ст. 23).`,
      `By agreement of the parties the mediation term is extended once, by at most ${extension} calendar days (Law on Mediation, art. 23).`,
    ),
    fields: [
      {
        name: 'days',
        kind: 'integer',
        required: true,
        label: t('Қанша күнге', 'На сколько дней', 'Extended by, days'),
      },
    ],
  },
  'term.expired': {
    machine: 'mediation',
    recordedBy: 'system',
    roles: ['system'],
    usualRole: 'system',
    pastDates: [],
    label: t('Медиация мерзімі өтті', 'Срок медиации истёк', 'Mediation term expired'),
    help: t(
      'Мерзімдер қызметі жазады: медиация мерзімі келісімсіз өтті, медиация тоқтатылады (Медиация туралы заңның 26-бабы).',
      'Записывает служба сроков: срок медиации истёк без соглашения, медиация прекращается (Закон о медиации, ст. 26).',
      'Recorded by the deadline service: the term ended without an agreement, and mediation ends (Law on Mediation, art. 26).',
    ),
    fields: [],
  },
  'agreement.signed': {
    machine: 'mediation',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Медиативтік келісімге қол қойылды', 'Медиативное соглашение подписано', 'Mediative agreement signed'),
    help: t(
      'Медиация тәртібімен дауды реттеу туралы келісімге тараптар мен медиатор қол қояды; онда залалдың қанша, қалай және қандай мерзімде өтелетіні көрсетіледі (Медиация туралы заңның 27-бабы).',
      'Соглашение об урегулировании спора подписывают стороны и медиатор; в нём указано, сколько, как и в какие сроки возмещается ущерб (Закон о медиации, ст. 27).',
      'The parties and the mediator sign the agreement on settlement of the dispute; it says how much of the damage is paid, how and by when (Law on Mediation, art. 27).',
    ),
    fields: [
      {
        name: 'signedBy',
        kind: 'group',
        required: true,
        label: t('Қол қойғандар', 'Подписали', 'Signed by'),
        fields: [
          { name: 'mediator', kind: 'boolean', required: true, label: t('Медиатор', 'Медиатор', 'Mediator') },
          { name: 'victim', kind: 'boolean', required: true, label: t('Жәбірленуші', 'Потерпевший', 'Victim') },
          { name: 'convict', kind: 'boolean', required: true, label: t('Сотталған адам', 'Осуждённый', 'Convict') },
        ],
      },
      {
        name: 'terms',
        kind: 'group',
        required: true,
        label: t('Келісім шарттары', 'Условия соглашения', 'Terms of the agreement'),
        help: t(
          'Отырысқа дейінгі төлем, жәбірленуші бас тартқан сома және бөліп төленетін сома бірге талаптың өтелмеген қалдығына тең',
          'Оплата до заседания, сумма, от которой отказался потерпевший, и рассрочка вместе равны непогашенному остатку иска',
          'Paid before the hearing, waived and paid in instalments add up to the outstanding balance of the claim',
        ),
        fields: [
          {
            name: 'paidBeforeHearing',
            kind: 'tiyn',
            required: true,
            label: t('Сот отырысына дейін төленеді', 'Оплата до заседания', 'Paid before the hearing'),
          },
          {
            name: 'paidBeforeHearingBy',
            kind: 'date',
            required: false,
            label: t('Отырысқа дейін төлеу мерзімі', 'Срок оплаты до заседания', 'Pay before the hearing by'),
          },
          {
            name: 'waived',
            kind: 'tiyn',
            required: true,
            label: t(
              'Жәбірленуші бас тартқан сома',
              'Сумма, от которой отказался потерпевший',
              'Amount waived by the victim',
            ),
          },
          { ...INSTALMENTS, required: false },
          {
            name: 'assumedReleaseDate',
            kind: 'date',
            required: false,
            label: t(
              'Болжамды босату күні (болжамды кесте үшін)',
              'Предполагаемая дата освобождения (для ориентировочного графика)',
              'Assumed release date (for the indicative calendar)',
            ),
          },
          {
            name: 'paymentDetails',
            kind: 'group',
            required: false,
            label: t('Төлеу тәсілі', 'Способ оплаты', 'How payments are made'),
            fields: PAYMENT_DETAILS_FIELDS,
          },
        ],
      },
    ],
  },
  'mediation.terminated': {
    machine: 'mediation',
    recordedBy: 'user',
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t(
      'Медиация келісімсіз тоқтатылды',
      'Медиация прекращена без соглашения',
      'Mediation terminated without agreement',
    ),
    help: t(
      'Медиатор дауды реттеу мүмкін емес деп таныды немесе тараптар (не тараптардың бірі) медиацияны жалғастырудан жазбаша бас тартты (Медиация туралы заңның 26-бабы).',
      'Медиатор признал урегулирование невозможным, либо стороны (или одна из сторон) письменно отказались продолжать медиацию (Закон о медиации, ст. 26).',
      'The mediator found settlement impossible, or the parties (or one of them) refused in writing to continue (Law on Mediation, art. 26).',
    ),
    fields: [
      {
        name: 'reason',
        kind: 'choice',
        required: true,
        label: t('Негізі', 'Основание', 'Ground'),
        options: options<TerminationReason>(TERMINATION_REASONS, {
          impossible: t('Дауды реттеу мүмкін емес', 'Урегулирование невозможно', 'Settlement impossible'),
          refusal_of_parties: t(
            'Тараптардың жазбаша бас тартуы',
            'Письменный отказ сторон',
            'Written refusal of the parties',
          ),
          refusal_of_party: t(
            'Тараптардың бірінің жазбаша бас тартуы',
            'Письменный отказ одной из сторон',
            'Written refusal of one party',
          ),
          other: t('Өзге негіз', 'Иное основание', 'Other ground'),
        }),
      },
      {
        name: 'party',
        kind: 'choice',
        required: false,
        label: t('Кім бас тартты', 'Кто отказался', 'Who refused'),
        help: t(
          'Тек тараптардың бірі бас тартқанда',
          'Только при отказе одной из сторон',
          'Only when one party refused',
        ),
        options: options<Party>(PARTIES, {
          victim: t('Жәбірленуші', 'Потерпевший', 'Victim'),
          convict: t('Сотталған адам', 'Осуждённый', 'Convict'),
        }),
      },
    ],
  },

  // restitution (step 9), one per agreed claim
  'payment.recorded': {
    machine: 'restitution',
    recordedBy: 'user',
    // Before release there is no officer: the mediator or the lawyer records with evidence; after release also
    // the supervising officer (who sees the case only from the release on).
    roles: ['mediator', 'lawyer', 'officer'],
    // The lawyer follows the payments from the agreement to the last instalment (the officer only after release).
    usualRole: 'lawyer',
    pastDates: ['date'],
    label: t('Төлем енгізілді', 'Платёж внесён', 'Payment recorded'),
    help: t(
      'Келісім бойынша төлем және оны растайтын құжат. Бір құжат нөмірі бір рет қана жазылады.',
      'Платёж по соглашению и подтверждающий его документ. Один номер документа записывается один раз.',
      'A payment under the agreement and the document that proves it. A document number is recorded once.',
    ),
    fields: PAYMENT_FIELDS,
  },
  'payment.overdue': {
    machine: 'restitution',
    recordedBy: 'system',
    roles: ['system'],
    usualRole: 'system',
    pastDates: [],
    label: t('Төлем мерзімінде енгізілмеді', 'Платёж просрочен', 'Payment overdue'),
    help: t(
      'Мерзімдер қызметі жазады: кесте бойынша төлем мерзімінде енгізілмеді.',
      'Записывает служба сроков: платёж по графику не внесён в срок.',
      'Recorded by the deadline service: an instalment was not paid in time.',
    ),
    fields: [
      {
        name: 'instalmentNo',
        kind: 'integer',
        required: true,
        label: t('Кестедегі төлем нөмірі', 'Номер платежа по графику', 'Instalment number'),
      },
    ],
  },
  'payment.missed.explained': {
    machine: 'restitution',
    recordedBy: 'user',
    // A missed pre-hearing payment or instalment may be explained by the mediator or the lawyer as well.
    roles: ['officer', 'mediator', 'lawyer'],
    usualRole: 'officer',
    pastDates: [],
    label: t(
      'Төлемді өткізіп алу себебі көрсетілді',
      'Причина пропуска платежа указана',
      'Reason for a missed payment recorded',
    ),
    help: t(
      'Бақылауды жүзеге асыратын қызметкер төлемнің неге енгізілмегенін жазады. Дәлелді себеп (мысалы, төлеуге мүмкіндіктің жоқтығы расталса) жалтару болып саналмайды (ҚК 72-бабының 7-бөлігі).',
      'Сотрудник, осуществляющий контроль, записывает, почему платёж не внесён. Уважительная причина (например, подтверждённая невозможность платить) не считается уклонением (УК, ст. 72 ч. 7).',
      'The supervising officer records why an instalment was missed. A good reason (e.g. documented inability to pay) does not count as evasion (CC art. 72 part 7).',
    ),
    fields: [
      {
        name: 'instalmentNo',
        kind: 'integer',
        required: true,
        label: t('Кестедегі төлем нөмірі', 'Номер платежа по графику', 'Instalment number'),
      },
      {
        name: 'goodReason',
        kind: 'boolean',
        required: true,
        label: t('Себебі дәлелді', 'Причина уважительная', 'Good reason'),
      },
      REASON_REQUIRED,
    ],
  },
  'default.reported': {
    machine: 'restitution',
    recordedBy: 'user',
    roles: ['officer'],
    usualRole: 'officer',
    pastDates: [],
    label: t(
      'Залалды өтеуден жалтару туралы хабарланды',
      'Сообщено об уклонении от возмещения ущерба',
      'Evasion reported',
    ),
    help: t(
      'Қызметкер шартты түрде мерзімінен бұрын босатылған адамның дәлелді себепсіз залалды өтеуден жалтарғаны туралы хабарлайды (ҚК 72-бабының 7-бөлігі).',
      'Сотрудник сообщает, что условно-досрочно освобождённый без уважительных причин уклоняется от возмещения ущерба (УК, ст. 72 ч. 7).',
      'The officer reports that the parolee evades compensating the damage without good reason (CC art. 72 part 7).',
    ),
    fields: [],
  },
  'agreement.amended': {
    machine: 'restitution',
    recordedBy: 'user',
    // The parties return to the mediator to amend the schedule.
    roles: ['mediator'],
    usualRole: 'mediator',
    pastDates: [],
    label: t('Өтеу кестесі өзгертілді', 'График погашения изменён', 'Payment schedule amended'),
    help: t(
      'Тараптар медиаторға қайта жүгініп, қарыздың қалдығын бөліп төлеудің жаңа шарттарын келісті.',
      'Стороны вернулись к медиатору и согласовали новую рассрочку на остаток долга.',
      'The parties returned to the mediator and agreed new instalments for the balance.',
    ),
    fields: [{ ...INSTALMENTS, required: true }],
  },
  'payment.reversed': {
    machine: 'restitution',
    recordedBy: 'user',
    // Whoever records payments reverses one recorded wrongly.
    roles: ['mediator', 'lawyer', 'officer'],
    usualRole: 'lawyer',
    pastDates: [],
    label: t('Төлем жазбасы сторноланды', 'Запись о платеже сторнирована', 'Payment entry reversed'),
    help: t(
      'Қате жазылған төлем өзгертілмейді: оған сілтейтін сторно жазбасы қосылады, қажет болса дұрыс төлем жаңа жазба ретінде енгізіледі. Тарихта екеуі де көрінеді.',
      'Ошибочно записанный платёж не изменяется: добавляется сторнирующая запись со ссылкой на него и, если нужно, правильный платёж новой записью. В истории видны обе.',
      'A payment recorded wrongly is never edited: a reversal entry referring to it is added and, if needed, the correct payment as a new entry. The history shows both.',
    ),
    fields: [
      {
        name: 'reference',
        kind: 'text',
        required: true,
        label: t(
          'Сторноланатын төлем құжатының нөмірі',
          'Номер документа сторнируемого платежа',
          'Document number of the payment reversed',
        ),
      },
      {
        name: 'reason',
        kind: 'longText',
        required: true,
        label: t('Түзету себебі', 'Причина исправления', 'Reason for the correction'),
        help: t(
          'Неліктен бұрын жазылған мән қате: тарихта бастапқы жазбамен бірге сақталады.',
          'Почему записанное ранее неверно: сохраняется в истории вместе с исходной записью.',
          'Why the fact recorded before is wrong: kept in the history beside the original record.',
        ),
      },
      {
        name: 'replacement',
        kind: 'group',
        required: false,
        label: t('Дұрыс төлем', 'Правильный платёж', 'Correct payment'),
        fields: PAYMENT_FIELDS,
      },
    ],
  },
} as const satisfies { readonly [T in EventType]: EventSpecFor<EventPayloads[T]> };

// ── derived ────────────────────────────────────────────────────────────────────────────────────────────
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/** Own keys only: `valueOf`, `__proto__` or `constructor` are not event types. */
export const isEventType = (type: unknown): type is EventType =>
  typeof type === 'string' && Object.hasOwn(EVENT_CATALOGUE, type);
export const isUserEventType = (type: unknown): type is UserEventType =>
  isEventType(type) && EVENT_CATALOGUE[type].recordedBy === 'user';
export const isSystemEventType = (type: unknown): type is SystemEventType =>
  isEventType(type) && EVENT_CATALOGUE[type].recordedBy === 'system';

export const eventSpec = (type: EventType): EventSpec => EVENT_CATALOGUE[type];

const typesWhere = <T extends EventType>(test: (spec: EventSpec) => boolean) =>
  EVENT_TYPES.filter((type) => test(EVENT_CATALOGUE[type])) as T[];

export const USER_EVENT_TYPES: readonly UserEventType[] = typesWhere<UserEventType>((s) => s.recordedBy === 'user');
export const SYSTEM_EVENT_TYPES: readonly SystemEventType[] = typesWhere<SystemEventType>(
  (s) => s.recordedBy === 'system',
);
export const eventTypesOf = (machine: MachineName): readonly EventType[] => typesWhere((s) => s.machine === machine);
