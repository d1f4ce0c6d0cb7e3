import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../src/audit/audit-log';
import { AUDIT_BATCHING, BufferedAuditLog, toRow } from '../../src/audit/buffered-audit-log';
import { DatabaseAccess } from '../../src/workflow/database-access';
import { application } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';

const count = (db: DataSource) =>
  db.query<{ n: number }[]>('SELECT count(*) AS n FROM audit_log').then((r) => Number(r[0].n));
const entry = (n: number) =>
  ({ action: 'case.read', userId: `user-${n}`, caseId: null, address: '127.0.0.1', detail: { n } }) as const;

/** The audit log's table on SQLite: append-only in the database, written in batches, nothing lost on shutdown. */
describe('audit log on SQLite', () => {
  let t: TestApp;
  let db: DataSource;
  let audit: BufferedAuditLog;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    audit = t.app.get(BufferedAuditLog);
  });
  afterAll(() => t?.close());

  it('is the implementation behind the AuditLog token others inject', () => {
    expect(t.app.get(AuditLog)).toBe(audit);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    audit.record(entry(0));
    await audit.flush();
    await expect(db.query("UPDATE audit_log SET user_id = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await db.query("SELECT user_id FROM audit_log WHERE user_id = 'user-0'")).toEqual([{ user_id: 'user-0' }]);
  });

  it('writes an entry within ~100 ms, not in the request; many entries in a few transactions', async () => {
    const before = await count(db);
    const writes = jest.spyOn(t.app.get(DatabaseAccess), 'atomically');
    try {
      audit.record(entry(1));
      expect(audit.pending).toBe(1);
      expect(await count(db)).toBe(before); // nothing written yet: the request is not slowed by it
      await new Promise((r) => setTimeout(r, AUDIT_BATCHING.flushMs * 3));
      expect(await count(db)).toBe(before + 1);
      expect(writes).toHaveBeenCalledTimes(1);

      writes.mockClear();
      for (let i = 0; i < 1000; i++) audit.record(entry(i));
      await audit.flush();
      expect(await count(db)).toBe(before + 1001);
      expect(writes.mock.calls.length).toBeLessThanOrEqual(Math.ceil(1000 / AUDIT_BATCHING.maxBatch) + 1);
    } finally {
      writes.mockRestore();
    }
  });

  it('keeps entries the database refused and writes them on the next try', async () => {
    const before = await count(db);
    const access = t.app.get(DatabaseAccess);
    const once = jest
      .spyOn(access, 'atomically')
      .mockRejectedValueOnce(new Error('SQLITE_FULL: database or disk is full'));
    try {
      audit.record(entry(7));
      await audit.flush();
      expect(audit.pending).toBe(1);
      expect(await count(db)).toBe(before);
      await audit.flush();
      expect(audit.pending).toBe(0);
      expect(await count(db)).toBe(before + 1);
    } finally {
      once.mockRestore();
    }
  });

  it('masks a 12-digit number (an ИИН typed as a login) and keeps only short scalar facts', () => {
    const row = toRow(
      {
        action: 'auth.sign_in_failed',
        userId: null,
        login: '900101300017',
        address: '10.0.0.1',
        detail: { reason: 'unknown login 900101300017', nested: { a: 1 } as unknown as string },
      },
      '2026-12-01T04:00:00.000Z',
    );
    expect(row.login).toMatch(/^#[0-9a-f]{12}$/); // an unknown login: a hash of what was typed
    expect(JSON.parse(row.detail!)).toEqual({ reason: 'unknown login [скрыто]' });
    const known = toRow(
      { action: 'auth.signed_in', userId: 'u-1', login: 'ivanov900101300017', address: null },
      '2026-12-01T04:00:00.000Z',
    );
    expect(known.login).toBe('ivanov[скрыто]');
  });
});

describe('audit log at shutdown', () => {
  it('writes what it holds when the service closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mediation-audit-'));
    try {
      const path = join(dir, 'a.sqlite');
      const t = await startTestApp({ databasePath: path });
      const audit = t.app.get(BufferedAuditLog);
      for (let i = 0; i < 5; i++) audit.record(entry(i));
      expect(audit.pending).toBe(5);
      await t.close(); // no wait: the entries are still in memory
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const file = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (e) => e && reject(e));
        file.all(
          "SELECT user_id FROM audit_log WHERE user_id LIKE 'user-%' ORDER BY id",
          (e, r) => (file.close(), e ? reject(e) : resolve(r)),
        );
      });
      expect(rows).toEqual([0, 1, 2, 3, 4].map((i) => ({ user_id: `user-${i}` })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite files', () => {
  const mode = (file: string) => statSync(file).mode & 0o777;

  it('are created 0600 — the database, its WAL and shared memory — and narrowed to 0600 when found wider', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mediation-modes-'));
    try {
      const path = join(dir, 'data', 'm.sqlite');
      let t = await startTestApp({ databasePath: path });
      await t.as('lawyer').post('/api/cases').send(application()).expect(201);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file)).toBe(true);
        expect([file, mode(file).toString(8)]).toEqual([file, '600']);
      }
      expect(mode(join(dir, 'data'))).toBe(0o700);
      await t.close();

      // files left by an earlier version, readable by everyone
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        if (!existsSync(file)) writeFileSync(file, '');
        chmodSync(file, 0o644);
      }
      t = await startTestApp({ databasePath: path });
      try {
        await t.as('court').get('/api/cases').expect(200);
        for (const file of [path, `${path}-wal`, `${path}-shm`])
          expect([file, mode(file).toString(8)]).toEqual([file, '600']);
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
