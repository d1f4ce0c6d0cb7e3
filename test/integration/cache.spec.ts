import { DataSource } from 'typeorm';
import sqlite3 from 'sqlite3';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

function exec(path: string, sql: string): Promise<void> {
  const db = new sqlite3.Database(path);
  return new Promise((resolve, reject) => db.run(sql, (err) => db.close(() => (err ? reject(err) : resolve()))));
}

/**
 * On SQLite the service keeps the last committed row of recent cases. If something else writes the file
 * (another process, an administrator's script), the compare-and-set notices, the cached row is dropped,
 * and the event is applied to the row as it really is — or refused, when the client pinned a version.
 */
describe('the case row cache meets a write from outside', () => {
  let t: TestApp;
  let c: CaseClient;
  beforeEach(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterEach(() => t.close());

  it('retries on the fresh row without expectedVersion, and answers 409 with the real version with it', async () => {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' }); // version 2, cached
    // another writer moves the case on: the invitation goes out behind the service's back
    await exec(t.databasePath, `UPDATE cases SET version = 3 WHERE id = '${kase.id}'`);
    expect((await t.app.get(DataSource).query('SELECT version FROM cases WHERE id = ?', [kase.id]))[0].version).toBe(3);

    const pinned = await t.event(kase.id, { type: 'invitation.sent', claimId, expectedVersion: 2 });
    // the pinned version matched the cached row, so the stale cache is caught by the compare-and-set
    expect(pinned.status).toBe(409);
    expect(pinned.body).toMatchObject({ error: 'version_conflict', currentVersion: 3 });

    const fresh = await c.send(kase.id, { type: 'invitation.sent', claimId });
    expect(fresh.version).toBe(4);
  });
});
