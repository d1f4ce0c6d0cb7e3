import type { UserRole } from '../auth/principal';

/**
 * The append-only audit log (issue «People and access» §7): who read which case or downloaded which document, who
 * recorded which event, signed in, failed to sign in, changed a user — with time and address. Never an ИИН, a
 * password, a token or a note's text. Implemented by the audit module; other modules inject this class as a token
 * (`@Optional()` until the audit module is wired) and call `record`.
 */
export type AuditAction =
  | 'case.read'
  | 'case.history'
  | 'case.list'
  | 'document.download'
  | 'notes.read'
  | 'event.recorded'
  | 'case.created'
  | 'auth.signed_in'
  | 'auth.sign_in_failed'
  | 'auth.signed_out'
  | 'auth.token_created'
  | 'auth.token_revoked'
  | 'user.created'
  | 'user.changed'
  | 'user.password_changed'
  | 'user.password_reset'
  | 'user.disabled'
  | 'user.enabled';

export interface AuditEntry {
  readonly action: AuditAction;
  /** The user who acted; null for an anonymous attempt (a failed sign-in). */
  readonly userId: string | null;
  /** The user's Russian full name as it is now (kept as written: a later rename does not change the log). */
  readonly userName?: string | null;
  /** The user's role as it is now. */
  readonly role?: UserRole | null;
  /** The login tried or used (a failed sign-in names the login tried; it is not a secret). */
  readonly login?: string | null;
  readonly caseId?: string | null;
  /** The user an administrator changed. */
  readonly targetUserId?: string | null;
  /** Small facts without personal data: document kind and language, event type, failure reason. */
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
  /** The client's address as the service saw it (behind a proxy: the one the proxy reported). */
  readonly address: string | null;
}

/** Every action once (the record makes the compiler check the list is complete): the search filter's values. */
const ACTIONS: Record<AuditAction, true> = {
  'case.read': true,
  'case.history': true,
  'case.list': true,
  'document.download': true,
  'notes.read': true,
  'event.recorded': true,
  'case.created': true,
  'auth.signed_in': true,
  'auth.sign_in_failed': true,
  'auth.signed_out': true,
  'auth.token_created': true,
  'auth.token_revoked': true,
  'user.created': true,
  'user.changed': true,
  'user.password_changed': true,
  'user.password_reset': true,
  'user.disabled': true,
  'user.enabled': true,
};
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as readonly AuditAction[];

export abstract class AuditLog {
  /** Appends one entry with the time of now. Never throws into the caller's request: a failure is logged. */
  abstract record(entry: AuditEntry): void | Promise<void>;
}
