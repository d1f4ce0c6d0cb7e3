/**
 * Reminders (issue 11): the inbox, the settings page, the administrator's list of failed deliveries, and the texts
 * of the reminders themselves — the same text in the inbox, the e-mail and the digest. A reminder names the case by
 * its number and a date; never a person, an ИИН, an address or a note.
 */
import { text, type Messages } from './lang';

export const REMINDERS_MESSAGES: Messages = {
  'nav.inbox': text('Хабарламалар', 'Уведомления', 'Inbox'),
  'nav.reminderSettings': text('Еске салу баптаулары', 'Настройки напоминаний', 'Reminder settings'),
  'nav.failedReminders': text('Жеткізілмеген хаттар', 'Недоставленные напоминания', 'Undelivered reminders'),

  // ── the rules: title (short) and line (what to do), {number} {date} {no} ──
  'reminders.rule.reply.ending.title': text(
    'Жауап беру мерзімі аяқталып келеді',
    'Срок ответа на приглашение истекает',
    'Reply window ending',
  ),
  'reminders.rule.reply.ending.line': text(
    '№ {number} іс: жәбірленушінің шақыруға жауап беру мерзімі {date} аяқталады (2 жұмыс күні қалды).',
    'Дело № {number}: срок ответа потерпевшего на приглашение истекает {date} (осталось 2 рабочих дня).',
    'Case {number}: the victim’s window to reply to the invitation ends on {date} (2 working days left).',
  ),
  'reminders.rule.reply.lapsed.title': text('Жауап беру мерзімі өтті', 'Срок ответа истёк', 'Reply window lapsed'),
  'reminders.rule.reply.lapsed.line': text(
    '№ {number} іс: жәбірленуші {date} дейін жауап бермеді — шақыру қабылданбаған болып саналады. Қайта шақыруға болады.',
    'Дело № {number}: потерпевший не ответил до {date} — приглашение считается отклонённым. Можно пригласить повторно.',
    'Case {number}: the victim did not reply by {date} — the invitation counts as declined. You may invite again.',
  ),
  'reminders.rule.term.ending.title': text(
    'Медиация мерзімі аяқталып келеді',
    'Срок медиации истекает',
    'Mediation term ending',
  ),
  'reminders.rule.term.ending.line': text(
    '№ {number} іс: медиация мерзімі {date} аяқталады (5 жұмыс күні қалды). Келісім, мерзімді ұзарту немесе тоқтату.',
    'Дело № {number}: срок медиации истекает {date} (осталось 5 рабочих дней). Соглашение, продление срока или прекращение.',
    'Case {number}: the mediation term ends on {date} (5 working days left). Agreement, extension or termination.',
  ),
  'reminders.rule.petition.startMediation.title': text(
    'Медиацияны бастау уақыты',
    'Пора начинать медиацию',
    'Time to start mediation',
  ),
  'reminders.rule.petition.startMediation.line': text(
    '№ {number} іс: өтінішхат берудің ең ерте күні — {date}, үш айдан аз қалды, келісім әлі жоқ.',
    'Дело № {number}: самая ранняя дата ходатайства — {date}, до неё меньше трёх месяцев, соглашения ещё нет.',
    'Case {number}: the earliest petition date is {date}, less than three months away, and there is no agreement yet.',
  ),
  'reminders.rule.case.readyForCourt.title': text(
    'Іс сотқа дайын',
    'Дело готово к подаче в суд',
    'Case ready for court',
  ),
  'reminders.rule.case.readyForCourt.line': text(
    '№ {number} іс: әр талап бойынша нәтиже бар — сотталғанның өтінішхатын беруге болады.',
    'Дело № {number}: по каждому иску есть итог — можно подавать ходатайство осуждённого.',
    'Case {number}: every claim has an outcome — the convict’s petition can be filed.',
  ),
  'reminders.rule.hearing.tomorrow.title': text('Сот отырысы ертең', 'Судебное заседание завтра', 'Hearing tomorrow'),
  'reminders.rule.hearing.tomorrow.line': text(
    '№ {number} іс: өтінішхат бойынша сот отырысы {date} өтеді.',
    'Дело № {number}: {date} — судебное заседание по ходатайству.',
    'Case {number}: the hearing of the petition is on {date}.',
  ),
  'reminders.rule.instalment.due.title': text('Төлем мерзімі жақын', 'Скоро платёж по графику', 'Instalment due soon'),
  'reminders.rule.instalment.due.line': text(
    '№ {number} іс: кестедегі № {no} төлем {date} төленуі тиіс (3 жұмыс күні қалды).',
    'Дело № {number}: платёж № {no} по графику — до {date} (осталось 3 рабочих дня).',
    'Case {number}: instalment {no} of the schedule is due on {date} (3 working days left).',
  ),
  'reminders.rule.instalment.overdue.title': text('Төлем кешіктірілді', 'Платёж просрочен', 'Instalment overdue'),
  'reminders.rule.instalment.overdue.line': text(
    '№ {number} іс: {date} мерзімдегі № {no} төлем жеңілдік кезеңінен кейін де түспеді. Себебін жазыңыз.',
    'Дело № {number}: платёж № {no} со сроком {date} не поступил и после льготного срока. Запишите причину.',
    'Case {number}: instalment {no}, due on {date}, has not come in after the grace period. Record the reason.',
  ),
  'reminders.rule.instalment.secondMiss.title': text(
    'Дәлелсіз екінші өткізіп алу',
    'Второй пропуск без уважительной причины',
    'Second miss without good reason',
  ),
  'reminders.rule.instalment.secondMiss.line': text(
    '№ {number} іс: № {no} төлем ({date}) — дәлелді себепсіз екінші өткізіп алу. Келесісі үшінші болады (ҚК 72-б. 7-б. 1-т.).',
    'Дело № {number}: платёж № {no} ({date}) — второй пропуск без уважительной причины. Следующий будет третьим (УК ст. 72 ч. 7 п. 1).',
    'Case {number}: instalment {no} ({date}) is the second miss without a good reason. The next one is the third (CC art. 72 part 7 item 1).',
  ),
  'reminders.rule.payment.notice.title': text('Төлем тіркелді', 'Платёж записан', 'Payment recorded'),
  'reminders.rule.payment.notice.line': text(
    '№ {number} іс: сіздің пайдаңызға {date} күнгі {amount} төлем тіркелді.',
    'Дело № {number}: платёж {amount} от {date} записан в вашу пользу.',
    'Case {number}: a payment of {amount} made on {date} has been recorded for you.',
  ),

  'reminders.rule.digest.title': text('Күнделікті жинақ хат', 'Ежедневная сводка', 'Daily digest'),
  'reminders.rule.digest.line': text(
    'Бір күнгі еске салулар бір хатта.',
    'Напоминания за день одним письмом.',
    'The day’s reminders in one e-mail.',
  ),

  // ── the e-mail around the text ──
  'reminders.mail.open': text('Істі ашу', 'Открыть дело', 'Open the case'),
  'reminders.mail.why': text(
    'Бұл хат сіздің істеріңіз бойынша еске салу. Баптаулар: {url}',
    'Это напоминание по вашим делам. Настройки: {url}',
    'This is a reminder about your cases. Settings: {url}',
  ),
  'reminders.mail.digestSubject': text(
    'Бүгінгі еске салулар: {count}',
    'Напоминания за день: {count}',
    'Today’s reminders: {count}',
  ),
  'reminders.mail.victimWhy': text(
    'Сіз өтініште осы хабарламаларға келісім бердіңіз. Бас тарту үшін медиаторға хабарласыңыз.',
    'Вы дали согласие на эти уведомления в заявлении. Чтобы отказаться, сообщите медиатору.',
    'You agreed to these notices in the application. To stop them, tell the mediator.',
  ),

  // ── the inbox ──
  'reminders.inbox.title': text('Хабарламалар', 'Уведомления', 'Inbox'),
  'reminders.inbox.empty': text('Хабарлама жоқ.', 'Уведомлений нет.', 'Nothing here.'),
  'reminders.inbox.unread': text('Оқылмаған: {count}', 'Непрочитанных: {count}', 'Unread: {count}'),
  'reminders.inbox.new': text('Жаңа', 'Новое', 'New'),
  'reminders.inbox.read': text('Оқылды', 'Прочитано', 'Read'),
  'reminders.inbox.markRead': text('Оқылды деп белгілеу', 'Отметить прочитанным', 'Mark as read'),
  'reminders.inbox.markAllRead': text('Барлығын оқылды деп белгілеу', 'Отметить все прочитанными', 'Mark all as read'),
  'reminders.inbox.case': text('Іс', 'Дело', 'Case'),
  'reminders.inbox.what': text('Не туралы', 'О чём', 'What'),
  'reminders.inbox.when': text('Қашан', 'Когда', 'When'),
  'reminders.inbox.state': text('Күйі', 'Состояние', 'State'),
  'reminders.inbox.more': text('Бұрынғылары', 'Ранее', 'Older'),

  // ── the settings page ──
  'reminders.settings.title': text('Еске салу баптаулары', 'Настройки напоминаний', 'Reminder settings'),
  'reminders.settings.intro': text(
    'Хабарламалар бөлімі әрқашан қосулы. Әр еске салуды электрондық поштамен де алуға болады.',
    'Раздел «Уведомления» включён всегда. Каждое напоминание можно получать и по электронной почте.',
    'The inbox is always on. Each reminder can also come by e-mail.',
  ),
  'reminders.settings.rule': text('Еске салу', 'Напоминание', 'Reminder'),
  'reminders.settings.channel': text('Қалай жеткізу', 'Как доставлять', 'How to deliver'),
  'reminders.settings.channel.email': text(
    'Хабарламалар + электрондық пошта',
    'Уведомления + эл. почта',
    'Inbox + e-mail',
  ),
  'reminders.settings.channel.inbox': text('Тек хабарламалар', 'Только уведомления', 'Inbox only'),
  'reminders.settings.channel.off': text('Жібермеу', 'Не присылать', 'Off'),
  'reminders.settings.email': text('Еске салу хаттарының мекенжайы', 'Адрес для писем', 'E-mail address for reminders'),
  'reminders.settings.emailHelp': text(
    'Бос болса — есептік жазбадағы мекенжай: {account}',
    'Пусто — адрес из учётной записи: {account}',
    'Empty: the address on your account: {account}',
  ),
  'reminders.settings.noAccountEmail': text('көрсетілмеген', 'не указан', 'none'),
  'reminders.settings.digest': text(
    'Әр хатты бөлек емес, күніне бір жинақ хат жіберу (таңғы {hour}:00)',
    'Вместо отдельных писем — одна сводка в день (в {hour}:00)',
    'One daily digest instead of single e-mails (at {hour}:00)',
  ),
  'reminders.settings.save': text('Сақтау', 'Сохранить', 'Save'),
  'reminders.settings.saved': text('Сақталды.', 'Сохранено.', 'Saved.'),
  'reminders.settings.mailOff': text(
    'Электрондық пошта сервері бапталмаған: еске салулар тек «Хабарламалар» бөлімінде.',
    'Почтовый сервер не настроен: напоминания приходят только в «Уведомления».',
    'No mail server is configured: reminders come to the inbox only.',
  ),
  'reminders.calendar.title': text('Күнтізбе', 'Календарь', 'Calendar'),
  'reminders.calendar.intro': text(
    'Жеке күнтізбе сілтемесі: жауап мерзімдері, медиация мерзімдері, сот отырыстары, төлем күндері. Оқиғаларда тек іс нөмірі бар. Сілтемені ешкімге бермеңіз.',
    'Личная ссылка на календарь: сроки ответа, сроки медиации, заседания, даты платежей. В событиях только номер дела. Не передавайте ссылку никому.',
    'Your personal calendar link: reply windows, mediation terms, hearings, instalment due dates. Events carry the case number only. Do not share the link.',
  ),
  'reminders.calendar.none': text('Сілтеме жасалмаған.', 'Ссылка не создана.', 'No link yet.'),
  'reminders.calendar.active': text(
    'Сілтеме {date} жасалған. Ол тек жасалған кезде көрсетіледі; жоғалса — жаңасын жасаңыз.',
    'Ссылка создана {date}. Она показывается только при создании; если потеряна — создайте новую.',
    'Link created on {date}. It is shown only when created; if lost, create a new one.',
  ),
  'reminders.calendar.created': text(
    'Жаңа сілтеме (көшіріп, күнтізбе қолданбасына «URL бойынша жазылу» арқылы қосыңыз):',
    'Новая ссылка (скопируйте и добавьте в приложение календаря как «подписку по URL»):',
    'New link (copy it and add it to your calendar app as a subscription by URL):',
  ),
  'reminders.calendar.create': text('Сілтеме жасау', 'Создать ссылку', 'Create link'),
  'reminders.calendar.replace': text(
    'Жаңа сілтеме жасау (ескісі өшеді)',
    'Создать новую ссылку (старая перестанет работать)',
    'New link (the old one stops working)',
  ),
  'reminders.calendar.revoke': text('Сілтемені өшіру', 'Отключить ссылку', 'Revoke link'),
  'reminders.calendar.revoked': text('Сілтеме өшірілді.', 'Ссылка отключена.', 'Link revoked.'),
  'reminders.calendar.event.reply': text(
    '{number}: жауап мерзімі',
    '{number}: срок ответа',
    '{number}: reply window ends',
  ),
  'reminders.calendar.event.term': text(
    '{number}: медиация мерзімі',
    '{number}: срок медиации',
    '{number}: mediation term ends',
  ),
  'reminders.calendar.event.hearing': text(
    '{number}: сот отырысы',
    '{number}: судебное заседание',
    '{number}: hearing',
  ),
  'reminders.calendar.event.instalment': text(
    '{number}: № {no} төлем',
    '{number}: платёж № {no}',
    '{number}: instalment {no}',
  ),

  // ── the administrator's list of failed deliveries ──
  'reminders.failed.title': text('Жеткізілмеген еске салулар', 'Недоставленные напоминания', 'Undelivered reminders'),
  'reminders.failed.intro': text(
    'Бұл еске салулар бірнеше әрекеттен кейін жеткізілмеді (мысалы, пошта сервері қолжетімсіз). Хабарламалар бөлімінде олар бар; хат жіберілмеді.',
    'Эти напоминания не доставлены после нескольких попыток (например, почтовый сервер недоступен). В «Уведомлениях» они есть; письмо не ушло.',
    'These reminders were not delivered after several attempts (e.g. the mail server was down). They are in the inbox; the e-mail did not go out.',
  ),
  'reminders.failed.none': text('Жеткізілмегені жоқ.', 'Недоставленных нет.', 'None.'),
  'reminders.failed.recipient': text('Алушы', 'Получатель', 'Recipient'),
  'reminders.failed.attempts': text('Әрекет', 'Попыток', 'Attempts'),
  'reminders.failed.error': text('Қате', 'Ошибка', 'Error'),
  'reminders.failed.retry': text('Қайта жіберу', 'Отправить снова', 'Send again'),
  'reminders.failed.victim': text('Жәбірленуші (e-mail)', 'Потерпевший (e-mail)', 'Victim (e-mail)'),
  'rule.email_invalid': text(
    'Электрондық пошта мекенжайы қате (мысалы: name@example.kz)',
    'Неверный адрес электронной почты (например: name@example.kz)',
    'Not an e-mail address (e.g. name@example.kz)',
  ),
};
