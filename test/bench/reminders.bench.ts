/**
 * `reminders dispatched: N per s` — 10,000 due reminders delivered by the dispatcher: each claimed by
 * compare-and-set, its recipient checked again (account, scope), written to the inbox and sent by e-mail to a local
 * SMTP server (smtp-server, accepting everything), then marked sent. The same 10,000 delivered to the inbox only
 * (no SMTP_URL) is shown beside it: the difference is the mail's share. Its own app and SQLite file, so the other
 * figures are not disturbed. The reminders are planned by the cases' events (100 cases on the cast's mediator, their
 * `reply.ending` reminders), then multiplied by SQL into 100 reminders a case with distinct idempotency keys.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { FixedClock } from '../../src/common/clock';
import { loadEnv } from '../../src/config/env';
import { ReminderDispatcher } from '../../src/reminders/reminder-dispatcher';
import { principalAs } from '../support/cast';
import { startTestSmtp } from '../support/smtp';
import { engineOf } from './engine';

const CASES = 100;
const PER_CASE = 100;

/**
 * The same statements without the service, on a copy of the inbox-only run's database: per batch of 200 due rows,
 * one transaction of 200 compare-and-set claims; then per reminder the scope read and the outcome update,
 * committed 16 at a time (the dispatcher's parallelism, which the group commit turns into one transaction).
 */
async function rawBaseline(path: string, synchronous: number): Promise<number> {
  const db = new sqlite3.Database(path);
  const q = (sql: string, params: unknown[] = []) =>
    new Promise<{ changes: number; rows: Record<string, unknown>[] }>((resolve, reject) =>
      sql.trimStart().startsWith('SELECT')
        ? db.all(sql, params, (err, rows) => (err ? reject(err) : resolve({ changes: 0, rows: rows as never })))
        : db.run(sql, params, function (this: { changes: number }, err) {
            if (err) reject(err);
            else resolve({ changes: this.changes, rows: [] });
          }),
    );
  await q('PRAGMA journal_mode = WAL');
  await q(`PRAGMA synchronous = ${synchronous}`);
  const t0 = process.hrtime.bigint();
  let done = 0;
  for (;;) {
    const { rows } = await q(
      `SELECT id, case_id, user_id, attempts, status FROM reminders WHERE status = 'pending' AND send_on <= ? ORDER BY send_on, id LIMIT 200`,
      ['2026-12-09'],
    );
    if (rows.length === 0) break;
    await q('BEGIN');
    for (const r of rows)
      await q(
        `UPDATE reminders SET status = 'running', claimed_by = 'raw', claimed_at = ?, attempts = attempts + 1 WHERE id = ? AND status = ? AND attempts = ?`,
        [new Date().toISOString(), r.id, r.status, r.attempts],
      );
    await q('COMMIT');
    for (let i = 0; i < rows.length; i += 16) {
      await q('BEGIN');
      for (const r of rows.slice(i, i + 16)) {
        await q('SELECT 1 AS ok FROM case_access WHERE case_id = ? AND key = ?', [
          r.case_id,
          `mediator:${String(r.user_id)}`,
        ]);
        const now = new Date().toISOString();
        await q(
          `UPDATE reminders SET status = 'sent', done_at = ?, updated_at = ?, inbox_at = COALESCE(inbox_at, ?), claimed_by = NULL WHERE id = ? AND status = 'running' AND claimed_by = 'raw'`,
          [now, now, now, r.id],
        );
        done++;
      }
      await q('COMMIT');
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await new Promise((resolve) => db.close(resolve));
  return done / seconds;
}

async function run(
  withMail: boolean,
  smtpUrl: string,
): Promise<{ perSecond: number; sent: number; raw: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'reminders-bench-'));
  try {
    const env = loadEnv({
      DATABASE_PATH: join(dir, 'bench.sqlite'),
      LOG_LEVEL: 'silent',
      SWEEP_INTERVAL_SECONDS: '3600',
      REMINDER_POLL_SECONDS: '3600',
      RATE_LIMIT_MAX: '0',
      DOCUMENTS_ON_EVENT: 'false',
      ...(withMail && { SMTP_URL: smtpUrl }),
    });
    const clock = new FixedClock(new Date('2026-12-01T10:00:00+05:00'));
    const app = await createApp({ env, clock }, { logger: false });
    await app.init();
    const engine = engineOf(app);
    // The cast's mediator as the engine's cases name him (test/bench/engine.ts), with an account to deliver to.
    const mediator = principalAs('mediator');
    await app.get(DataSource).query(
      `INSERT INTO users (id, login, login_key, full_name_ru, email, role, organisation_id, password_hash, created_at, updated_at)
       VALUES (?, 'bench.mediator', 'bench.mediator', 'Медиатор', 'mediator@example.kz', 'mediator', ?, 'x', ?, ?)`,
      [mediator.userId, mediator.organisationId, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'],
    );
    const db = app.get(DataSource);
    const dispatcher = app.get(ReminderDispatcher);
    for (let i = 0; i < CASES; i++) {
      const kase = await engine.createCase();
      await engine.record(kase.id, { type: 'case.accepted' });
      await engine.record(kase.id, { type: 'invitation.sent', claimId: kase.claimId });
    }
    // Every case has its planned `reply.ending` (due 9 Dec); copy each 99 times with distinct keys.
    await db.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PER_CASE - 1})
       INSERT INTO reminders (id, key, rule, case_id, case_number, claim_id, about, about_date, instalment_no, recipient,
         user_id, send_on, stale_after, status, attempts, retry_at, created_at, updated_at)
       SELECT lower(hex(randomblob(16))), r.key || '#' || n.i, r.rule, r.case_id, r.case_number, r.claim_id, r.about,
         r.about_date, r.instalment_no, r.recipient, r.user_id, r.send_on, r.stale_after, 'pending', 0, '', r.created_at,
         r.updated_at
       FROM reminders r, n WHERE r.rule = 'reply.ending'`,
    );
    const [{ n }] = await db.query(
      `SELECT COUNT(*) AS n FROM reminders WHERE status = 'pending' AND rule = 'reply.ending'`,
    );
    let copy: string | null = null;
    if (!withMail) {
      copy = join(dir, 'raw.sqlite');
      await db.query(`VACUUM INTO '${copy}'`);
    }
    const [{ synchronous }] = await db.query('PRAGMA synchronous');
    clock.set('2026-12-09T10:00:00+05:00');
    const t0 = process.hrtime.bigint();
    await dispatcher.dispatch();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const [{ sent }] = await db.query(`SELECT COUNT(*) AS sent FROM reminders WHERE status = 'sent'`);
    await app.close();
    if (Number(sent) !== Number(n)) throw new Error(`reminders bench: ${sent} of ${n} sent`);
    const raw = copy ? await rawBaseline(copy, Number(synchronous)) : null;
    return { perSecond: Number(sent) / seconds, sent: Number(sent), raw };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchReminders(): Promise<string[]> {
  const smtp = await startTestSmtp();
  try {
    const mail = await run(true, smtp.url);
    const mails = smtp.mails.length;
    const inbox = await run(false, smtp.url);
    return [
      `reminders dispatched: ${mail.perSecond.toFixed(0)} per s`,
      `  (${mail.sent} due reminders, inbox + e-mail to a local SMTP server in this process, which parses every mail (${mails} received), ${CASES} cases; ` +
        `the same to the inbox only: ${inbox.perSecond.toFixed(0)} per s; raw SQLite, the same statements without the ` +
        `service: ${inbox.raw?.toFixed(0)} per s (inbox-only/raw ${(inbox.perSecond / (inbox.raw ?? 1)).toFixed(2)}); per reminder: its compare-and-set claim (200 a transaction), the account and scope reads, one write of the outcome and the inbox mark; 16 at a time, sharing the SQLite group commit)`,
    ];
  } finally {
    await smtp.stop();
  }
}
