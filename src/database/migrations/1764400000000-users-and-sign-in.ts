import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and access: users (argon2id password hashes), sessions and personal API tokens (SHA-256 of their
 * secrets only), and the user who recorded each history event (`actor_user_id`; events recorded before sign-in
 * existed keep it null and their `actor_role`/`actor_name` as they were).
 */
export class UsersAndSignIn1764400000000 implements MigrationInterface {
  name = 'UsersAndSignIn1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id VARCHAR(36) PRIMARY KEY NOT NULL,
      login VARCHAR(64) NOT NULL,
      login_key VARCHAR(64) NOT NULL,
      full_name_kk VARCHAR(200),
      full_name_ru VARCHAR(200) NOT NULL,
      email VARCHAR(254),
      phone VARCHAR(32),
      role VARCHAR(16) NOT NULL,
      organisation_id VARCHAR(64),
      organisation_name VARCHAR(300),
      register_number VARCHAR(64),
      iin VARCHAR(12),
      password_hash VARCHAR(200) NOT NULL,
      disabled_at VARCHAR(32),
      created_at VARCHAR(32) NOT NULL,
      updated_at VARCHAR(32) NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX UQ_users_login_key ON users (login_key)');
    await q.query(`CREATE TABLE user_sessions (
      id VARCHAR(36) PRIMARY KEY NOT NULL,
      user_id VARCHAR(36) NOT NULL REFERENCES users (id),
      secret_hash VARCHAR(64) NOT NULL,
      created_at VARCHAR(32) NOT NULL,
      last_seen_at VARCHAR(32) NOT NULL,
      ended_at VARCHAR(32)
    )`);
    await q.query('CREATE UNIQUE INDEX UQ_user_sessions_secret_hash ON user_sessions (secret_hash)');
    await q.query('CREATE INDEX IDX_user_sessions_user ON user_sessions (user_id)');
    await q.query(`CREATE TABLE api_tokens (
      id VARCHAR(36) PRIMARY KEY NOT NULL,
      user_id VARCHAR(36) NOT NULL REFERENCES users (id),
      name VARCHAR(100) NOT NULL,
      token_hash VARCHAR(64) NOT NULL,
      created_at VARCHAR(32) NOT NULL,
      last_used_at VARCHAR(32),
      revoked_at VARCHAR(32)
    )`);
    await q.query('CREATE UNIQUE INDEX UQ_api_tokens_token_hash ON api_tokens (token_hash)');
    await q.query('CREATE INDEX IDX_api_tokens_user ON api_tokens (user_id)');
    await q.query('ALTER TABLE case_events ADD COLUMN actor_user_id VARCHAR(36)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_events DROP COLUMN actor_user_id');
    await q.query('DROP TABLE api_tokens');
    await q.query('DROP TABLE user_sessions');
    await q.query('DROP TABLE users');
  }
}
