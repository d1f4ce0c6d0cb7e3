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
    await db.query('CREATE TABLE t (case_id TEXT, n INTEGER)');
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

  it('a read queued behind writes sees them committed, never half', async () => {
    const w = queue.write((em) => em.query('INSERT INTO t VALUES (?, ?)', ['c', 1]));
    const r = queue.read((em) => em.query(`SELECT COUNT(*) AS c FROM t WHERE case_id = 'c'`));
    await w;
    expect(await r).toEqual([{ c: 1 }]);
  });
});
