import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type IndexedCase, writeCaseIndex } from '../../cases/case-index';

/**
 * The listing index (src/cases/case-index.ts): filters, keyset order, exact totals and spelling-tolerant search
 * at a million cases, on SQLite (FTS5) and PostgreSQL (pg_trgm). Backfills every existing case.
 */
export class CaseListingIndex1764200000000 implements MigrationInterface {
  name = 'CaseListingIndex1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    // seq: the order of creation, newest first in listings, and the keyset cursor. SQLite's INTEGER PRIMARY KEY
    // is the rowid, so every index on case_index ends in seq and serves "filter, newest first" by itself.
    const seq = postgres ? 'seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' : 'seq INTEGER PRIMARY KEY';
    await q.query(`CREATE TABLE case_index (
      ${seq},
      case_id VARCHAR(36) NOT NULL UNIQUE REFERENCES cases (id),
      number VARCHAR(32) NOT NULL,
      state VARCHAR(64) NOT NULL,
      court_key VARCHAR(300) NOT NULL,
      mediator_key VARCHAR(200),
      next_deadline VARCHAR(10),
      claim_states VARCHAR(400) NOT NULL,
      search_text TEXT NOT NULL,
      created_at VARCHAR(32) NOT NULL
    )`);
    // Each filter alone and with the case state, then seq: "these cases, newest first" is a walk down one index.
    for (const [name, columns] of [
      ['state', 'state'],
      ['court', 'court_key'],
      ['mediator', 'mediator_key'],
      ['deadline', 'next_deadline'],
      ['state_court', 'state, court_key'],
      ['state_mediator', 'state, mediator_key'],
      ['state_deadline', 'state, next_deadline'],
    ]) {
      await q.query(`CREATE INDEX IDX_case_index_${name} ON case_index (${columns}, seq)`);
    }
    const withoutRowid = postgres ? '' : ' WITHOUT ROWID';
    // state: the case's state again, so that "claim in state X of cases in state Y" is one index too.
    await q.query(
      `CREATE TABLE case_claim_states (claim_state VARCHAR(32) NOT NULL, seq BIGINT NOT NULL, state VARCHAR(64) NOT NULL, PRIMARY KEY (claim_state, seq))${withoutRowid}`,
    );
    await q.query('CREATE INDEX IDX_case_claim_states_state ON case_claim_states (claim_state, state, seq)');
    await q.query(
      `CREATE TABLE case_iin (iin VARCHAR(12) NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (iin, seq))${withoutRowid}`,
    );
    await q.query('CREATE TABLE case_counts (key VARCHAR(100) PRIMARY KEY, n BIGINT NOT NULL)');
    if (postgres) {
      await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await q.query('CREATE INDEX IDX_case_index_search ON case_index USING gin (search_text gin_trgm_ops)');
    } else {
      // Contentless: the folded words are only tokenised, not stored a second time. Prefix indexes make
      // "words beginning with" (what a clerk types) as fast as whole words.
      await q.query(
        "CREATE VIRTUAL TABLE case_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')",
      );
    }
    await backfill(q);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') await q.query('DROP TABLE case_fts');
    for (const t of ['case_counts', 'case_iin', 'case_claim_states', 'case_index']) await q.query(`DROP TABLE ${t}`);
  }
}

async function backfill(q: QueryRunner): Promise<void> {
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const rows = (await q.query(
      `SELECT id, number, state, application, snapshot, created_at FROM cases ORDER BY created_at, number LIMIT ${batch} OFFSET ${offset}`,
    )) as Record<string, string>[];
    for (const r of rows) {
      await writeCaseIndex(
        q.manager,
        {
          id: r.id,
          number: r.number,
          state: r.state,
          application: JSON.parse(r.application) as IndexedCase['application'],
          snapshot: JSON.parse(r.snapshot) as IndexedCase['snapshot'],
          createdAt: r.created_at,
        },
        undefined,
        undefined,
        false, // the dates of "my work" come with their own migration (1764940000000), which fills them
      );
    }
    if (rows.length < batch) return;
  }
}
