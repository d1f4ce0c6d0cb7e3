import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (issue 11). `reminders`: one row per reminder and recipient, planned in the transaction of the event or
 * sweep that causes it, identified by `key` (rule, case, claim, what it is about, recipient): planned again, it is
 * the same row, so nobody is reminded twice. The dispatcher claims a due row by compare-and-set (status, attempts),
 * delivers it (the in-app inbox, e-mail) and records the outcome; after REMINDER_DELIVERY.maxAttempts failures it is
 * `failed` and listed for the administrator. `reminder_preferences`: per user, which reminders by which channel, the
 * daily digest. `calendar_feeds`: the SHA-256 of each user's secret calendar address, revocable.
 */
export class Reminders1764950000000 implements MigrationInterface {
  name = 'Reminders1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reminders (
      id VARCHAR(36) PRIMARY KEY,
      key VARCHAR(240) NOT NULL UNIQUE,
      rule VARCHAR(40) NOT NULL,
      case_id VARCHAR(36),
      case_number VARCHAR(40),
      claim_id VARCHAR(36),
      about VARCHAR(80) NOT NULL,
      about_date VARCHAR(10),
      instalment_no INTEGER,
      recipient VARCHAR(80) NOT NULL,
      user_id VARCHAR(36),
      send_on VARCHAR(10) NOT NULL,
      not_before VARCHAR(32),
      stale_after VARCHAR(10),
      status VARCHAR(16) NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      retry_at VARCHAR(32) NOT NULL,
      claimed_by VARCHAR(80),
      claimed_at VARCHAR(32),
      inbox_at VARCHAR(32),
      email_state VARCHAR(16),
      digest_key VARCHAR(240),
      payload TEXT,
      last_error TEXT,
      created_at VARCHAR(32) NOT NULL,
      updated_at VARCHAR(32) NOT NULL,
      done_at VARCHAR(32),
      read_at VARCHAR(32)
    )`);
    await q.query('CREATE INDEX reminders_due ON reminders (status, send_on)');
    await q.query('CREATE INDEX reminders_case ON reminders (case_id, status)');
    await q.query('CREATE INDEX reminders_inbox ON reminders (user_id, inbox_at)');
    await q.query('CREATE INDEX reminders_digest ON reminders (user_id, email_state)');
    await q.query(`CREATE TABLE reminder_preferences (
      user_id VARCHAR(36) PRIMARY KEY,
      rules TEXT NOT NULL,
      digest INTEGER NOT NULL DEFAULT 0,
      email VARCHAR(254),
      updated_at VARCHAR(32) NOT NULL
    )`);
    await q.query(`CREATE TABLE calendar_feeds (
      id VARCHAR(36) PRIMARY KEY,
      user_id VARCHAR(36) NOT NULL,
      secret_hash VARCHAR(64) NOT NULL UNIQUE,
      created_at VARCHAR(32) NOT NULL,
      revoked_at VARCHAR(32)
    )`);
    await q.query('CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_feeds');
    await q.query('DROP TABLE reminder_preferences');
    await q.query('DROP TABLE reminders');
  }
}
