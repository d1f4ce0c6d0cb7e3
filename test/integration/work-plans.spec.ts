import { DataSource } from 'typeorm';
import { WORK_KINDS, workStatement } from '../../src/cases/work-queries';
import { startTestApp, type TestApp } from '../support/app';

/**
 * "My work" stays fast at a million cases (issue 10): every statement of WorkQueries is an index walk on SQLite —
 * the user's own range of case_access, or the service-wide index of the kind's date probing his key — never a
 * scan of a table; and the walk for a user who sees very many cases reads the index in the order shown (no sort
 * of every case due on one day). The million bench measures it: `page my-work at 1M`.
 */
describe('my work: query plans', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const plan = async (sql: string, params: unknown[]) =>
    (await db.query<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail);

  it.each(WORK_KINDS.flatMap((kind) => [true, false].map((small) => [kind, small] as const)))(
    '%s (small scope: %s): index searches only',
    async (kind, small) => {
      const { sql, params } = workStatement(kind, 'lawyer:x', small, '2027-01-01', '2026-12-01');
      const details = await plan(sql, params);
      expect(details.length).toBeGreaterThan(0);
      for (const d of details) expect(d).not.toMatch(/^SCAN /);
      // The first table walked: the user's range (small) or the kind's index (large)
      expect(details[0]).toMatch(
        small ? /^SEARCH a USING (COVERING INDEX|PRIMARY KEY) .*key=\?/ : /^SEARCH [dis] USING/,
      );
      if (!small) expect(details.join(' | ')).not.toMatch(/TEMP B-TREE/);
    },
  );
});
