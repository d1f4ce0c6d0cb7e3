import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import sqlite3 from 'sqlite3';
import type { DataSource } from 'typeorm';

export type ReadQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Read-only SQLite connections beside the writer's: sqlite3 runs statements on libuv's 4 threads; two stay free for the writer and the file system. */
const POOL_SIZE = 2;

/**
 * Where reads run, apart from writes. SQLite in WAL mode lets readers work beside its one writer: listings,
 * search and case views run on a small pool of read-only connections (`OPEN_READONLY`, `query_only`), so they
 * never queue behind the group-commit queue of the writer's connection and a write never waits for a long
 * listing. A reader sees what is committed when its statement (or `snapshot`) begins. PostgreSQL reads go
 * through TypeORM's pool, which already runs them beside writes.
 *
 * Statements use `?` placeholders on both databases. An in-memory SQLite database (one connection only) is read
 * on the writer's connection.
 */
@Injectable()
export class ReadConnection implements OnModuleDestroy {
  readonly dialect: 'sqlite' | 'postgres';
  private readonly path: string | null;
  private readonly idle: sqlite3.Database[] = [];
  private readonly waiting: ((c: sqlite3.Database) => void)[] = [];
  private opened = 0;
  private closed = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.dialect = db.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const file = db.options.type === 'sqlite' ? db.options.database : null;
    this.path = file && file !== ':memory:' ? file : null;
  }

  /** True when reads run on their own connections (a SQLite file, or PostgreSQL). */
  get separate(): boolean {
    return this.dialect === 'postgres' || this.path !== null;
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.dialect === 'postgres') return this.db.query(numbered(sql), params);
    if (!this.path) return this.db.query(sql, params);
    return this.withConnection((c) => all<T>(c, sql, params));
  }

  /** Several statements that see one committed state of the database. */
  async snapshot<T>(work: (query: ReadQuery) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') {
      return this.db.transaction('REPEATABLE READ', (em) =>
        work((sql, params = []) => em.query(numbered(sql), params)),
      );
    }
    if (!this.path) return work((sql, params = []) => this.db.query(sql, params));
    return this.withConnection(async (c) => {
      await all(c, 'BEGIN');
      try {
        return await work((sql, params = []) => all(c, sql, params));
      } finally {
        await all(c, 'COMMIT').catch(() => undefined);
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const conns = this.idle.splice(0);
    await Promise.all(conns.map((c) => new Promise<void>((resolve) => c.close(() => resolve()))));
  }

  private async withConnection<T>(work: (c: sqlite3.Database) => Promise<T>): Promise<T> {
    const c = await this.acquire();
    try {
      return await work(c);
    } finally {
      this.release(c);
    }
  }

  private async acquire(): Promise<sqlite3.Database> {
    if (this.closed) throw new Error('read connections are closed');
    const c = this.idle.pop();
    if (c) return c;
    if (this.opened < POOL_SIZE) {
      this.opened++;
      try {
        return await openReadOnly(this.path as string);
      } catch (e) {
        this.opened--;
        throw e;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(c: sqlite3.Database): void {
    const next = this.waiting.shift();
    if (next) return next(c);
    if (this.closed) {
      c.close();
      return;
    }
    this.idle.push(c);
  }
}

function openReadOnly(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const c = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      c.configure('busyTimeout', 5000);
      all(c, 'PRAGMA query_only = 1').then(() => resolve(c), reject);
    });
  });
}

function all<T>(c: sqlite3.Database, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) =>
    c.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
  );
}

/** `?` placeholders, numbered for PostgreSQL. */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
