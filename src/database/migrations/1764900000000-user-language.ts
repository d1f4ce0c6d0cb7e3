import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language each user reads the workplace in (kk, ru or en; issue 10): chosen on any page, remembered here so
 * that it follows him to another browser. Null until he chooses: the browser's language decides.
 */
export class UserLanguage1764900000000 implements MigrationInterface {
  name = 'UserLanguage1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN language VARCHAR(2)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN language');
  }
}
