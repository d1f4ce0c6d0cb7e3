import type { ValueTransformer } from 'typeorm';

/** JSON kept in a TEXT column, the same on SQLite and PostgreSQL. */
export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null || value === undefined ? value : (JSON.parse(value) as unknown)),
};
