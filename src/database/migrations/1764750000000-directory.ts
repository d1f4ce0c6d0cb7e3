import type { MigrationInterface, QueryRunner } from 'typeorm';
import { searchableText } from '../../directory/directory-entry';
import { searchDocument } from '../../cases/search/fold';
import { DIRECTORY_SEED } from '../../directory/seed/east-kazakhstan';

/**
 * The bilingual directory (issue 9 item 3): one row per court, penal institution, police unit, organisation of
 * mediators, bank or town; names in every grammatical form as JSON (kk/ru), address, codes. The seed
 * (src/directory/seed/east-kazakhstan.ts — editable data) is written once here; the administrator keeps the
 * directory after that.
 */
export class Directory1764750000000 implements MigrationInterface {
  name = 'Directory1764750000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.query(`CREATE TABLE directory_entries (
      id VARCHAR(36) NOT NULL PRIMARY KEY,
      kind VARCHAR(32) NOT NULL,
      names TEXT NOT NULL,
      address TEXT,
      codes TEXT NOT NULL,
      region VARCHAR(32),
      active INTEGER NOT NULL DEFAULT 1,
      note TEXT,
      search_text TEXT NOT NULL,
      version INTEGER NOT NULL,
      updated_at VARCHAR(32) NOT NULL
    )`);
    await q.query('CREATE INDEX IDX_directory_kind ON directory_entries (kind, active)');
    const at = new Date().toISOString();
    let n = 0;
    const p = () => (postgres ? `$${++n}` : '?');
    for (const e of DIRECTORY_SEED) {
      n = 0;
      await q.query(
        `INSERT INTO directory_entries (id, kind, names, address, codes, region, active, note, search_text, version, updated_at)
         VALUES (${p()}, ${p()}, ${p()}, ${p()}, ${p()}, ${p()}, 1, ${p()}, ${p()}, 1, ${p()})`,
        [
          e.id,
          e.kind,
          JSON.stringify(e.names),
          e.address ? JSON.stringify(e.address) : null,
          JSON.stringify(e.codes),
          e.region,
          e.note,
          searchDocument([searchableText(e)]),
          at,
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE directory_entries');
  }
}
