import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error';
import type { Role } from '../../machines/procedure';

const ROLES: Role[] = ['mediator', 'lawyer', 'court', 'officer'];

/**
 * Who is acting. Until user accounts exist, the client declares it: `X-Actor-Role`
 * (mediator | lawyer | court | officer) and `X-Actor-Name` (URI-encoded, e.g. Cyrillic).
 * Without a role, the service uses the role that normally records the event.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  const roleHeader = header(req, 'x-actor-role');
  if (roleHeader !== undefined && !ROLES.includes(roleHeader as Role)) {
    throw DomainError.validation([
      { field: 'X-Actor-Role', rule: 'isIn', message: `Недопустимая роль; допустимы: ${ROLES.join(', ')}` },
    ]);
  }
  let name: string | null = null;
  const raw = header(req, 'x-actor-name');
  if (raw) {
    try {
      name = decodeURIComponent(raw).slice(0, 200);
    } catch {
      name = raw.slice(0, 200);
    }
  }
  return { role: roleHeader as Role | undefined, name };
});

/** A header's value; a header sent twice counts as its first value. */
function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
