import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { Clock } from '../common/clock';
import { REMINDER_RULE_IDS, type ReminderRuleId } from '../law/reminder-rules';
import { DatabaseAccess } from '../workflow/database-access';

export const CHANNELS = ['email', 'inbox', 'off'] as const;
/** email: the inbox and an e-mail; inbox: the inbox only; off: not at all. */
export type Channel = (typeof CHANNELS)[number];

export interface ReminderPreferences {
  /** Per rule; a rule not named gets `email`. */
  rules: Record<ReminderRuleId, Channel>;
  /** One e-mail a day with the day's reminders instead of one each. */
  digest: boolean;
  /** Where the e-mails go; null: the address on the account. */
  email: string | null;
}

/** A practical check of an address (what a mail server accepts), not RFC 5322 in full. */
export const isEmailAddress = (v: string): boolean =>
  v.length <= 254 && /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]{2,}$/.test(v);

const defaults = (): ReminderPreferences => ({
  rules: Object.fromEntries(REMINDER_RULE_IDS.map((id) => [id, 'email'])) as Record<ReminderRuleId, Channel>,
  digest: false,
  email: null,
});

/** Per user: which reminders by which channel, the digest, the address (table reminder_preferences). */
@Injectable()
export class ReminderPreferencesService {
  constructor(
    private readonly access: DatabaseAccess,
    private readonly clock: Clock,
  ) {}

  async of(userId: string): Promise<ReminderPreferences> {
    const rows: { rules: string; digest: number | string | boolean; email: string | null }[] = await this.access.read(
      (em) =>
        em.query(this.access.sql('SELECT rules, digest, email FROM reminder_preferences WHERE user_id = ?'), [userId]),
    );
    const p = defaults();
    if (rows.length === 0) return p;
    const stored = JSON.parse(rows[0].rules) as Record<string, unknown>;
    for (const id of REMINDER_RULE_IDS)
      if (CHANNELS.includes(stored[id] as Channel)) p.rules[id] = stored[id] as Channel;
    p.digest = Number(rows[0].digest) === 1 || rows[0].digest === true;
    p.email = rows[0].email;
    return p;
  }

  /**
   * Saves what the user chose. Checked field by field: an unknown rule or channel, or an address that is not one,
   * is a 400 naming the field (`rules.<id>`, `digest`, `email`).
   */
  async save(userId: string, input: unknown): Promise<ReminderPreferences> {
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const errors: { field: string; rule: string; message: string }[] = [];
    const p = await this.of(userId);
    if (body.rules !== undefined) {
      if (typeof body.rules !== 'object' || body.rules === null || Array.isArray(body.rules))
        errors.push({ field: 'rules', rule: 'rules_object', message: 'rules: an object { rule id: channel }' });
      else
        for (const [id, channel] of Object.entries(body.rules)) {
          if (!REMINDER_RULE_IDS.includes(id as ReminderRuleId))
            errors.push({ field: `rules.${id}`, rule: 'unknown_rule', message: `Unknown reminder ${id}` });
          else if (!CHANNELS.includes(channel as Channel))
            errors.push({
              field: `rules.${id}`,
              rule: 'channel_invalid',
              message: `Channel must be one of ${CHANNELS.join(', ')}`,
            });
          else p.rules[id as ReminderRuleId] = channel as Channel;
        }
    }
    if (body.digest !== undefined) {
      if (typeof body.digest !== 'boolean')
        errors.push({ field: 'digest', rule: 'boolean', message: 'digest: true or false' });
      else p.digest = body.digest;
    }
    if (body.email !== undefined) {
      const email = typeof body.email === 'string' ? body.email.trim() : body.email;
      if (email === null || email === '') p.email = null;
      else if (typeof email !== 'string' || !isEmailAddress(email))
        errors.push({
          field: 'email',
          rule: 'email_invalid',
          message: 'Неверный адрес электронной почты (например: name@example.kz)',
        });
      else p.email = email;
    }
    if (errors.length) throw DomainError.validation(errors);
    const now = this.clock.now().toISOString();
    await this.access.atomically((em) =>
      em.query(
        this.access.sql(
          `INSERT INTO reminder_preferences (user_id, rules, digest, email, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET rules = excluded.rules, digest = excluded.digest, email = excluded.email,
             updated_at = excluded.updated_at`,
        ),
        [userId, JSON.stringify(p.rules), p.digest ? 1 : 0, p.email, now],
      ),
    );
    return p;
  }
}
