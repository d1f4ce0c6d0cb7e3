import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { Readiness } from '../../src/workflow/readiness';
import { CaseClient } from '../support/case-client';

/**
 * Durable deadlines: the service is stopped with a deadline pending, the clock moves past it,
 * and the service is started again on the same SQLite file — the deadline fires on start-up, once.
 */
describe('deadlines survive a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-restart-'));
  const databasePath = join(dir, 'cases.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fires an overdue invitation deadline on start-up, and never twice', async () => {
    let t = await startTestApp({ now: '2026-12-01T10:00:00+05:00', databasePath });
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    const invited = await c.send(kase.id, { type: 'invitation.sent', claimId });
    expect(invited.deadlines).toEqual([{ type: 'invitation.expired', claimId, dueDate: '2026-12-12' }]);
    await t.close();

    // stopped for three weeks
    t = await startTestApp({ now: '2026-12-22T08:00:00+05:00', databasePath });
    await t.app.get(Readiness).whenReady(); // the start-up sweep runs in the background
    const after = await new CaseClient(t).get(kase.id);
    expect(after.claims[0]).toMatchObject({ state: 'silent', outcome: 'silent' });
    expect(after.deadlines).toEqual([]);
    await t.close();

    t = await startTestApp({ now: '2026-12-23T08:00:00+05:00', databasePath });
    const history = await new CaseClient(t).history(kase.id);
    expect(history.filter((e) => e.type === 'invitation.expired')).toHaveLength(1);
    const fired = await t.app.get(DataSource).query(`SELECT status, fired_at FROM deadlines`);
    expect(fired).toEqual([{ status: 'fired', fired_at: expect.stringMatching(/^2026-12-22T03:00:00/) }]);
    await t.close();
  });

  it('migrates an empty SQLite file to the schema, without synchronize', async () => {
    const t = await startTestApp({ databasePath: join(dir, 'fresh.sqlite') });
    const db = t.app.get(DataSource);
    expect(db.options.synchronize).toBe(false);
    const tables = (await db.query(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`)).map(
      (r: any) => r.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining([
        'cases',
        'case_events',
        'deadlines',
        'confidential_notes',
        'issued_documents',
        'outbox',
        'migrations',
        'case_index',
        'case_counts',
        'case_fts',
        'payments',
        'payment_receipts',
        'users',
        'user_sessions',
        'api_tokens',
        'case_access',
        'audit_log',
        'document_files',
        'case_access',
        'directory_entries',
        'reminders',
        'reminder_preferences',
        'calendar_feeds',
        'case_facts',
        'case_stats',
      ]),
    );
    expect(await db.query('SELECT name FROM migrations ORDER BY id')).toEqual([
      { name: 'InitialSchema1764000000000' },
      { name: 'Outbox1764100000000' },
      { name: 'CaseListingIndex1764200000000' },
      { name: 'PaymentsLedger1764300000000' },
      { name: 'UsersAndSignIn1764400000000' },
      { name: 'CaseAccess1764500000000' },
      { name: 'AuditLog1764600000000' },
      { name: 'PaymentReversals1764700000000' },
      { name: 'Directory1764750000000' },
      { name: 'FrozenDocuments1764800000000' },
      { name: 'PaymentReceipts1764850000000' },
      { name: 'UserLanguage1764900000000' },
      { name: 'WorkDates1764940000000' },
      { name: 'Reminders1764950000000' },
      { name: 'Statistics1764970000000' },
    ]);
    const journal = await db.query('PRAGMA journal_mode');
    expect(journal[0].journal_mode).toBe('wal');
    await t.close();
  });
});
