import sqlite3 from 'sqlite3';

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}
function get<T>(db: sqlite3.Database, sql: string): Promise<T> {
  return new Promise((resolve, reject) => db.get(sql, (err, row) => (err ? reject(err) : resolve(row as T))));
}

/**
 * The ceiling: single-row transactions straight through the sqlite3 driver, with the settings the
 * service uses (WAL, SQLite's default synchronous level, which is what TypeORM leaves in place).
 */
export async function rawSqliteRowsPerSecond(path: string, rows: number, payload: string): Promise<{ perSecond: number; synchronous: number; journal: string }> {
  const db = new sqlite3.Database(path);
  await run(db, 'PRAGMA journal_mode = WAL');
  await run(db, 'CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT, seq INTEGER, payload TEXT)');
  const { synchronous } = await get<{ synchronous: number }>(db, 'PRAGMA synchronous');
  const { journal_mode } = await get<{ journal_mode: string }>(db, 'PRAGMA journal_mode');
  for (let i = 0; i < 50; i++) await run(db, 'INSERT INTO bench (case_id, seq, payload) VALUES (?, ?, ?)', ['warm', i, payload]);
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows; i++) {
    await run(db, 'BEGIN');
    await run(db, 'INSERT INTO bench (case_id, seq, payload) VALUES (?, ?, ?)', ['c', i, payload]);
    await run(db, 'COMMIT');
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await new Promise<void>((r) => db.close(() => r()));
  return { perSecond: rows / seconds, synchronous, journal: journal_mode };
}
