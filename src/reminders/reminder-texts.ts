/**
 * What a reminder says, in the reader's language: the same line in the inbox, the e-mail and the digest
 * (messages: src/web/i18n/reminders.messages.ts). It names the case by its number and dates; never a person, an
 * ИИН, an address or a note — the row it is made from holds nothing else.
 */
import type { Lang } from '../web/i18n/lang';
import { translate } from '../web/i18n/messages';
import { formatDate, formatMoney } from '../web/render/format';

/** The fields of a `reminders` row a text is made from. */
export interface ReminderFacts {
  rule: string;
  caseId: string | null;
  caseNumber: string | null;
  aboutDate: string | null;
  instalmentNo: number | null;
  /** The payment notice's amount (tiyn) and date. */
  payload?: { amount?: number; date?: string } | null;
}

export function reminderTitle(lang: Lang, r: Pick<ReminderFacts, 'rule'>): string {
  return translate(lang, `reminders.rule.${r.rule}.title`);
}

export function reminderLine(lang: Lang, r: ReminderFacts): string {
  return translate(lang, `reminders.rule.${r.rule}.line`, {
    number: r.caseNumber ?? '',
    date: formatDate(r.payload?.date ?? r.aboutDate, lang),
    no: r.instalmentNo ?? '',
    amount: typeof r.payload?.amount === 'number' ? formatMoney(r.payload.amount) : '',
  });
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');
export const caseLink = (publicUrl: string, caseId: string) => `${base(publicUrl)}/cases/${caseId}`;

/** One reminder as an e-mail to a user of the workplace. */
export function reminderMail(lang: Lang, r: ReminderFacts, publicUrl: string): { subject: string; text: string } {
  const lines = [reminderLine(lang, r), ''];
  if (r.caseId) lines.push(`${translate(lang, 'reminders.mail.open')}: ${caseLink(publicUrl, r.caseId)}`, '');
  lines.push('—', translate(lang, 'reminders.mail.why', { url: `${base(publicUrl)}/settings/reminders` }));
  return { subject: `${reminderTitle(lang, r)} — № ${r.caseNumber ?? ''}`, text: lines.join('\n') };
}

/** The day's reminders in one e-mail. */
export function digestMail(lang: Lang, rows: ReminderFacts[], publicUrl: string): { subject: string; text: string } {
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(`• ${reminderLine(lang, r)}`);
    if (r.caseId) lines.push(`  ${caseLink(publicUrl, r.caseId)}`);
  }
  lines.push('', '—', translate(lang, 'reminders.mail.why', { url: `${base(publicUrl)}/settings/reminders` }));
  return { subject: translate(lang, 'reminders.mail.digestSubject', { count: rows.length }), text: lines.join('\n') };
}

/** The notice of a payment to the victim: Kazakh and Russian (his language is not recorded), no link, no names. */
export function paymentNoticeMail(r: ReminderFacts): { subject: string; text: string } {
  const langs: Lang[] = ['kk', 'ru'];
  return {
    subject: langs.map((l) => `${reminderTitle(l, r)} — № ${r.caseNumber ?? ''}`).join(' / '),
    text: langs.map((l) => `${reminderLine(l, r)}\n\n${translate(l, 'reminders.mail.victimWhy')}`).join('\n\n———\n\n'),
  };
}
