import { Injectable } from '@nestjs/common';
import { EVENT_CATALOGUE, ROLE_LABELS } from '../../machines/catalogue';
import type { UserEventType } from '../../machines/events';
import type { Principal, UserRole } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { CaseUsers, type CaseUser } from './case-users';
import type { CaseApplication } from './domain/case-application';
import { conflictOfInterest, lawyerIdsOf } from './domain/case-access';
import type { CreateCaseDto } from './dto/create-case.dto';

type Mediator = NonNullable<CaseApplication['mediator']>;

/**
 * The people of a case: who opens it, who it is addressed to, who takes it over — each a user looked up by id
 * (CaseUsers) — and the rules on them: only the roles the event catalogue names record an event (403
 * role_not_allowed), hand-over by the current mediator or by the lawyer before acceptance, the mediator never a
 * defender or a party (conflict_of_interest). Their result is the application as amended, which says who sees
 * the case (domain/case-access.ts).
 */
@Injectable()
export class CasePeople {
  constructor(private readonly users: CaseUsers) {}

  /** 403 unless the user's role records this event (the catalogue's `roles`). */
  assertMayRecord(type: UserEventType, principal: Principal): void {
    const roles = EVENT_CATALOGUE[type].roles as readonly string[];
    if (roles.includes(principal.role)) return;
    const names = roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS].ru.toLowerCase()).join(', ');
    const message = `Событие «${EVENT_CATALOGUE[type].label.ru}» (${type}) записывает только: ${names}`;
    throw new DomainError('forbidden', message, {
      event: type,
      allowed: roles,
      errors: [{ field: 'role', rule: 'role_not_allowed', message }],
    });
  }

  /** The lawyer and the mediator of a new case, from the signed-in user and the accounts the application names. */
  async forNewCase(dto: CreateCaseDto, principal: Principal): Promise<Pick<CaseApplication, 'lawyer' | 'mediator'>> {
    const lawyerId = principal.role === 'lawyer' ? principal.userId : dto.lawyerUserId;
    const mediatorId = principal.role === 'mediator' ? principal.userId : dto.mediatorUserId;
    if (principal.role === 'lawyer' && dto.lawyerUserId !== undefined && dto.lawyerUserId !== principal.userId)
      throw field('lawyerUserId', 'opener_is_lawyer', 'Защитник, открывающий дело, сам является защитником по нему');
    if (principal.role === 'mediator' && dto.mediatorUserId !== undefined && dto.mediatorUserId !== principal.userId)
      throw field(
        'mediatorUserId',
        'opener_is_mediator',
        'Медиатор, открывающий дело, сам является медиатором по нему',
      );
    // The signed-in lawyer is who he says (authenticated); the others named, and a mediator's register entry and
    // organisation, come from the accounts.
    const lookUp = [principal.role === 'lawyer' ? undefined : lawyerId, mediatorId];
    const found = await this.users.find(lookUp.filter((v): v is string => v !== undefined));
    if (lawyerId !== undefined && principal.role !== 'lawyer') this.active(found, lawyerId, 'lawyer', 'lawyerUserId');
    const mediatorUser =
      mediatorId === undefined ? undefined : this.active(found, mediatorId, 'mediator', 'mediatorUserId');
    const lawyer: CaseApplication['lawyer'] = { ...dto.lawyer, ...(lawyerId !== undefined && { userId: lawyerId }) };
    const mediator = mediatorUser ? mediatorFrom(mediatorUser, dto.mediator) : dto.mediator && { ...dto.mediator };
    return { lawyer, mediator };
  }

  /** Refuses the application when its mediator is its lawyer or a party. */
  async assertNoConflict(app: CaseApplication): Promise<void> {
    const mediatorId = app.mediator?.userId;
    if (mediatorId === undefined) return;
    const lawyerIds = lawyerIdsOf(app);
    const found = await this.users.find([mediatorId, ...lawyerIds]);
    const person = (u: CaseUser | undefined, id: string) => ({ userId: id, iin: u?.iin ?? null });
    const refusal = conflictOfInterest(
      app,
      person(found.get(mediatorId), mediatorId),
      lawyerIds.map((id) => person(found.get(id), id)),
    );
    if (refusal) throw DomainError.rule(refusal.field, refusal.rule, refusal.message);
  }

  /**
   * The application as the event amends it (undefined: unchanged), for a user allowed to record the event on this
   * case (role and scope are checked before). Reads the accounts the event names; the conflict of interest is
   * checked on the result.
   */
  async amend(
    type: UserEventType,
    payload: Record<string, unknown>,
    principal: Principal,
    current: { application: CaseApplication; state: string },
  ): Promise<CaseApplication | undefined> {
    const app = current.application;
    let next: CaseApplication | undefined;
    switch (type) {
      case 'case.accepted': {
        // The mediator who accepts is the case's mediator (no one else sees it); his details come from his account.
        if (app.mediator?.userId !== principal.userId)
          throw field('mediator', 'not_the_mediator', 'Дело принимает медиатор, которому оно адресовано');
        const me = this.active(await this.users.find([principal.userId]), principal.userId, 'mediator', 'mediator');
        next = { ...app, mediator: mediatorFrom(me, { ...app.mediator, ...(payload.mediator as Partial<Mediator>) }) };
        break;
      }
      case 'mediator.assigned': {
        const id = payload.mediatorUserId as string;
        if (principal.role === 'lawyer' && current.state !== 'applied')
          throw DomainError.rule(
            'mediatorUserId',
            'handover_after_acceptance',
            'Защитник может сменить медиатора только до принятия дела; после принятия дело передаёт сам медиатор',
          );
        if (app.mediator?.userId === id)
          throw field('mediatorUserId', 'already_assigned', 'Дело уже ведёт этот медиатор');
        const user = this.active(await this.users.find([id]), id, 'mediator', 'mediatorUserId');
        next = { ...app, mediator: mediatorFrom(user) };
        break;
      }
      case 'lawyer.added': {
        const id = payload.lawyerUserId as string;
        if (lawyerIdsOf(app).includes(id))
          throw field('lawyerUserId', 'already_on_case', 'Этот защитник уже участвует в деле');
        const user = this.active(await this.users.find([id]), id, 'lawyer', 'lawyerUserId');
        next = { ...app, defenders: [...(app.defenders ?? []), { userId: user.id, fullName: user.fullName.ru }] };
        break;
      }
      case 'lawyer.replaced': {
        const id = payload.lawyerUserId as string;
        const leaving = (payload.replacesUserId as string | undefined) ?? principal.userId;
        if (!lawyerIdsOf(app).includes(leaving))
          throw field('replacesUserId', 'not_on_case', 'Заменяемый защитник не участвует в деле');
        if (lawyerIdsOf(app).includes(id))
          throw field('lawyerUserId', 'already_on_case', 'Этот защитник уже участвует в деле');
        const user = this.active(await this.users.find([id]), id, 'lawyer', 'lawyerUserId');
        next =
          app.lawyer.userId === leaving
            ? {
                ...app,
                lawyer: { fullName: user.fullName.ru, userId: user.id, ...(user.phone && { phone: user.phone }) },
              }
            : {
                ...app,
                defenders: (app.defenders ?? []).map((d) =>
                  d.userId === leaving ? { userId: user.id, fullName: user.fullName.ru } : d,
                ),
              };
        break;
      }
      case 'petition.filed': {
        const courtId = payload.courtId as string | undefined;
        if (courtId !== undefined && !(app.petitionCourtIds ?? []).includes(courtId))
          next = { ...app, petitionCourtIds: [...(app.petitionCourtIds ?? []), courtId] };
        break;
      }
      case 'convict.released': {
        const unit = payload.supervisionUnitId as string | undefined;
        if (unit !== undefined && unit !== app.supervisionUnitId) next = { ...app, supervisionUnitId: unit };
        break;
      }
      default:
        return undefined;
    }
    if (next && (type === 'case.accepted' || type === 'mediator.assigned' || type.startsWith('lawyer.')))
      await this.assertNoConflict(next);
    return next;
  }

  /** The user `id` if he exists, is enabled and has the role; else 400 naming the field. */
  private active(found: Map<string, CaseUser>, id: string, role: UserRole, name: string): CaseUser {
    const user = found.get(id);
    if (!user || user.disabled || user.role !== role) {
      const what = role === 'mediator' ? 'Медиатор' : 'Защитник';
      throw field(
        name,
        `unknown_${role}`,
        `${what} с таким идентификатором не найден или его учётная запись отключена`,
      );
    }
    return user;
  }
}

/**
 * The mediator as the documents name him: who he is (name, register entry, organisation) from his account; the
 * contacts printed for this case (ЗМед ст. 21 term 4) as the application or his acceptance gave them, else his
 * account's.
 */
function mediatorFrom(user: CaseUser, given?: Partial<Mediator>): Mediator {
  const phone = given?.phone ?? user.phone;
  const email = given?.email ?? user.email;
  const registry = user.registerNumber ?? given?.registry;
  const organisation = user.organisationName ?? given?.organisation;
  // A mediator's account names his organisation by its directory id: the documents print its kk/ru names.
  const organisationId = user.organisationId ?? given?.organisationId;
  return {
    fullName: user.fullName.ru,
    ...(registry && { registry }),
    ...(organisation && { organisation }),
    ...(organisationId && { organisationId }),
    ...(phone && { phone }),
    ...(email && { email }),
    userId: user.id,
  };
}

const field = (name: string, rule: string, message: string) => DomainError.validation([{ field: name, rule, message }]);
