/**
 * Every reminder the service sends, with its lead time and the text it rests on — one file, so that a mediator's
 * organisation can change a lead time in one place. Lead times count WORKING days of the Kazakhstan calendar
 * (src/restitution/domain/work-calendar.ts): a reminder is sent on a working day, that many working days before
 * the date it is about. Reminders of something that has happened (a reply window lapsed, the case is ready for
 * court, an instalment overdue) go out the day it happens, or the next working day when that is a day off.
 * The legal numbers the dates come from stay in legal-rules.ts; these are practice, not law.
 */
import { type Citation, mediation, parolee, settings } from './legal-rules';

export const REMINDER_RULE_IDS = [
  'reply.ending',
  'reply.lapsed',
  'term.ending',
  'petition.startMediation',
  'case.readyForCourt',
  'hearing.tomorrow',
  'instalment.due',
  'instalment.overdue',
  'instalment.secondMiss',
] as const;
export type ReminderRuleId = (typeof REMINDER_RULE_IDS)[number];

/** Who receives a reminder: the case's mediator, its lawyers (every defender), the supervising unit's officers. */
export type ReminderAudience = 'mediator' | 'lawyer' | 'officer';

export interface ReminderRule {
  id: ReminderRuleId;
  audience: readonly ReminderAudience[];
  /** Working days before the date the reminder is about; 0: on the day it happens. */
  leadWorkingDays: number;
  /** Calendar months before the date (the petition rule); added to the working days. */
  leadMonths?: number;
  /** The law or the practice text the reminder rests on. */
  source: Citation | { practice: string };
  /** What a lawyer reads in this file (Russian, as the rest of the rules). */
  note: string;
}

const rule = (r: ReminderRule) => r;

export const REMINDER_RULES: Readonly<Record<ReminderRuleId, ReminderRule>> = {
  'reply.ending': rule({
    id: 'reply.ending',
    audience: ['mediator'],
    leadWorkingDays: 2,
    source: mediation.invitationReplyDays.source,
    note: 'Медиатору: срок ответа потерпевшего на приглашение истекает через 2 рабочих дня (ЗМед ст. 20 п. 6)',
  }),
  'reply.lapsed': rule({
    id: 'reply.lapsed',
    audience: ['mediator'],
    leadWorkingDays: 0,
    source: mediation.invitationReplyDays.source,
    note: 'Медиатору: срок ответа истёк, приглашение считается отклонённым; можно пригласить повторно',
  }),
  'term.ending': rule({
    id: 'term.ending',
    audience: ['mediator'],
    leadWorkingDays: 5,
    source: mediation.termDays.source,
    note: 'Медиатору: срок медиации истекает через 5 рабочих дней (ЗМед ст. 20 п. 9, ст. 23: продление до 30 дней)',
  }),
  'petition.startMediation': rule({
    id: 'petition.startMediation',
    audience: ['lawyer'],
    leadWorkingDays: 0,
    leadMonths: 3,
    source: {
      practice:
        'Методические рекомендации по социальной адаптации осуждённых (МИОР РК, 2021), раздел рекомендаций: «мерзім басталғанға дейін үш ай бұрын» — за три месяца до наступления срока УДО',
    },
    note: 'Защитнику: до самой ранней даты ходатайства (УК 72, 73) три месяца, соглашения ещё нет — пора начинать медиацию',
  }),
  'case.readyForCourt': rule({
    id: 'case.readyForCourt',
    audience: ['lawyer'],
    leadWorkingDays: 0,
    source: { act: 'УПК', article: '480' },
    note: 'Защитнику: по каждому иску есть итог — можно подавать ходатайство осуждённого (УПК ст. 480)',
  }),
  'hearing.tomorrow': rule({
    id: 'hearing.tomorrow',
    audience: ['lawyer'],
    leadWorkingDays: 1,
    source: { act: 'УПК', article: '480' },
    note: 'Защитнику: судебное заседание по ходатайству — на следующий рабочий день (в пятницу о заседании в понедельник)',
  }),
  'instalment.due': rule({
    id: 'instalment.due',
    audience: ['officer', 'lawyer'],
    leadWorkingDays: 3,
    source: { act: 'УИК', article: '169', part: '8' },
    note: 'Сотруднику и защитнику: очередной платёж по графику через 3 рабочих дня (УИК ст. 169 ч. 8)',
  }),
  'instalment.overdue': rule({
    id: 'instalment.overdue',
    audience: ['officer', 'lawyer'],
    leadWorkingDays: 0,
    source: { act: 'setting', article: `paymentGraceDays = ${settings.paymentGraceDays}` },
    note: 'Сотруднику и защитнику: платёж не поступил и после льготного срока — просрочка (причину записывает сотрудник)',
  }),
  'instalment.secondMiss': rule({
    id: 'instalment.secondMiss',
    audience: ['officer', 'lawyer'],
    leadWorkingDays: 0,
    source: parolee.maxEvasionsBeforeRevocationGround.source,
    note: 'Сотруднику и защитнику: второй пропуск без уважительной причины — следующий будет третьим (УК 72 ч. 7 п. 1: более двух раз)',
  }),
};

/** The notice to the victim of a payment recorded for him (only with his e-mail and consent on the application). */
export const PAYMENT_NOTICE = {
  id: 'payment.notice',
  source: { act: 'ЗМед', article: '27' } as Citation,
  note: 'Потерпевшему, с его согласия: о каждом платеже, записанном в исполнение соглашения (ЗМед ст. 27: исполнение соглашения)',
} as const;

/** Delivery: how often a reminder is tried before it is marked failed and shown to the administrator. */
export const REMINDER_DELIVERY = {
  maxAttempts: 6,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  /** The daily digest goes out at this hour (Asia/Almaty), with everything due since the last one. */
  digestHour: 8,
} as const;
