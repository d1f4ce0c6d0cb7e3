import type { Principal, UserRole } from '../../src/auth/principal';
import type { CaseUser } from '../../src/cases/case-users';

/**
 * The people of the scope tests: a mediator, a lawyer, a court, a police unit and an administrator who take part
 * in "our" case, and for each a colleague of the same role to whom the case is foreign. Organisation ids are
 * directory entries: the court the petition is filed with, the unit that supervises the parolee.
 */
export const ORG = {
  mediators: 'org-mediators-vko',
  court: 'court-ukg-city',
  otherCourt: 'court-almaty-bostandyk',
  unit: 'police-ukg-1',
  otherUnit: 'police-almaty-3',
} as const;

interface Person {
  id: string;
  role: UserRole;
  name: string;
  organisationId: string | null;
  iin: string | null;
  registerNumber?: string;
  organisationName?: string;
}

const PEOPLE = {
  mediator: {
    id: '00000000-0000-4000-8000-000000000001',
    role: 'mediator',
    name: 'Касымова Айгерім Маратқызы',
    organisationId: ORG.mediators,
    iin: '870303400011',
    registerNumber: 'Реестр профессиональных медиаторов № 77',
    organisationName: 'ОЮЛ «Палата медиаторов ВКО»',
  },
  otherMediator: {
    id: '00000000-0000-4000-8000-000000000002',
    role: 'mediator',
    name: 'Жанова Әсел Бекқызы',
    organisationId: ORG.mediators,
    iin: null,
    registerNumber: 'Реестр профессиональных медиаторов № 91',
    organisationName: 'ОЮЛ «Палата медиаторов ВКО»',
  },
  lawyer: {
    id: '00000000-0000-4000-8000-000000000003',
    role: 'lawyer',
    name: 'Иванов Пётр Сергеевич',
    organisationId: null,
    iin: null,
  },
  otherLawyer: {
    id: '00000000-0000-4000-8000-000000000004',
    role: 'lawyer',
    name: 'Сергеев Олег Иванович',
    organisationId: null,
    iin: null,
  },
  court: {
    id: '00000000-0000-4000-8000-000000000005',
    role: 'court',
    name: 'Секретарь Усть-Каменогорского городского суда',
    organisationId: ORG.court,
    iin: null,
  },
  otherCourt: {
    id: '00000000-0000-4000-8000-000000000006',
    role: 'court',
    name: 'Секретарь суда Бостандыкского района',
    organisationId: ORG.otherCourt,
    iin: null,
  },
  officer: {
    id: '00000000-0000-4000-8000-000000000007',
    role: 'officer',
    name: 'Участковый инспектор УП г. Усть-Каменогорска',
    organisationId: ORG.unit,
    iin: null,
  },
  otherOfficer: {
    id: '00000000-0000-4000-8000-000000000008',
    role: 'officer',
    name: 'Инспектор УП Бостандыкского района',
    organisationId: ORG.otherUnit,
    iin: null,
  },
  /** A mediator who is the convict of the factory's application himself (same ИИН): never its mediator. */
  convictAsMediator: {
    id: '00000000-0000-4000-8000-000000000010',
    role: 'mediator',
    name: 'Серіков Болат Нұрланұлы',
    organisationId: ORG.mediators,
    iin: '900101300017',
    registerNumber: 'Реестр профессиональных медиаторов № 5',
  },
  /** A lawyer account of the same person as the cast's mediator (same ИИН): never a defender on her case. */
  mediatorAsLawyer: {
    id: '00000000-0000-4000-8000-000000000011',
    role: 'lawyer',
    name: 'Касымова Айгерім Маратқызы',
    organisationId: null,
    iin: '870303400011',
  },
  admin: {
    id: '00000000-0000-4000-8000-000000000009',
    role: 'admin',
    name: 'Администратор',
    organisationId: null,
    iin: null,
  },
} as const satisfies Record<string, Person>;

export type CastMember = keyof typeof PEOPLE;
export const CAST_MEMBERS = Object.keys(PEOPLE) as CastMember[];

export function principalOf(member: CastMember): Principal {
  const p: Person = PEOPLE[member];
  return {
    userId: p.id,
    login: member.toLowerCase(),
    role: p.role,
    fullName: { kk: p.name, ru: p.name },
    organisationId: p.organisationId,
    iin: p.iin,
    via: 'token',
    credentialId: `token-${member}`,
  };
}

export function castUser(member: CastMember): CaseUser {
  const p: Person = PEOPLE[member];
  return {
    id: p.id,
    role: p.role,
    fullName: { kk: p.name, ru: p.name },
    iin: p.iin,
    organisationId: p.organisationId,
    organisationName: p.organisationName ?? null,
    registerNumber: p.registerNumber ?? null,
    phone: null,
    email: null,
    disabled: false,
  };
}

/** The users lookup of the cast (CaseUsers.find), for tests that run without the users table. */
export function findInCast(extra: CaseUser[] = []) {
  const all = [...CAST_MEMBERS.map(castUser), ...extra];
  return (ids: readonly string[]) =>
    Promise.resolve(new Map(all.filter((u) => ids.includes(u.id)).map((u) => [u.id, u] as [string, CaseUser])));
}
