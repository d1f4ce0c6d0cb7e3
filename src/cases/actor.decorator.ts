import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import type { Role } from '../../machines/procedure';

const ROLES: Role[] = ['mediator', 'lawyer', 'court', 'officer'];

/**
 * Who is acting. Until user accounts exist, the client declares it: `X-Actor-Role`
 * (mediator | lawyer | court | officer) and `X-Actor-Name` (URI-encoded, e.g. Cyrillic).
 * Without a role, the service uses the role that normally records the event.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const roleHeader = req.header('x-actor-role');
  if (roleHeader !== undefined && !ROLES.includes(roleHeader as Role)) {
    throw DomainError.validation([{ field: 'X-Actor-Role', rule: 'isIn', message: `Недопустимая роль; допустимы: ${ROLES.join(', ')}` }]);
  }
  let name: string | null = null;
  const raw = req.header('x-actor-name');
  if (raw) {
    try {
      name = decodeURIComponent(raw).slice(0, 200);
    } catch {
      name = raw.slice(0, 200);
    }
  }
  return { role: roleHeader as Role | undefined, name };
});
