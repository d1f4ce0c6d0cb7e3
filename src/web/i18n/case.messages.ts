/**
 * A case at a glance, the forms of the steps, the schedule preview and the mediator's notes (src/web/case). The
 * states' names in Kazakh and Russian are those of src/cases/state-labels.ts (what the API's refusals say); the
 * English ones are here.
 */
import {
  CASE_STATES,
  MEDIATION_STATES,
  RESTITUTION_STATES,
  type CaseStateValue,
  type MediationStateValue,
  type RestitutionStateValue,
} from '../../../machines/snapshot';
import { caseStateLabel, mediationStateLabel, restitutionStateLabel } from '../../cases/state-labels';
import type { Text } from '../../../machines/catalogue';
import { text, type Messages } from './lang';

const CASE_STATES_EN: Record<CaseStateValue, string> = {
  applied: 'application filed, the mediator has not decided yet',
  declined: 'the mediator declined the case',
  mediation: 'mediation under way',
  readyForCourt: 'mediation finished, the case is ready for court',
  petitionFiled: 'petition filed',
  hearingScheduled: 'court hearing scheduled',
  paroleGranted: 'the court granted parole, release awaited',
  replaced: 'the punishment was replaced with a milder one',
  refused: 'the court refused the petition',
  restitution: 'restitution after release',
  closed: 'case closed',
  revoked: 'parole revoked',
  withdrawn: 'application withdrawn',
};

const MEDIATION_STATES_EN: Record<MediationStateValue, string> = {
  pending: 'the victim has not been invited yet',
  tracked: "a state's claim: tracked, not mediated",
  invited: 'invitation sent, no answer yet',
  accepted: 'invitation accepted, contract on mediation not signed yet',
  negotiating: 'negotiations under way',
  agreed: 'agreement signed',
  refused: 'the victim refused mediation',
  silent: 'the victim did not answer the invitation',
  terminated: 'mediation terminated without agreement',
};

const RESTITUTION_STATES_EN: Record<RestitutionStateValue, string> = {
  opening: 'performance of the agreement is starting',
  awaitingPayment: 'payment before the hearing awaited',
  awaitingRelease: 'instalments start after release',
  current: 'instalments paid on time',
  inArrears: 'an instalment is overdue',
  defaultReported: 'evasion of restitution reported',
  paidInFull: 'damage paid in full',
};

const stateMessages: Messages = Object.fromEntries<Text>([
  ...CASE_STATES.map((s): [string, Text] => [
    `case.state.${s}`,
    text(caseStateLabel(s, 'kk'), caseStateLabel(s, 'ru'), CASE_STATES_EN[s]),
  ]),
  ...MEDIATION_STATES.map((s): [string, Text] => [
    `case.mediation.${s}`,
    text(mediationStateLabel(s, 'kk'), mediationStateLabel(s, 'ru'), MEDIATION_STATES_EN[s]),
  ]),
  ...RESTITUTION_STATES.map((s): [string, Text] => [
    `case.restitution.${s}`,
    text(restitutionStateLabel(s, 'kk'), restitutionStateLabel(s, 'ru'), RESTITUTION_STATES_EN[s]),
  ]),
]);

export const CASE_MESSAGES: Messages = {
  ...stateMessages,
  'case.title': text('№ {number} іс', 'Дело № {number}', 'Case No. {number}'),
  'case.summary': text('Іс туралы', 'Сведения о деле', 'About the case'),
  'case.convict': text('Сотталған адам', 'Осуждённый', 'Convict'),
  'case.institution': text('Мекеме', 'Учреждение', 'Institution'),
  'case.procedure': text('Рәсім', 'Процедура', 'Procedure'),
  'case.procedure.parole': text(
    'Шартты түрде мерзімінен бұрын босату (ҚК 72-бабы)',
    'Условно-досрочное освобождение (УК, ст. 72)',
    'Parole (Criminal Code, art. 72)',
  ),
  'case.procedure.replacement': text(
    'Жазаның өтелмеген бөлігін жеңілірек жазамен ауыстыру (ҚК 73-бабы)',
    'Замена неотбытой части наказания более мягким (УК, ст. 73)',
    'Replacement with a milder punishment (Criminal Code, art. 73)',
  ),
  'case.sentence': text('Үкім', 'Приговор', 'Sentence'),
  'case.sentence.of': text('{court}, {date}', '{court}, {date}', '{court}, {date}'),
  'case.term': text('Жаза мерзімі', 'Срок наказания', 'Term'),
  'case.term.value': text(
    '{years} ж. {months} ай {days} күн',
    '{years} г. {months} мес. {days} дн.',
    '{years} y {months} m {days} d',
  ),
  'case.term.life': text('Өмір бойы бас бостандығынан айыру', 'Пожизненное лишение свободы', 'Life imprisonment'),
  'case.earliest': text('Өтінішхатты ең ерте беру күні', 'Самая ранняя дата ходатайства', 'Earliest petition date'),
  'case.earliest.none': text(
    'Есептелмейді (заң бойынша алып тастау немесе деректер жеткіліксіз)',
    'Не рассчитывается (исключение по закону или недостаточно данных)',
    'Not computed (excluded by law, or not enough data)',
  ),
  'case.earliest.reached': text('мерзімі келді', 'срок наступил', 'reached'),
  'case.paroleKind': text('Босату', 'Освобождение', 'Release'),
  'case.paroleKind.mandatory': text(
    'міндетті: барлық талаптар өтелген немесе одан бас тартылған (ҚК 72-бабы 1-бөлігінің 2-абзацы)',
    'обязательное: все требования оплачены или от них отказались (УК, ст. 72 ч. 1 абз. 2)',
    'mandatory: every claim paid or waived (Criminal Code, art. 72 part 1 para. 2)',
  ),
  'case.paroleKind.discretionary': text(
    'соттың қалауы бойынша (ҚК 72-бабы 1-бөлігінің 1-абзацы)',
    'на усмотрение суда (УК, ст. 72 ч. 1 абз. 1)',
    "at the court's discretion (Criminal Code, art. 72 part 1 para. 1)",
  ),
  'case.paroleKind.note': text(
    'Қаскөйлікпен бұзушылықтар болмаған жағдайда',
    'При отсутствии злостных нарушений',
    'Provided there are no malicious violations',
  ),
  'case.state': text('Іс қай сатыда', 'Где сейчас дело', 'Where the case stands'),
  'case.refileNotBefore': text(
    'Қайта өтінішхат {date} бастап',
    'Повторное ходатайство — не ранее {date}',
    'A new petition not before {date}',
  ),
  'case.lawyer': text('Қорғаушы', 'Защитник', 'Lawyer'),
  'case.mediator': text('Медиатор', 'Медиатор', 'Mediator'),
  'case.mediator.none': text('әлі жоқ', 'ещё не назначен', 'not yet assigned'),
  'case.nextSteps': text('Келесі қадамдар', 'Следующие шаги', 'Next steps'),
  'case.nextSteps.none': text(
    'Сіздің рөліңіз үшін қазір жазатын қадам жоқ.',
    'Сейчас нет шагов, которые может записать ваша роль.',
    'There is no step your role can record now.',
  ),
  'case.nextSteps.inCards': text(
    'Әр талап бойынша қадамдар — оның карточкасында:',
    'Шаги по каждому требованию — в его карточке:',
    "Each claim's steps are on its card:",
  ),
  'case.nextSteps.forClaim': text('Осы талап бойынша', 'По этому требованию', 'For this claim'),
  'case.claims': text('Жәбірленушілер мен талаптар', 'Потерпевшие и требования', 'Victims and claims'),
  'case.claim.state': text('Мемлекеттің талабы', 'Требование государства', "State's claim"),
  'case.claim.representative': text('Өкілі: {name}', 'Представитель: {name}', 'Representative: {name}'),
  'case.claim.awarded': text('Үкім бойынша', 'Присуждено', 'Awarded'),
  'case.claim.recovered': text('Өндірілді', 'Уже взыскано', 'Already recovered'),
  'case.claim.outstanding': text('Өтелмеген қалдық', 'Непогашенный остаток', 'Outstanding'),
  'case.claim.where': text('Қай сатыда', 'Где сейчас', 'Where it stands'),
  'case.claim.invitation': text('Шақыру', 'Приглашение', 'Invitation'),
  'case.claim.invitedOn': text(
    '{date} жіберілді, жауап {replyBy} дейін',
    'направлено {date}, ответ до {replyBy}',
    'sent {date}, reply by {replyBy}',
  ),
  'case.claim.notInvited': text('жіберілген жоқ', 'не направлялось', 'not sent'),
  'case.claim.contract': text('Медиация туралы шарт', 'Договор о медиации', 'Contract on mediation'),
  'case.claim.termEndsOn': text(
    'медиация мерзімі {date} аяқталады',
    'срок медиации истекает {date}',
    'the mediation term ends {date}',
  ),
  'case.claim.noContract': text('қол қойылған жоқ', 'не подписан', 'not signed'),
  'case.claim.agreement': text('Келісім', 'Соглашение', 'Agreement'),
  'case.claim.signedOn': text('{date} қол қойылды', 'подписано {date}', 'signed {date}'),
  'case.claim.beforeHearing': text('отырысқа дейін {amount}', 'до заседания {amount}', '{amount} before the hearing'),
  'case.claim.waived': text('бас тартылды {amount}', 'отказ от {amount}', '{amount} waived'),
  'case.claim.instalments': text(
    'бөліп төлеу {total}, айына {monthly}',
    'рассрочка {total}, по {monthly} в месяц',
    '{total} in instalments of {monthly} a month',
  ),
  'case.claim.restitution': text('Өтеу', 'Возмещение', 'Restitution'),
  'case.claim.progress': text(
    '{owed} ішінен {paid} төленді ({percent}%)',
    'Оплачено {paid} из {owed} ({percent}%)',
    'Paid {paid} of {owed} ({percent}%)',
  ),
  'case.claim.arrears': text('Берешек: {amount}', 'Задолженность: {amount}', 'Arrears: {amount}'),
  'case.claim.open': text('Төлемдер мен кесте', 'Платежи и график', 'Payments and schedule'),
  'case.deadlines': text('Күтілетін мерзімдер', 'Ожидаемые сроки', 'Pending deadlines'),
  'case.deadlines.none': text('Күтілетін мерзім жоқ.', 'Ожидаемых сроков нет.', 'No pending deadlines.'),
  'case.deadline.invitation.expired': text(
    '{victim}: шақыруға жауап беру мерзімі аяқталады — {date} бастап жауап жоқ деп есептеледі',
    '{victim}: истекает срок ответа на приглашение — с {date} молчание считается отказом',
    "{victim}: the victim's reply window ends — from {date} silence counts as a refusal",
  ),
  'case.deadline.term.expired': text(
    '{victim}: медиация мерзімі аяқталады — {date} бастап келісімсіз тоқтатылады',
    '{victim}: истекает срок медиации — с {date} медиация прекращается без соглашения',
    '{victim}: the mediation term ends — from {date} mediation ends without agreement',
  ),
  'case.deadline.payment.overdue': text(
    '{victim}: кезекті төлем — {date} бастап мерзімі өтеді',
    '{victim}: очередной платёж — с {date} считается просроченным',
    '{victim}: the next instalment — overdue from {date}',
  ),
  'case.deadline.hearing.reminder': text(
    'Сот отырысы туралы еске салу: {date}',
    'Напоминание о судебном заседании: {date}',
    'Reminder of the court hearing: {date}',
  ),
  'case.deadline.other': text('{date}', '{date}', '{date}'),
  'case.days.today': text('бүгін', 'сегодня', 'today'),
  'case.days.in': text('{n} күннен кейін', 'через {n} дн.', 'in {n} days'),
  'case.days.ago': text('{n} күн бұрын', '{n} дн. назад', '{n} days ago'),
  'case.timeline': text('Іс тарихы', 'История дела', 'History of the case'),
  'case.timeline.empty': text('Әзірге жазба жоқ.', 'Записей пока нет.', 'Nothing recorded yet.'),
  'case.timeline.applied': text('Өтініш берілді', 'Обращение подано', 'Application filed'),
  'case.timeline.unknown': text('Жазба', 'Запись', 'Entry'),
  'case.timeline.claim': text('талап: {victim}', 'требование: {victim}', 'claim: {victim}'),
  'case.documents': text('Құжаттар', 'Документы', 'Documents'),
  'case.notes': text('Менің құпия жазбаларым', 'Мои конфиденциальные заметки', 'My confidential notes'),
  // the form of a step
  'case.step.claimOf': text('Талап: {victim}', 'Требование: {victim}', 'Claim: {victim}'),
  'case.step.submit': text('Жазу', 'Записать', 'Record'),
  'case.step.outstanding': text(
    'Талаптың өтелмеген қалдығы: {amount}',
    'Непогашенный остаток требования: {amount}',
    'Outstanding balance of the claim: {amount}',
  ),
  'case.step.back': text('Іске оралу', 'Вернуться к делу', 'Back to the case'),
  'case.step.errorsAbove': text('Тексеріңіз: {errors}', 'Проверьте: {errors}', 'Please check: {errors}'),
  'case.step.notAllowed': text(
    'Бұл қадамды қазір жазуға болмайды',
    'Этот шаг сейчас записать нельзя',
    'This step cannot be recorded now',
  ),
  'case.step.notAllowedText': text(
    'Іс: {state}. Қазір сіз жаза алатын қадамдар төменде.',
    'Дело: {state}. Шаги, которые вы можете записать сейчас, — ниже.',
    'The case: {state}. The steps you can record now are below.',
  ),
  'case.step.conflictTitle': text('Іс өзгерді', 'Дело изменилось', 'The case changed'),
  'case.step.confidential': text(
    'Жазбалар құпия: оларды тек сіз көресіз, олар құжаттарға және тарихқа түспейді.',
    'Заметки конфиденциальны: их видите только вы, они не попадают в документы и историю.',
    'Notes are confidential: only you see them; they never enter documents or the history.',
  ),
  // the schedule preview inside the agreement form
  'case.preview.title': text('Кесте (алдын ала)', 'График (предварительно)', 'Schedule (preview)'),
  'case.preview.hint': text(
    'Бөліп төленетін соманы, ай сайынғы төлемді және күнді енгізіңіз: кесте осында пайда болады.',
    'Введите сумму рассрочки, ежемесячный платёж и день платежа — график появится здесь.',
    'Type the amount in instalments, the monthly payment and the day — the schedule appears here.',
  ),
  'case.preview.refresh': text('Кестені көрсету', 'Показать график', 'Show the schedule'),
  'case.preview.fromRelease': text(
    'Болжамды босату күні {date} бойынша (босатылғаннан кейінгі айдан бастап)',
    'По предполагаемой дате освобождения {date} (с месяца после освобождения)',
    'Assuming release on {date} (from the month after release)',
  ),
  'case.preview.summary': text(
    '{count} төлем, {first} бастап {last} дейін; соңғысы {lastAmount}',
    '{count} платежей с {first} по {last}; последний — {lastAmount}',
    '{count} payments from {first} to {last}; the last one {lastAmount}',
  ),
  'case.preview.no': text('№', '№', 'No.'),
  'case.preview.due': text('Төлем күні', 'Дата платежа', 'Due date'),
  'case.preview.amount': text('Сома', 'Сумма', 'Amount'),
  'case.preview.remaining': text('Қалдық', 'Остаток', 'Remaining'),
  'case.preview.more': text('… тағы {n} төлем', '… ещё {n} платежей', '… {n} more payments'),
  // notes
  'case.notes.title': text(
    '№ {number} іс бойынша құпия жазбалар',
    'Конфиденциальные заметки по делу № {number}',
    'Confidential notes on case No. {number}',
  ),
  'case.notes.warning': text(
    'Құпия (Медиация туралы заңның 8-бабы). Тек сіз көресіз; сотқа, құжаттарға, тарихқа және журналдарға түспейді.',
    'Конфиденциально (Закон о медиации, ст. 8). Видите только вы; не попадают в суд, документы, историю и журналы.',
    'Confidential (Law on Mediation, art. 8). Only you see them; they never go to the court, documents, the history or logs.',
  ),
  'case.notes.empty': text(
    'Сіз бұл іс бойынша әлі жазба жазған жоқсыз. Жазбалар «Кездесу өткізілді» қадамында жазылады.',
    'Вы ещё не писали заметок по этому делу. Заметки записываются в шаге «Встреча проведена».',
    'You have written no notes on this case yet. Notes are written with the step «Session held».',
  ),
  'case.notes.general': text('Іс бойынша', 'По делу', 'On the case'),
  // rules the procedure names when it refuses a step (shown at the field)
  'rule.amounts_do_not_add_up': text(
    'Отырысқа дейінгі төлем, бас тартылған сома және бөліп төлеу бірге талаптың өтелмеген қалдығына тең болуы тиіс',
    'Оплата до заседания, отказ и рассрочка вместе должны равняться непогашенному остатку требования',
    'Paid before the hearing, waived and instalments must add up to the outstanding balance of the claim',
  ),
  'rule.mediator_signature_required': text(
    'Келісімге медиатор қол қоюы тиіс (Медиация туралы заңның 27-бабы)',
    'Соглашение должно быть подписано медиатором (Закон о медиации, ст. 27)',
    'The agreement must be signed by the mediator (Law on Mediation, art. 27)',
  ),
  'rule.party_signature_required': text(
    'Келісімге жәбірленуші де, сотталған адам да қол қоюы тиіс',
    'Соглашение должны подписать и потерпевший, и осуждённый',
    'Both the victim and the convict must sign the agreement',
  ),
  'rule.instalment_terms_invalid': text(
    'Бөліп төлеу: ай сайынғы төлем нөлден үлкен, күні 1–31, бірінші төлем келісімнен ерте емес немесе «босатылғаннан кейінгі айдан»',
    'Рассрочка: платёж больше нуля, число месяца 1–31, первый платёж не раньше соглашения или «с месяца после освобождения»',
    'Instalments: a monthly payment above zero, a day 1–31, the first payment not before the agreement or «from the month after release»',
  ),
  'rule.schedule_does_not_add_up': text(
    'Кесте төлемдерінің сомасы бөліп төлеу сомасына тең емес',
    'Сумма платежей графика не равна сумме рассрочки',
    'The payments of the schedule do not add up to the amount in instalments',
  ),
  'rule.reason_required': text('Себебін көрсетіңіз', 'Укажите причину', 'Give the reason'),
  'rule.refusing_party_required': text(
    'Қай тарап бас тартқанын көрсетіңіз',
    'Укажите, какая сторона отказалась',
    'Say which party refused',
  ),
};
