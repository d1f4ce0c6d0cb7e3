import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_CATALOGUE, isEventType } from '../../machines/catalogue';
import { Authenticator, principalOf } from '../../src/auth/authenticator';
import { USER_ROLES, type Principal, type UserRole } from '../../src/auth/principal';
import { UsersService, type NewUser, type UserView } from '../../src/auth/users.service';

/** The directory entries the cast belongs to (a court, a police unit, an organisation of mediators). */
export const COURT_ID = 'court-ukg-city';
export const POLICE_UNIT_ID = 'police-ukg-1';
export const MEDIATORS_ORGANISATION_ID = 'mediators-ukg';

/** Every cast member's password (≥ 12 characters, not the login). */
export const TEST_PASSWORD = 'Тестовый пароль 2026!';

/** One user per role, as an administrator would create them. */
export const CAST: Record<UserRole, NewUser> = {
  mediator: {
    login: 'test.mediator',
    password: TEST_PASSWORD,
    role: 'mediator',
    fullNameRu: 'Абенова Гульнара Сериковна',
    fullNameKk: 'Әбенова Гүлнара Серікқызы',
    registerNumber: 'ВКО-М-0042',
    organisationId: MEDIATORS_ORGANISATION_ID,
    organisationName: 'Палата профессиональных медиаторов ВКО',
    email: 'mediator@example.kz',
  },
  lawyer: {
    login: 'test.lawyer',
    password: TEST_PASSWORD,
    role: 'lawyer',
    fullNameRu: 'Касымов Ерлан Маратович',
    organisationName: 'Коллегия адвокатов ВКО',
  },
  court: {
    login: 'test.court',
    password: TEST_PASSWORD,
    role: 'court',
    fullNameRu: 'Жумабаева Алия Каировна',
    organisationId: COURT_ID,
    organisationName: 'Усть-Каменогорский городской суд',
  },
  officer: {
    login: 'test.officer',
    password: TEST_PASSWORD,
    role: 'officer',
    fullNameRu: 'Петров Сергей Иванович',
    organisationId: POLICE_UNIT_ID,
    organisationName: 'Служба пробации УП г. Усть-Каменогорска',
  },
  admin: {
    login: 'test.admin',
    password: TEST_PASSWORD,
    role: 'admin',
    fullNameRu: 'Администратор Системы',
  },
};

export type CastMember = UserView & { token: string; password: string };

/**
 * Creates the cast through the service's own users service (or finds it, when the database was used before) and a
 * personal API token for each member.
 */
export async function createCast(app: INestApplicationContext): Promise<Record<UserRole, CastMember>> {
  const users = app.get(UsersService);
  const auth = app.get(Authenticator);
  const members = await Promise.all(
    USER_ROLES.map(async (role) => {
      const existing = await users.findByLogin(CAST[role].login);
      const id = existing?.id ?? (await users.create(CAST[role], { principal: null, address: null })).id;
      const entity = existing ?? (await users.findById(id));
      const { token } = await auth.createToken(principalOf(entity!, 'token', 'setup'), { name: 'tests' }, null);
      return [role, { ...(await users.get(id)), token, password: TEST_PASSWORD }] as const;
    }),
  );
  return Object.fromEntries(members) as Record<UserRole, CastMember>;
}

/** The role that usually records an event (the catalogue's), mediator for an unknown type. */
export function usualRoleOf(type: unknown): Exclude<UserRole, 'admin'> {
  if (typeof type === 'string' && isEventType(type)) {
    const role = EVENT_CATALOGUE[type].usualRole;
    if (role !== 'system') return role;
  }
  return 'mediator';
}

/**
 * A principal for calling services directly (benchmarks that skip HTTP): a cast member without a database row.
 * Over HTTP, tests sign in as real users (startTestApp's cast).
 */
export function principalAs(role: UserRole): Principal {
  const c = CAST[role];
  return {
    userId: `00000000-0000-4000-8000-00000000000${USER_ROLES.indexOf(role)}`,
    login: c.login,
    role,
    fullName: { kk: c.fullNameKk ?? c.fullNameRu, ru: c.fullNameRu },
    organisationId: c.organisationId ?? null,
    language: null,
    iin: null,
    via: 'token',
    credentialId: 'direct',
  };
}
