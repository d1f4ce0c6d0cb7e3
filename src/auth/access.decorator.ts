import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AccessRule, AuditedAction, Principal, UserRole } from './principal';

export const ACCESS_RULE = 'access:rule';

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/**
 * Signed-in users of these roles. `caseParam`: the path parameter holding a case id — a case outside the user's
 * scope answers 404. `audit`: the audit log records each successful call.
 */
export const Allow = (
  roles: readonly UserRole[],
  options: { caseParam?: string; audit?: AuditedAction } = {},
): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'signedIn', roles, ...options } satisfies AccessRule));

/** The signed-in user (the guard has made sure there is one on every non-public route). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new Error('CurrentUser on a route without sign-in');
  return principal;
});
