/**
 * The raw ceiling of `npm run bench` (test/bench/raw-sqlite.ts) must do the work it is compared for: a ceiling
 * that skipped writes or its compare-and-set would flatter itself and make the engine look slow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { RawSqlite, type RawCase } from '../bench/raw-sqlite';

const SCHEMA = [
  'CREATE TABLE cases (id varchar(36) PRIMARY KEY NOT NULL, number varchar(32) NOT NULL UNIQUE, procedure varchar(16) NOT NULL, state varchar(64) NOT NULL, search_text varchar(400) NOT NULL, version integer NOT NULL, machine_id varchar(64) NOT NULL, machine_version integer NOT NULL, application text NOT NULL, snapshot text NOT NULL, created_at varchar(32) NOT NULL, updated_at varchar(32) NOT NULL)',
  'CREATE TABLE case_events (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, case_id varchar(36) NOT NULL REFERENCES cases (id), seq integer NOT NULL, type varchar(64) NOT NULL, claim_id varchar(36), actor_role varchar(16) NOT NULL, actor_name varchar(200), event_date varchar(10) NOT NULL, recorded_at varchar(32) NOT NULL, payload text NOT NULL, state_before varchar(200), state_after varchar(200) NOT NULL)',
  'CREATE UNIQUE INDEX idx_case_events_case_seq ON case_events (case_id, seq)',
];

function cases(n: number): RawCase[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `case-${i}`,
    row: {
      id: `case-${i}`,
      number: `МД-2026-${i}`,
      procedure: 'parole',
      state: 'mediation',
      search_text: '',
      version: 5,
      machine_id: 'procedure',
      machine_version: 1,
      application: '{}',
      snapshot: JSON.stringify({ pad: 'x'.repeat(1000), i }),
      created_at: '2026-12-01T05:00:00.000Z',
      updated_at: '2026-12-01T05:00:00.000Z',
    },
    history: {
      type: 'session.held',
      claim_id: 'claim',
      actor_role: 'mediator',
      actor_name: null,
      event_date: '2026-12-01',
      payload: '{"form":"phone"}',
      state_before: 'mediation',
      state_after: 'mediation',
    },
  }));
}

function all<T>(path: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path);
    db.all(sql, (err, rows) => db.close(() => (err ? reject(err) : resolve(rows as T[]))));
  });
}

describe('bench: the raw SQLite ceiling', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'raw-ceiling-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([false, true])(
    'writes every event: one history row and one version each, in group commits (loadRow %s)',
    async (loadRow) => {
      const path = join(dir, 'raw.sqlite');
      const raw = await RawSqlite.open(path, { synchronous: 2, foreignKeys: 1, schema: SCHEMA, loadRow }, cases(10));
      expect(await raw.pragmas()).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1 });
      const { groups } = await raw.run(300);
      const paced = await raw.run(100, { eventByEvent: true });
      await raw.close();

      expect(groups).toBeLessThan(300 / 5); // events were grouped, not one transaction each
      expect(paced.groups).toBeLessThan(100 / 5);
      const history = await all<{ case_id: string; n: number; lo: number; hi: number }>(
        path,
        'SELECT case_id, COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM case_events GROUP BY case_id',
      );
      expect(history.reduce((s, r) => s + r.n, 0)).toBe(400);
      const rows = await all<{ id: string; version: number; snapshot: string }>(
        path,
        'SELECT id, version, snapshot FROM cases',
      );
      for (const r of rows) {
        const h = history.find((x) => x.case_id === r.id)!;
        expect([h.lo, h.hi, r.version]).toEqual([6, 5 + h.n, 5 + h.n]); // consecutive versions, none skipped
        expect(r.snapshot.length).toBeGreaterThan(1000);
      }
    },
  );

  it('fails the events of a group whose compare-and-set finds another version, and keeps none of them', async () => {
    const path = join(dir, 'raw.sqlite');
    const raw = await RawSqlite.open(
      path,
      { synchronous: 2, foreignKeys: 1, schema: SCHEMA, loadRow: false },
      cases(3),
    );
    await new Promise<void>((resolve, reject) => {
      const other = new sqlite3.Database(path);
      other.run("UPDATE cases SET version = 9 WHERE id = 'case-1'", (err) =>
        other.close(() => (err ? reject(err) : resolve())),
      );
    });
    await expect(raw.run(3)).rejects.toThrow('compare-and-set failed on case-1');
    await raw.close();
    // case-1's group (case-1 and case-2, queued while case-0's ran) is rolled back as a whole.
    expect(await all(path, "SELECT * FROM case_events WHERE case_id IN ('case-1', 'case-2')")).toEqual([]);
    expect(await all(path, "SELECT id, version FROM cases WHERE id IN ('case-1', 'case-2') ORDER BY id")).toEqual([
      { id: 'case-1', version: 9 },
      { id: 'case-2', version: 5 },
    ]);
  });
});
