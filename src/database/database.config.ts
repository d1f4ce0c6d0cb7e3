import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';
import type { Env } from '../config/env';
import { MIGRATIONS } from './migrations';

/**
 * SQLite file by default (WAL, synchronous=FULL: a committed event survives a power cut);
 * PostgreSQL when DATABASE_TYPE=postgres. Schema only through migrations, never `synchronize`.
 */
export function databaseOptions(env: Pick<Env, 'DATABASE_TYPE' | 'DATABASE_PATH' | 'DATABASE_URL'>): DataSourceOptions {
  if (env.DATABASE_TYPE === 'postgres') {
    return {
      type: 'postgres',
      url: env.DATABASE_URL,
      migrations: MIGRATIONS,
      migrationsRun: true,
      synchronize: false,
      entities: ENTITIES(),
    };
  }
  if (env.DATABASE_PATH !== ':memory:') privateSqliteFiles(env.DATABASE_PATH);
  return {
    type: 'sqlite',
    database: env.DATABASE_PATH,
    enableWAL: true,
    // TypeORM calls `verbose()` on the driver, which wraps every statement to capture a stack trace
    // (~0.5 ms an event). Hand it the plain module so it cannot switch that on.
    driver: Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 }),
    busyTimeout: 5000,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    entities: ENTITIES(),
  };
}

/**
 * The SQLite file holds criminal-justice data: only the service's own user may read it. Its folder is created
 * 0700 when new; the file is created 0600 before SQLite opens it — SQLite gives the WAL and shared-memory files
 * (`-wal`, `-shm`) the mode of the database file — and files left by an earlier version with a wider mode
 * (0644) are narrowed at every start, with the writer lock's companion file.
 */
export function privateSqliteFiles(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  // created 0600 if absent, content left alone (an empty file is an empty database to SQLite)
  for (const file of [path, `${path}.lock`]) closeSync(openSync(file, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}.lock`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

// Entities are registered here (not by glob) so that ts-jest and the built dist/ load the same list.
// Lazy so that entity files can import this module's siblings without a cycle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ENTITIES = () => (require('./entities') as typeof import('./entities')).ENTITIES;
