import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import sqlite3 from 'sqlite3';

/** A second service process on the same SQLite file: refused at start-up (its row cache would serve stale cases). */
export class SecondWriterError extends Error {}

/**
 * One service process per SQLite database file. The row cache and the group-commit queue assume this
 * process is the file's only writer; a second one would answer from a cache the first one outdates.
 *
 * The lock is SQLite's own file locking on a small companion file `<database>.lock`: the holder keeps a
 * read transaction open on it (a SHARED lock), so another process cannot take the EXCLUSIVE lock needed
 * to register itself. The operating system drops the lock when the holder dies, however it dies (SIGKILL,
 * power cut), so a crashed service never blocks the next start; the holder's PID and host are kept in the
 * file only to name it in the message. Two processes starting at the same instant both register in turn;
 * each then reads the file under its SHARED lock and only the last one registered keeps it.
 */
export class SqliteWriterLock {
  private constructor(
    private readonly conn: sqlite3.Database,
    readonly path: string,
  ) {}

  static async acquire(databasePath: string): Promise<SqliteWriterLock> {
    const path = `${databasePath}.lock`;
    const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(path, (e) => (e ? reject(e) : resolve(db)));
    });
    conn.configure('busyTimeout', 1000);
    const run = (sql: string, params: unknown[] = []) =>
      new Promise<void>((resolve, reject) => conn.run(sql, params, (e) => (e ? reject(e) : resolve())));
    const get = <T>(sql: string) =>
      new Promise<T | undefined>((resolve, reject) => conn.get(sql, (e, row) => (e ? reject(e) : resolve(row as T))));
    type Holder = { token: string; pid: number; host: string; since: string };
    const refuse = async (): Promise<never> => {
      const holder = await get<Holder>('SELECT token, pid, host, since FROM holder').catch(() => undefined);
      await new Promise((r) => conn.close(r));
      const who = holder ? `PID ${holder.pid} on ${holder.host}, running since ${holder.since}` : 'another process';
      throw new SecondWriterError(
        `The SQLite database ${databasePath} is already used by another running instance of the service (${who}). ` +
          'One service process per SQLite file: a second one would serve cases from a stale cache. ' +
          'Stop the other instance first, or run several instances on PostgreSQL (DATABASE_TYPE=postgres).',
      );
    };
    const token = randomUUID();
    try {
      await run('CREATE TABLE IF NOT EXISTS holder (token TEXT, pid INTEGER, host TEXT, since TEXT)');
      await run('BEGIN EXCLUSIVE');
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') return refuse();
      throw e;
    }
    await run('DELETE FROM holder');
    await run('INSERT INTO holder (token, pid, host, since) VALUES (?, ?, ?, ?)', [
      token,
      process.pid,
      hostname(),
      new Date().toISOString(),
    ]);
    await run('COMMIT');
    // Keep a read transaction open: its SHARED lock lasts until release() or the death of the process.
    await run('BEGIN');
    const holder = await get<Holder>('SELECT token, pid, host, since FROM holder');
    if (holder?.token !== token) {
      await run('ROLLBACK').catch(() => undefined);
      return refuse();
    }
    return new SqliteWriterLock(conn, path);
  }

  onApplicationShutdown(): Promise<void> {
    return this.release();
  }

  async release(): Promise<void> {
    await new Promise<void>((resolve) => this.conn.run('ROLLBACK', () => this.conn.close(() => resolve())));
  }
}
