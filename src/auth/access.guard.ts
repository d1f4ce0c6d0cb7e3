import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error';
import { ACCESS_RULE } from './access.decorator';
import { CaseScope } from './case-scope';
import type { AccessRule, AuthenticatedRequestFields } from './principal';

/**
 * The one gate of every route (APP_GUARD): the route's access rule (a route without one is a defect: 500 and the
 * matrix test fails), then sign-in (401), then role (403; 404 on a case route), then the case's scope (404).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() private readonly scope?: CaseScope,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new Error(`Route without an access rule: ${context.getClass().name}.${context.getHandler().name}`);
    const req = context.switchToHttp().getRequest<AuthenticatedRequestFields & { params?: Record<string, string> }>();
    if (rule.kind === 'public') {
      req.access = { rule };
      return true;
    }
    const principal = req.principal;
    if (!principal) throw DomainError.unauthenticated();
    const caseId = rule.caseParam ? req.params?.[rule.caseParam] : undefined;
    req.access = { rule, caseId };
    if (!rule.roles.includes(principal.role)) {
      // A case route answers as if the case did not exist: a role outside it learns nothing about which ids exist
      if (rule.caseParam) throw DomainError.notFound('Дело', caseId ?? '');
      throw DomainError.forbidden(principal.role);
    }
    if (caseId !== undefined && this.scope && !(await this.scope.canSee(principal, caseId)))
      throw DomainError.notFound('Дело', caseId);
    return true;
  }
}
