import request from 'supertest';
import { Authenticator, principalOf } from '../../src/auth/authenticator';
import type { UserRole } from '../../src/auth/principal';
import { UsersService, type NewUser } from '../../src/auth/users.service';
import { IIN } from '../factories/case.factory';
import { startTestApp, type TestApp } from './app';
import { COURT_ID, POLICE_UNIT_ID, TEST_PASSWORD } from './cast';

/** The directory entries of the scope tests: the cast's court and unit, and another of each. */
export const ORG = {
  court: COURT_ID,
  unit: POLICE_UNIT_ID,
  otherCourt: 'court-almaty-bostandyk',
  otherUnit: 'police-almaty-3',
} as const;

/** The ИИН of `otherMediator`, whom `mediatorAsLawyer` is under a lawyer's account (valid control digit). */
const OTHER_MEDIATOR_IIN = '870303400013';

/**
 * Beside the cast (one user per role), the people to whom "our" case is foreign — a colleague of each role — and
 * two who are conflicted: a mediator who is the factory's convict himself (same ИИН), and a lawyer account of the
 * same person as `otherMediator`.
 */
const EXTRA = {
  otherMediator: {
    login: 'scope.mediator2',
    role: 'mediator',
    fullNameRu: 'Жанова Асель Бековна',
    registerNumber: 'ВКО-М-0091',
    organisationName: 'Палата профессиональных медиаторов ВКО',
    iin: OTHER_MEDIATOR_IIN,
  },
  otherLawyer: { login: 'scope.lawyer2', role: 'lawyer', fullNameRu: 'Сергеев Олег Иванович' },
  otherCourt: {
    login: 'scope.court2',
    role: 'court',
    fullNameRu: 'Секретарь суда Бостандыкского района',
    organisationId: ORG.otherCourt,
  },
  otherOfficer: {
    login: 'scope.officer2',
    role: 'officer',
    fullNameRu: 'Инспектор пробации Бостандыкского района',
    organisationId: ORG.otherUnit,
  },
  convictAsMediator: {
    login: 'scope.convict.mediator',
    role: 'mediator',
    fullNameRu: 'Сериков Болат Нурланович',
    registerNumber: 'ВКО-М-0005',
    iin: IIN.convict,
  },
  mediatorAsLawyer: {
    login: 'scope.mediator2.lawyer',
    role: 'lawyer',
    fullNameRu: 'Жанова Асель Бековна',
    iin: OTHER_MEDIATOR_IIN,
  },
} satisfies Record<string, Omit<NewUser, 'password'>>;

export type Member = UserRole | keyof typeof EXTRA;
/** Everyone a request may come from: a user, or no one signed in. */
export type Caller = Member | 'anonymous';

export interface ScopedApp extends Omit<TestApp, 'as'> {
  /** Requests as this caller, signed in with his personal API token (anonymous: none). */
  as(caller: Caller): {
    get(url: string): request.Test;
    post(url: string, body?: object): request.Test;
    patch(url: string, body?: object): request.Test;
    put(url: string, body?: object): request.Test;
    delete(url: string): request.Test;
  };
  idOf(member: Member): string;
  nameOf(member: Member): string;
}

/** The application with the cast signed in, and the scope tests' further users (created as an admin would). */
export async function startScopedApp(opts: Parameters<typeof startTestApp>[0] = {}): Promise<ScopedApp> {
  const t = await startTestApp(opts);
  const users = t.app.get(UsersService);
  const auth = t.app.get(Authenticator);
  const extra: Record<string, { id: string; name: string; token: string }> = {};
  for (const [member, fields] of Object.entries(EXTRA)) {
    const existing = await users.findByLogin(fields.login);
    const id =
      existing?.id ??
      (await users.create({ ...fields, password: TEST_PASSWORD }, { principal: null, address: null })).id;
    const entity = (await users.findById(id))!;
    const { token } = await auth.createToken(principalOf(entity, 'token', 'setup'), { name: 'scope' }, null);
    extra[member] = { id, name: fields.fullNameRu, token };
  }
  const tokenOf = (m: Member) => (m in extra ? extra[m].token : t.users[m as UserRole].token);
  return Object.assign({}, t, {
    as(caller: Caller) {
      const sign = (r: request.Test) =>
        caller === 'anonymous' ? r : r.set('Authorization', `Bearer ${tokenOf(caller)}`);
      return {
        get: (url: string) => sign(request(t.http).get(url)),
        post: (url: string, body?: object) => sign(request(t.http).post(url)).send(body ?? {}),
        patch: (url: string, body?: object) => sign(request(t.http).patch(url)).send(body ?? {}),
        put: (url: string, body?: object) => sign(request(t.http).put(url)).send(body ?? {}),
        delete: (url: string) => sign(request(t.http).delete(url)),
      };
    },
    idOf: (m: Member) => (m in extra ? extra[m].id : t.users[m as UserRole].id),
    nameOf: (m: Member) => (m in extra ? extra[m].name : t.users[m as UserRole].fullNameRu),
  });
}
