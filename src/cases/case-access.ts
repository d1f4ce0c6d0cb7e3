import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseScope } from '../auth/case-scope';
import type { Principal } from '../auth/principal';
import { ReadConnection } from '../database/read-connection';
import { numbered } from './case-index';
import type { CaseApplication } from './domain/case-application';
import { accessKeysOf, principalKey } from './domain/case-access';

/**
 * The table case_access (migration 1764500000000): one row per (access key, case) — who sees the case, derived
 * from it by `accessKeysOf` and written in the transaction of every write that changes it (the store's write
 * hook), so that scope and case never disagree. Primary key (key, seq): a user's cases newest first are one
 * index range; index (case_id): the check of one case and the rewrite.
 */
export async function writeCaseAccess(
  em: EntityManager,
  kase: { id: string; application: CaseApplication },
  /** The application before the write; undefined when it was amended or the case is new (then rows are read). */
  unchanged: boolean,
): Promise<void> {
  if (unchanged) return; // most events leave the people of the case as they were: no statement
  const postgres = em.connection.options.type === 'postgres';
  const sql = (text: string) => (postgres ? numbered(text) : text);
  const keys = accessKeysOf(kase.application);
  const stored = await em.query<{ key: string; seq: number | string }[]>(
    sql('SELECT key, seq FROM case_access WHERE case_id = ?'),
    [kase.id],
  );
  const had = new Set(stored.map((r) => r.key));
  const gone = stored.filter((r) => !keys.includes(r.key as never)).map((r) => r.key);
  const added = keys.filter((k) => !had.has(k));
  if (gone.length)
    await em.query(sql(`DELETE FROM case_access WHERE case_id = ? AND key IN (${gone.map(() => '?').join(', ')})`), [
      kase.id,
      ...gone,
    ]);
  if (added.length === 0) return;
  // The listing's sort key: the seq of the case in case_index (written before, in the same transaction).
  const seq = stored.length
    ? Number(stored[0].seq)
    : Number(
        (await em.query<{ seq: number | string }[]>(sql('SELECT seq FROM case_index WHERE case_id = ?'), [kase.id]))[0]
          .seq,
      );
  await em.query(
    sql(`INSERT INTO case_access (key, seq, case_id) VALUES ${added.map(() => '(?, ?, ?)').join(', ')}`),
    added.flatMap((k) => [k, seq, kase.id]),
  );
}

/** Scope of the access guard: whether the signed-in user sees the case (false answers 404). */
@Injectable()
export class SqlCaseScope extends CaseScope {
  constructor(private readonly reads: ReadConnection) {
    super();
  }

  async canSee(principal: Principal, caseId: string): Promise<boolean> {
    const key = principalKey(principal);
    if (key === null) return false;
    const rows = await this.reads.query('SELECT 1 AS ok FROM case_access WHERE case_id = ? AND key = ?', [caseId, key]);
    return rows.length > 0;
  }
}
