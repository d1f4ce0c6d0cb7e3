import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { GroupCommitQueue } from '../../src/workflow/group-commit';

/** Writes committed together must still fail alone: one bad write never takes the others down, nor leaks. */
describe('group commit on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  let db: DataSource;
  let queue: GroupCommitQueue;

  beforeAll(async () => {
    db = new DataSource({ type: 'sqlite', database: join(dir, 'g.sqlite'), enableWAL: true });
    await db.initialize();
    // As DatabaseAccess sets it: statements run in the order sent, which pipelined writes rely on.
    (db.driver as unknown as { databaseConnection: { serialize(): void } }).databaseConnection.serialize();
    await db.query('CREATE TABLE t (case_id TEXT, n INTEGER)');
    await db.query('CREATE TABLE u (k TEXT PRIMARY KEY, n INTEGER)');
    queue = new GroupCommitQueue(db);
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits concurrent writes together; a failing one is rolled back alone and only its caller sees the error', async () => {
    const begins: string[] = [];
    const original = db.createQueryRunner.bind(db);
    jest.spyOn(db, 'createQueryRunner').mockImplementation((...args) => {
      begins.push('tx');
      return original(...args);
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        queue.write(async (em) => {
          await em.query('INSERT INTO t VALUES (?, ?)', ['a', i]);
          if (i === 5) throw new Error('invalid event');
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
    expect(results[5]).toEqual({ status: 'rejected', reason: new Error('invalid event') });
    expect(begins.length).toBeLessThanOrEqual(2); // the first write alone, the nine that queued behind it together
    jest.restoreAllMocks();
    const rows = await queue.read((em) => em.query('SELECT n FROM t ORDER BY n'));
    expect(rows.map((r: { n: number }) => r.n)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
  });

  it('a single failing write leaves nothing behind', async () => {
    await expect(
      queue.write(async (em) => {
        await em.query('INSERT INTO t VALUES (?, ?)', ['b', 1]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await queue.read((em) => em.query(`SELECT COUNT(*) AS c FROM t WHERE case_id = 'b'`))).toEqual([{ c: 0 }]);
  });

  /** Writes that send their statements, say so (`issued`), then await the results, as the workflow store does. */
  const pipelinedWrite = (statements: [string, unknown[]][], log: string[], name: string, throwFirst = false) =>
    queue.write(async (em) => {
      log.push(`start ${name}`);
      if (throwFirst) throw new Error(`refused ${name}`);
      const sent = statements.map(([sql, params]) => em.query(sql, params));
      queue.issued();
      const settled = await Promise.allSettled(sent);
      log.push(`settled ${name}`);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      return name;
    });

  it('pipelined: the next write starts before the results of the previous one are back', async () => {
    const log: string[] = [];
    await queue.write((em) => em.query('SELECT 1')); // the writes below queue up behind nothing, in one group
    const writes = Array.from({ length: 5 }, (_, i) =>
      pipelinedWrite([['INSERT INTO u VALUES (?, ?)', [`p${i}`, i]]], log, `p${i}`),
    );
    expect(await Promise.all(writes)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    // p1 started while p0 still awaited its INSERT (p0 is alone in the first group; p1…p4 go together)
    expect(log.indexOf('start p2')).toBeLessThan(log.indexOf('settled p1'));
    expect(await queue.read((em) => em.query(`SELECT k FROM u WHERE k LIKE 'p%' ORDER BY k`))).toEqual(
      ['p0', 'p1', 'p2', 'p3', 'p4'].map((k) => ({ k })),
    );
  });

  it('pipelined: a write failing after later ones were sent is rolled back alone; the later ones commit', async () => {
    await queue.write((em) => em.query(`INSERT INTO u VALUES ('taken', 0)`));
    const log: string[] = [];
    const blocker = queue.write(() => new Promise((r) => setTimeout(r, 50))); // the next writes queue into one group
    const results = await Promise.allSettled([
      blocker,
      pipelinedWrite(
        [
          ['INSERT INTO t VALUES (?, ?)', ['q', 0]],
          ['INSERT INTO u VALUES (?, ?)', ['q0', 0]],
        ],
        log,
        'q0',
      ),
      // fails late: its first statement succeeds, the second hits the primary key after q2 and q3 were sent
      pipelinedWrite(
        [
          ['INSERT INTO t VALUES (?, ?)', ['q', 1]],
          ['INSERT INTO u VALUES (?, ?)', ['taken', 1]],
        ],
        log,
        'q1',
      ),
      pipelinedWrite(
        [
          ['INSERT INTO t VALUES (?, ?)', ['q', 2]],
          ['INSERT INTO u VALUES (?, ?)', ['q2', 2]],
        ],
        log,
        'q2',
      ),
      pipelinedWrite([['INSERT INTO t VALUES (?, ?)', ['q', 3]]], log, 'q3', true), // refused before sending anything
      pipelinedWrite(
        [
          ['INSERT INTO t VALUES (?, ?)', ['q', 4]],
          ['INSERT INTO u VALUES (?, ?)', ['q4', 4]],
        ],
        log,
        'q4',
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect((results[4] as PromiseRejectedResult).reason).toEqual(new Error('refused q3'));
    expect(log.indexOf('start q2')).toBeLessThan(log.indexOf('settled q1')); // q2 was indeed sent before q1 failed
    const rows = await queue.read((em) => em.query(`SELECT n FROM t WHERE case_id = 'q' ORDER BY n`));
    expect(rows.map((r: { n: number }) => r.n)).toEqual([0, 2, 4]);
    const keys = await queue.read((em) => em.query(`SELECT k FROM u WHERE k LIKE 'q%' ORDER BY k`));
    expect(keys.map((r: { k: string }) => r.k)).toEqual(['q0', 'q2', 'q4']);
  });

  it('a read queued behind writes sees them committed, never half', async () => {
    const w = queue.write((em) => em.query('INSERT INTO t VALUES (?, ?)', ['c', 1]));
    const r = queue.read((em) => em.query(`SELECT COUNT(*) AS c FROM t WHERE case_id = 'c'`));
    await w;
    expect(await r).toEqual([{ c: 1 }]);
  });
});
