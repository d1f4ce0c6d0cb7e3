import { Injectable, Logger, Optional } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AuditLog } from '../audit/audit-log';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { DatabaseAccess } from '../workflow/database-access';
import { ApiTokenEntity, SessionEntity, UserEntity } from './auth.entities';
import { LoginThrottle } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './passwords';
import type { Principal, UserRole } from './principal';
import { recordAudit, UsersService, type CredentialsChange } from './users.service';

/** The session cookie's name. */
export const SESSION_COOKIE = 'mediation_session';
/** Personal API tokens start with this, so that a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'mbp_';

/** A resolved credential is trusted this long without asking the database (revocation in another process). */
const CACHE_MS = 5_000;
/** Last-seen (sessions) and last-used (tokens) are written at most this often per credential. */
const TOUCH_EVERY_MS = 60_000;
const CACHE_LIMIT = 10_000;

interface Cached {
  principal: Principal;
  /** performance.now() when read from the database. */
  loadedAt: number;
  kind: 'session' | 'token';
  /** Sessions: sign-in instant and last request (service clock, ms). */
  createdMs: number;
  lastSeenMs: number;
  /** When last-seen/last-used was last written (service clock, ms); -Infinity: never. */
  writtenMs: number;
}

export interface TokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** What signing in hands back: the cookie's secret value (never stored), the CSRF token and the user. */
export interface SignedIn {
  sessionSecret: string;
  csrfToken: string;
  principal: Principal;
  user: UserEntity;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Who is calling: resolves a session cookie or a bearer token to a Principal (once per request, from the Fastify
 * onRequest hook), signs in and out, and manages personal API tokens. Resolved credentials are cached for a few
 * seconds in memory: a request costs a SHA-256 and a map look-up; signing out, revoking, disabling or a password
 * change drops the cache entries in this process at once (another process notices within CACHE_MS).
 */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger('Auth');
  private readonly cache = new Map<string, Cached>();
  private readonly resolving = new Map<string, Promise<Principal | undefined>>();
  /** Counts evictions: a read that overlapped one does not fill the cache with what it read before it. */
  private evictions = 0;
  private readonly throttle = new LoginThrottle();
  private readonly idleMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly access: DatabaseAccess,
    private readonly users: UsersService,
    private readonly clock: Clock,
    env: Env,
    @Optional() private readonly audit?: AuditLog,
  ) {
    this.idleMs = env.SESSION_IDLE_MINUTES * 60_000;
    this.maxMs = env.SESSION_MAX_HOURS * 3_600_000;
    users.onCredentialsChanged((userId, change) => this.endSignIns(userId, change));
  }

  // ── per request ───────────────────────────────────────────────────────────────────────────────────────

  /**
   * The principal of a credential already resolved within the last few seconds: `null` when it is known to be
   * invalid or expired, `undefined` when the database must be asked (resolve()).
   */
  cached(kind: 'session' | 'token', secret: string): Principal | undefined {
    const key = kind[0] + sha256(secret);
    const hit = this.cache.get(key);
    if (!hit || performance.now() - hit.loadedAt > CACHE_MS) return undefined;
    return this.stillValid(key, hit) ? hit.principal : undefined;
  }

  /** Reads the credential from the database; undefined when it is unknown, ended, revoked, expired or disabled. */
  resolve(kind: 'session' | 'token', secret: string): Promise<Principal | undefined> {
    if (kind === 'token' && !secret.startsWith(TOKEN_PREFIX)) return Promise.resolve(undefined);
    const hash = sha256(secret);
    const key = kind[0] + hash;
    // Requests that arrive while the credential is being read share that one read (a busy token whose cache
    // entry lapsed would otherwise send a read per request)
    let pending = this.resolving.get(key);
    if (!pending) {
      pending = this.load(kind, hash, key).finally(() => this.resolving.delete(key));
      this.resolving.set(key, pending);
    }
    return pending;
  }

  private async load(kind: 'session' | 'token', hash: string, key: string): Promise<Principal | undefined> {
    const generation = this.evictions;
    const previous = this.cache.get(key);
    const found = await this.access.read(async (em) => {
      const credential =
        kind === 'session'
          ? await em.getRepository(SessionEntity).findOneBy({ secretHash: hash })
          : await em.getRepository(ApiTokenEntity).findOneBy({ tokenHash: hash });
      if (!credential) return null;
      const over = credential instanceof SessionEntity ? credential.endedAt : credential.revokedAt;
      if (over) return null;
      const user = await em.getRepository(UserEntity).findOneBy({ id: credential.userId });
      return user ? { credential, user } : null;
    });
    if (!found || found.user.disabledAt) {
      this.cache.delete(key);
      return undefined;
    }
    const { credential, user } = found;
    const lastUse = credential instanceof SessionEntity ? credential.lastSeenAt : credential.lastUsedAt;
    const stored = lastUse ? Date.parse(lastUse) : -Infinity;
    const entry: Cached = {
      principal: principalOf(user, kind, credential.id),
      loadedAt: performance.now(),
      kind,
      createdMs: Date.parse(credential.createdAt),
      lastSeenMs: Math.max(stored, previous?.lastSeenMs ?? -Infinity),
      writtenMs: Math.max(stored, previous?.writtenMs ?? -Infinity),
    };
    if (!this.stillValid(key, entry)) return undefined;
    // Something was signed out, revoked or changed while the row was read: answer as read, cache nothing
    if (generation !== this.evictions) return entry.principal;
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, entry);
    return entry.principal;
  }

  /** Session expiry (idle, absolute) by the service clock; notes the request as last seen / last used. */
  private stillValid(key: string, entry: Cached): boolean {
    const now = this.clock.now().getTime();
    if (entry.kind === 'session' && (now - entry.lastSeenMs > this.idleMs || now - entry.createdMs > this.maxMs)) {
      this.cache.delete(key);
      return false;
    }
    entry.lastSeenMs = Math.max(entry.lastSeenMs, now);
    if (now - entry.writtenMs >= TOUCH_EVERY_MS) {
      entry.writtenMs = now;
      this.touch(entry.kind, entry.principal.credentialId, new Date(now).toISOString());
    }
    return true;
  }

  private touch(kind: 'session' | 'token', id: string, at: string): void {
    this.access
      .atomically((em) =>
        kind === 'session'
          ? em.getRepository(SessionEntity).update({ id }, { lastSeenAt: at })
          : em.getRepository(ApiTokenEntity).update({ id }, { lastUsedAt: at }),
      )
      .catch((e: unknown) => this.logger.warn(`Could not note the last use of a ${kind}: ${(e as Error).message}`));
  }

  // ── signing in and out ────────────────────────────────────────────────────────────────────────────────

  async login(body: unknown, address: string | null): Promise<SignedIn> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const errors = [];
    if (typeof input.login !== 'string' || input.login.trim() === '')
      errors.push({ field: 'login', rule: 'required', message: 'Укажите логин' });
    if (typeof input.password !== 'string' || input.password === '')
      errors.push({ field: 'password', rule: 'required', message: 'Укажите пароль' });
    if (errors.length) throw DomainError.validation(errors);
    const login = (input.login as string).trim().slice(0, 64);
    const password = (input.password as string).slice(0, 1024);
    const nowMs = this.clock.now().getTime();
    const wait = this.throttle.retryAfter(login, address, nowMs);
    if (wait > 0) {
      this.audited('auth.sign_in_failed', null, login, address, { reason: 'throttled' });
      throw DomainError.tooManyRequests(
        'login',
        wait,
        `Слишком много неудачных попыток входа. Повторите через ${Math.ceil(wait / 60)} мин.`,
      );
    }
    const user = await this.users.findByLogin(login);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || user.disabledAt) {
      this.throttle.failed(login, address, nowMs);
      const reason = !user ? 'unknown_login' : !ok ? 'wrong_password' : 'disabled';
      this.audited('auth.sign_in_failed', user?.id ?? null, login, address, { reason });
      // One answer for every reason: the caller does not learn which logins exist or are disabled
      const message = 'Неверный логин или пароль';
      throw new DomainError('unauthenticated', message, {
        errors: [{ field: 'password', rule: 'invalid_credentials', message }],
      });
    }
    this.throttle.succeeded(login);
    const sessionSecret = randomBytes(32).toString('base64url');
    const now = new Date(nowMs).toISOString();
    const session = Object.assign(new SessionEntity(), {
      id: randomUUID(),
      userId: user.id,
      secretHash: sha256(sessionSecret),
      createdAt: now,
      lastSeenAt: now,
      endedAt: null,
    });
    await this.access.atomically((em) => em.getRepository(SessionEntity).insert(session));
    this.audited('auth.signed_in', user.id, user.login, address, { via: 'session' });
    return {
      sessionSecret,
      csrfToken: csrfTokenFor(sessionSecret),
      principal: principalOf(user, 'session', session.id),
      user,
    };
  }

  /** Ends the session of this request (a bearer request has none to end: its token stays until revoked). */
  async logout(principal: Principal, address: string | null): Promise<void> {
    if (principal.via === 'session') {
      await this.access.atomically((em) =>
        em
          .getRepository(SessionEntity)
          .update({ id: principal.credentialId }, { endedAt: this.clock.now().toISOString() }),
      );
      this.evict((c) => c.kind === 'session' && c.principal.credentialId === principal.credentialId);
    }
    this.audited('auth.signed_out', principal.userId, principal.login, address, { via: principal.via });
  }

  // ── personal API tokens ───────────────────────────────────────────────────────────────────────────────

  async createToken(
    principal: Principal,
    body: unknown,
    address: string | null,
  ): Promise<{ id: string; name: string; token: string; createdAt: string }> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const extra = Object.keys(input).filter((k) => k !== 'name');
    if (extra.length)
      throw DomainError.validation(
        extra.map((field) => ({
          field,
          rule: 'unknown_field',
          message: 'Неизвестное поле: такого поля нет в этом запросе',
        })),
      );
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name === '' || name.length > 100)
      throw DomainError.validation([
        {
          field: 'name',
          rule: name === '' ? 'required' : 'max_length',
          message:
            name === ''
              ? 'Назовите токен (например, по системе, которая будет им пользоваться)'
              : 'Не больше 100 символов',
        },
      ]);
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = Object.assign(new ApiTokenEntity(), {
      id: randomUUID(),
      userId: principal.userId,
      name,
      tokenHash: sha256(token),
      createdAt: this.clock.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.access.atomically((em) => em.getRepository(ApiTokenEntity).insert(row));
    this.audited('auth.token_created', principal.userId, principal.login, address, { tokenId: row.id });
    return { id: row.id, name, token, createdAt: row.createdAt };
  }

  async listTokens(principal: Principal): Promise<TokenView[]> {
    const rows = await this.access.read((em) =>
      em.getRepository(ApiTokenEntity).find({
        where: { userId: principal.userId },
        order: { createdAt: 'ASC' },
      }),
    );
    return rows
      .filter((t) => !t.revokedAt)
      .map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: this.lastUsed(t) }));
  }

  async revokeToken(principal: Principal, id: string, address: string | null): Promise<void> {
    const revoked = await this.access.atomically(async (em) => {
      const repo = em.getRepository(ApiTokenEntity);
      const token = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findOneBy({ id, userId: principal.userId }) : null;
      if (!token || token.revokedAt) return false;
      await repo.update({ id }, { revokedAt: this.clock.now().toISOString() });
      return true;
    });
    if (!revoked) throw DomainError.notFound('Токен', id);
    this.evict((c) => c.kind === 'token' && c.principal.credentialId === id);
    this.audited('auth.token_revoked', principal.userId, principal.login, address, { tokenId: id });
  }

  /** The last use as this process knows it (written to the database at most once a minute). */
  private lastUsed(t: ApiTokenEntity): string | null {
    for (const c of this.cache.values())
      if (c.kind === 'token' && c.principal.credentialId === t.id && Number.isFinite(c.lastSeenMs))
        return new Date(c.lastSeenMs).toISOString();
    return t.lastUsedAt;
  }

  // ── when an account changes ───────────────────────────────────────────────────────────────────────────

  /**
   * A password change or reset, or disabling: the user's sessions end (but the one he changed his own password
   * from). Any change (a role, an organisation, enabling): his cached credentials are dropped, so the next request
   * reads him afresh. Tokens are not revoked: a disabled user's tokens are refused while he stays disabled.
   */
  private async endSignIns(userId: string, change: CredentialsChange): Promise<void> {
    if (change.endSessions) {
      const now = this.clock.now().toISOString();
      await this.access.atomically(async (em) => {
        const qb = em
          .createQueryBuilder()
          .update(SessionEntity)
          .set({ endedAt: now })
          .where('user_id = :userId AND ended_at IS NULL', { userId });
        if (change.keepSessionId) qb.andWhere('id <> :keep', { keep: change.keepSessionId });
        await qb.execute();
      });
    }
    this.evict((c) => c.principal.userId === userId);
  }

  private evict(match: (c: Cached) => boolean): void {
    this.evictions++;
    for (const [key, c] of this.cache) if (match(c)) this.cache.delete(key);
  }

  private audited(
    action: 'auth.signed_in' | 'auth.sign_in_failed' | 'auth.signed_out' | 'auth.token_created' | 'auth.token_revoked',
    userId: string | null,
    login: string,
    address: string | null,
    detail?: Record<string, string>,
  ): void {
    recordAudit(this.audit, { action, userId, login, address, detail });
  }
}

/** The session cookie's options: HttpOnly, SameSite=Lax, the whole site; Secure under COOKIE_SECURE (or https). */
export function sessionCookieOptions(env: { COOKIE_SECURE: string; PUBLIC_URL: string }) {
  const secure =
    env.COOKIE_SECURE === 'true' || (env.COOKIE_SECURE === 'auto' && env.PUBLIC_URL.startsWith('https://'));
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
}

/** The CSRF token of a session: derived from its secret (not stored), so only a holder of the cookie has it. */
export function csrfTokenFor(sessionSecret: string): string {
  return createHash('sha256').update(`csrf\0${sessionSecret}`).digest('base64url');
}

export function csrfTokenMatches(sessionSecret: string, sent: string): boolean {
  const expected = Buffer.from(csrfTokenFor(sessionSecret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function principalOf(u: UserEntity, via: 'session' | 'token', credentialId: string): Principal {
  return {
    userId: u.id,
    login: u.login,
    role: u.role as UserRole,
    fullName: { kk: u.fullNameKk ?? u.fullNameRu, ru: u.fullNameRu },
    organisationId: u.organisationId,
    iin: u.iin,
    language: u.language === 'kk' || u.language === 'ru' || u.language === 'en' ? u.language : null,
    via,
    credentialId,
  };
}
