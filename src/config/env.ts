import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Environment, validated once at start-up: a wrong value stops the service with a message naming it. */
export class Env {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /**
   * The address the service listens on. 127.0.0.1 (this machine only) for the embedded quick start; behind a
   * reverse proxy on another host, 0.0.0.0 (every interface) with TRUST_PROXY set to the proxy's address.
   */
  @IsString()
  @Matches(/^[0-9a-fA-F.:]+$|^localhost$/, { message: 'an IP address (127.0.0.1, 0.0.0.0, ::) or localhost' })
  HOST = '127.0.0.1';

  /**
   * Whom to believe about the client's address (X-Forwarded-For), so that the audit log and the rate limit see
   * the client and not the proxy: unset or `false` — nobody (the connection's address is the client's); the
   * proxy's address(es) or subnet(s), comma-separated (`127.0.0.1`, `10.0.0.0/8`); a number — that many proxies
   * in front; `true` — any sender (only when nothing but the proxy can reach the port).
   */
  @IsOptional()
  @IsString()
  @Matches(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'false, true, a number of proxies, or comma-separated proxy addresses / subnets',
  })
  TRUST_PROXY?: string;

  /** Requests one client address may send per window (RATE_LIMIT_WINDOW_SECONDS); 0 turns the limit off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt()
  @Min(0)
  RATE_LIMIT_MAX = 600;

  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @IsIn(['sqlite', 'postgres'])
  DATABASE_TYPE: 'sqlite' | 'postgres' = 'sqlite';

  /** SQLite file; its folder is created on start. */
  @IsString()
  DATABASE_PATH = 'data/mediation.sqlite';

  /** PostgreSQL connection string, used when DATABASE_TYPE=postgres. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Headless Chromium for PDF documents (Debian package `chromium`). */
  @IsString()
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** How often the deadline sweeper looks for due deadlines, in seconds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt()
  @Min(1)
  SWEEP_INTERVAL_SECONDS = 60;

  /**
   * Fixes the service clock (ISO instant) — for demonstrations and acceptance tests only,
   * e.g. stop the service with a pending deadline, move FIXED_CLOCK past it, start again.
   */
  @IsOptional()
  @IsString()
  FIXED_CLOCK?: string;

  /**
   * Issue the documents of an event (contract, agreement, invitation, termination notice) when it happens, from the
   * outbox. `false` only in tests that do not look at documents: a document is then frozen at its first download.
   */
  @IsIn(['true', 'false'])
  DOCUMENTS_ON_EVENT: 'true' | 'false' = 'true';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * The address users reach the service at (e.g. `https://mediation.example.kz`): the origin a state-changing
   * request must come from (CSRF), and, when https, the session cookie is sent only over TLS. Empty: the request's
   * own Host header is the origin, and the cookie is not marked Secure unless COOKIE_SECURE=true. Every issued
   * document's QR code encodes `<PUBLIC_URL>/verify/<id>` (empty: `http://127.0.0.1:<PORT>`, fit for a trial only).
   */
  @IsString()
  PUBLIC_URL = '';

  /**
   * The mail server reminders are sent through, e.g. `smtp://user:password@mail.example.kz:587` or `smtps://…:465`.
   * Empty: the e-mail channel is off and reminders reach users in the workplace's inbox only.
   */
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of reminder e-mails, e.g. `Медиация <noreply@mediation.example.kz>`. */
  @IsString()
  SMTP_FROM = 'Mediation <noreply@localhost>';

  /** How often the reminder dispatcher looks for due reminders, in seconds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt()
  @Min(1)
  REMINDER_POLL_SECONDS = 60;

  /** `true`: the session cookie is Secure (TLS only); `auto`: when PUBLIC_URL is https. */
  @IsIn(['auto', 'true', 'false'])
  COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  /** A session ends after this many minutes without a request. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1440)
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this many hours after sign-in, however active. */
  @Transform(({ value }) => (value === undefined || value === '' ? 12 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(720)
  SESSION_MAX_HOURS = 12;
}

export class EnvError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(new Env())) {
    const value = source[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  for (const key of ['DATABASE_URL', 'FIXED_CLOCK', 'TRUST_PROXY', 'SMTP_URL'])
    if (source[key]) picked[key] = source[key];
  const env = plainToInstance(Env, picked);
  const errors = validateSync(env, { whitelist: true });
  if (errors.length > 0) {
    // the value as it was set (a number that did not parse would otherwise print as null)
    const lines = errors.map(
      (e) =>
        `  ${e.property}=${JSON.stringify(picked[e.property] ?? e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  if (env.DATABASE_TYPE === 'postgres' && !env.DATABASE_URL) {
    throw new EnvError('Invalid environment configuration:\n  DATABASE_URL is required when DATABASE_TYPE=postgres');
  }
  if (env.FIXED_CLOCK !== undefined && Number.isNaN(Date.parse(env.FIXED_CLOCK))) {
    throw new EnvError(
      `Invalid environment configuration:\n  FIXED_CLOCK=${JSON.stringify(env.FIXED_CLOCK)}: must be an ISO date-time`,
    );
  }
  if (env.PUBLIC_URL !== '' && !/^https?:\/\/[^/\s]+\/?$/.test(env.PUBLIC_URL)) {
    throw new EnvError(
      `Invalid environment configuration:\n  PUBLIC_URL=${JSON.stringify(env.PUBLIC_URL)}: must be an origin such as https://mediation.example.kz`,
    );
  }
  return env;
}
