import { mkdirSync } from 'node:fs';
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
  if (env.DATABASE_PATH !== ':memory:') mkdirSync(dirname(env.DATABASE_PATH), { recursive: true });
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

// Entities are registered here (not by glob) so that ts-jest and the built dist/ load the same list.
// Lazy so that entity files can import this module's siblings without a cycle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ENTITIES = () => (require('./entities') as typeof import('./entities')).ENTITIES;
