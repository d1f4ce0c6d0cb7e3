/**
 * Who is signed in. Set on the request by authentication (session cookie or bearer token) before any guard runs;
 * absent for an anonymous caller. Pure data: no framework imports.
 */
export const USER_ROLES = ['mediator', 'lawyer', 'court', 'officer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The roles that take part in a case's procedure (admin manages users and reference data, not cases). */
export const CASE_ROLES = ['mediator', 'lawyer', 'court', 'officer'] as const satisfies readonly UserRole[];
export type CaseRole = (typeof CASE_ROLES)[number];

export interface Principal {
  readonly userId: string;
  readonly login: string;
  readonly role: UserRole;
  readonly fullName: { readonly kk: string; readonly ru: string };
  /**
   * The organisation the user acts for: a court (court), a police unit (officer), an organisation of mediators
   * (mediator); a directory entry's id. Court and officer scope follow it.
   */
  readonly organisationId: string | null;
  /** The user's ИИН when known (conflict of interest: a mediator cannot be a party). Never logged. */
  readonly iin: string | null;
  /** The language he chose for the workplace (kk, ru, en); null: the browser's language decides. */
  readonly language: 'kk' | 'ru' | 'en' | null;
  /** How the request was authenticated: a bearer request needs no CSRF token. */
  readonly via: 'session' | 'token';
  /** The session or token row that authenticated the request. */
  readonly credentialId: string;
}

/** The request fields the auth layer sets (Fastify request decoration). */
export interface AuthenticatedRequestFields {
  principal?: Principal;
  /** The access rule of the matched route and the case it addressed, for the audit hook. */
  access?: { rule: AccessRule; caseId?: string };
}

/**
 * The access rule of a route: every route has exactly one (a route without one is refused, and the role × route
 * matrix test fails on it).
 *  - `public`: anyone, signed in or not (health, login, the public document check).
 *  - `signedIn`: any signed-in user whose role is in `roles`; with `caseParam`, the route addresses the case whose
 *    id is that path parameter, and a case outside the user's scope answers 404 as if it did not exist.
 *  - `audit`: what the audit log records for a successful call (reads of personal data, downloads, events, a new
 *    case).
 */
export type AccessRule =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'signedIn';
      readonly roles: readonly UserRole[];
      readonly caseParam?: string;
      readonly audit?: AuditedAction;
    };

export type AuditedAction =
  'case.read' | 'case.history' | 'case.list' | 'document.download' | 'notes.read' | 'event.recorded' | 'case.created';
