import { Injectable } from '@nestjs/common';
import ical from 'ical-generator';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { claimReadings } from '../../machines/read';
import { allocationOf } from '../../machines/restitution.machine';
import type { ProcedureState } from '../../machines/snapshot';
import type { UserRole } from '../auth/principal';
import { principalKey } from '../cases/domain/case-access';
import { Clock } from '../common/clock';
import { Env } from '../config/env';
import { isLang, type Lang } from '../web/i18n/lang';
import { translate } from '../web/i18n/messages';
import { DatabaseAccess } from '../workflow/database-access';
import { caseLink } from './reminder-texts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The secret of a feed's address: 32 random bytes, URL-safe. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;
/** Cases past their procedure carry no dates worth a calendar. */
const FINAL_STATES = ['declined', 'closed', 'revoked', 'withdrawn'];
/** A calendar holds at most this many cases (the newest the user sees). */
const MAX_CASES = 2000;

export interface FeedStatus {
  active: boolean;
  createdAt: string | null;
}

export interface CalendarEntry {
  uid: string;
  date: string;
  kind: 'reply' | 'term' | 'hearing' | 'instalment';
  caseId: string;
  caseNumber: string;
  no?: number;
}

/** The dates of one case a calendar shows: reply windows, mediation terms, the hearing, instalments still unpaid. */
export function calendarEntries(caseId: string, caseNumber: string, state: ProcedureState): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  const add = (kind: CalendarEntry['kind'], date: string, part: string, no?: number) =>
    out.push({ uid: `${caseId}-${kind}-${part}@mediation`, date, kind, caseId, caseNumber, ...(no && { no }) });
  const c = state.case.context;
  if (state.case.value === 'hearingScheduled' && c.hearingDate) add('hearing', c.hearingDate, String(c.petitions));
  for (const claim of claimReadings(state)) {
    if (claim.mediationState === 'invited' && claim.replyBy)
      add('reply', claim.replyBy, `${claim.id}-${claim.mediation.invitations}`);
    if (claim.mediationState === 'negotiating' && claim.termEndsOn)
      add('term', claim.termEndsOn, `${claim.id}-${claim.mediation.invitations}`);
    const r = claim.restitution;
    if (r && (r.state === 'current' || r.state === 'inArrears')) {
      const open = new Set(
        allocationOf(r.context)
          .rows.filter((row) => row.no > 0 && row.remaining > 0)
          .map((row) => row.no),
      );
      for (const row of r.context.schedule)
        if (open.has(row.no))
          add('instalment', row.dueDate, `${claim.id}-${r.context.scheduleVersion}-${row.no}`, row.no);
    }
  }
  return out;
}

/**
 * Personal calendar feeds (ICS, ical-generator): one secret address per user, `/calendar/<secret>.ics`, which a
 * calendar application polls. Only the SHA-256 of the secret is stored: the address is shown once, when made; a new
 * one revokes the old; a revoked or unknown address answers 404. The feed is built on each request from the cases
 * the user sees now, so it follows the cases as they move; events carry the case number only.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly access: DatabaseAccess,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  async status(userId: string): Promise<FeedStatus> {
    const rows: { created_at: string }[] = await this.access.read((em) =>
      em.query(this.access.sql('SELECT created_at FROM calendar_feeds WHERE user_id = ? AND revoked_at IS NULL'), [
        userId,
      ]),
    );
    return { active: rows.length > 0, createdAt: rows[0]?.created_at ?? null };
  }

  /** A new secret address (the previous one stops working). */
  async create(userId: string): Promise<{ url: string; createdAt: string }> {
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now().toISOString();
    await this.access.atomically(async (em) => {
      await em.query(
        this.access.sql('UPDATE calendar_feeds SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL'),
        [now, userId],
      );
      await em.query(
        this.access.sql('INSERT INTO calendar_feeds (id, user_id, secret_hash, created_at) VALUES (?, ?, ?, ?)'),
        [randomUUID(), userId, sha256(secret), now],
      );
    });
    const base = (this.env.PUBLIC_URL || `http://127.0.0.1:${this.env.PORT}`).replace(/\/+$/, '');
    return { url: `${base}/calendar/${secret}.ics`, createdAt: now };
  }

  async revoke(userId: string): Promise<void> {
    await this.access.atomically((em) =>
      em.query(this.access.sql('UPDATE calendar_feeds SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL'), [
        this.clock.now().toISOString(),
        userId,
      ]),
    );
  }

  /** The ICS text of the feed with this secret; null when there is none (unknown, revoked, or its user disabled). */
  async feed(secret: string): Promise<string | null> {
    if (!SECRET.test(secret)) return null;
    const users: {
      id: string;
      role: UserRole;
      organisation_id: string | null;
      language: string | null;
      disabled_at: string | null;
    }[] = await this.access.read((em) =>
      em.query(
        this.access.sql(
          `SELECT u.id, u.role, u.organisation_id, u.language, u.disabled_at FROM calendar_feeds f
             JOIN users u ON u.id = f.user_id WHERE f.secret_hash = ? AND f.revoked_at IS NULL`,
        ),
        [sha256(secret)],
      ),
    );
    const user = users[0];
    if (!user || user.disabled_at) return null;
    const lang: Lang = isLang(user.language) ? user.language : 'ru';
    const key = principalKey({ role: user.role, userId: user.id, organisationId: user.organisation_id });
    const cases: { id: string; number: string; snapshot: string }[] = key
      ? await this.access.read((em) =>
          em.query(
            this.access.sql(
              `SELECT c.id, c.number, c.snapshot FROM case_access a JOIN cases c ON c.id = a.case_id
                WHERE a.key = ? AND c.state NOT IN (${FINAL_STATES.map(() => '?').join(', ')})
                ORDER BY a.seq DESC LIMIT ${MAX_CASES}`,
            ),
            [key, ...FINAL_STATES],
          ),
        )
      : [];
    const calendar = ical({ name: translate(lang, 'app.name'), prodId: '//mediation//reminders//EN' });
    const publicUrl = this.env.PUBLIC_URL || `http://127.0.0.1:${this.env.PORT}`;
    const stamp = this.clock.now();
    for (const c of cases)
      for (const e of calendarEntries(c.id, c.number, JSON.parse(c.snapshot) as ProcedureState)) {
        const day = new Date(`${e.date}T00:00:00Z`);
        calendar.createEvent({
          id: e.uid,
          start: day,
          allDay: true,
          stamp,
          summary: translate(lang, `reminders.calendar.event.${e.kind}`, { number: e.caseNumber, no: e.no ?? '' }),
          url: caseLink(publicUrl, e.caseId),
        });
      }
    return calendar.toString();
  }
}
