import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person who signs in: mediator, lawyer, court (a clerk or judge of one court), officer (a police unit) or admin.
 * Never deleted: a disabled account keeps its name in the history of the cases it acted on.
 */
@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** As the user typed it; unique case-insensitively through `login_key`. */
  @Column({ type: 'varchar', length: 64 })
  login: string;

  /** The login in lower case: the unique key («Ivanov» and «ivanov» are one account). */
  @Column({ type: 'varchar', length: 64, name: 'login_key' })
  loginKey: string;

  @Column({ type: 'varchar', length: 200, name: 'full_name_kk', nullable: true })
  fullNameKk: string | null;

  @Column({ type: 'varchar', length: 200, name: 'full_name_ru' })
  fullNameRu: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: string;

  /** A directory entry's id: the court, the police unit, the organisation of mediators. */
  @Column({ type: 'varchar', length: 64, name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 300, name: 'organisation_name', nullable: true })
  organisationName: string | null;

  /** A mediator's entry in the register of mediators. */
  @Column({ type: 'varchar', length: 64, name: 'register_number', nullable: true })
  registerNumber: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  iin: string | null;

  /** The language he reads the workplace in (kk, ru, en); null until he chooses one. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  /** argon2id, PHC string (parameters inside). */
  @Column({ type: 'varchar', length: 200, name: 'password_hash' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 32, name: 'disabled_at', nullable: true })
  disabledAt: string | null;

  @Column({ type: 'varchar', length: 32, name: 'created_at' })
  createdAt: string;

  @Column({ type: 'varchar', length: 32, name: 'updated_at' })
  updatedAt: string;
}

/** A signed-in browser: only the SHA-256 of the cookie's random value is stored. */
@Entity('user_sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId: string;

  @Column({ type: 'varchar', length: 64, name: 'secret_hash' })
  secretHash: string;

  @Column({ type: 'varchar', length: 32, name: 'created_at' })
  createdAt: string;

  /** Written at most once a minute per session; idle expiry counts from it. */
  @Column({ type: 'varchar', length: 32, name: 'last_seen_at' })
  lastSeenAt: string;

  /** Signed out, or ended by a password change or the account's disabling. */
  @Column({ type: 'varchar', length: 32, name: 'ended_at', nullable: true })
  endedAt: string | null;
}

/** A personal API token for integrations (`Authorization: Bearer …`): only its SHA-256 is stored. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'varchar', length: 32, name: 'created_at' })
  createdAt: string;

  /** Written at most once a minute per token. */
  @Column({ type: 'varchar', length: 32, name: 'last_used_at', nullable: true })
  lastUsedAt: string | null;

  @Column({ type: 'varchar', length: 32, name: 'revoked_at', nullable: true })
  revokedAt: string | null;
}
