import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { describeProcedure, initialProcedure, type ProcedureDeps, type Role } from '../../machines/procedure';
import { EVENT_CATALOGUE, isEventType, ROLE_LABELS } from '../../machines/catalogue';
import type { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError, FieldError } from '../common/domain-error';
import { isAfter } from '../common/local-date';
import { iinBirthDate, iinSex } from '../identity/domain/iin';
import { EligibilityService } from '../eligibility/eligibility.service';
import { mandatoryOrDiscretionary } from '../eligibility/domain/parole-eligibility';
import { formatCitation } from '../eligibility/domain/citation-format';
import { procedureDeps } from '../workflow/procedure-deps';
import { caseView, CaseView } from './case-view';
import { CaseQueries, type CaseListPage } from './case-queries';
import { writeCaseIndex } from './case-index';
import { claimLedgerView } from './claim-ledger';
import { refusalError } from './refusal';
import { WorkflowStore } from '../workflow/workflow.store';
import type { CaseApplication } from './domain/case-application';
import { parseEventBody, type ParsedEvent } from './dto/case-events.dto';
import { CreateCaseDto, ListCasesQuery } from './dto/create-case.dto';
import type { CaseEntity } from '../workflow/entities/case.entity';

/** The history's actor of a signed-in user: his role, his name in Russian, his id. */
function actorOf(user: Principal): { role: Role; name: string; userId: string } {
  return { role: user.role as Role, name: user.fullName.ru, userId: user.userId };
}

/**
 * The procedure service: checks what a user sends, builds the event, and has the workflow store apply it
 * (load → pure transition → compare-and-set save, history, deadlines, outbox in one transaction); views.
 */
@Injectable()
export class CasesService {
  private readonly deps: ProcedureDeps = procedureDeps();

  constructor(
    private readonly store: WorkflowStore,
    private readonly clock: Clock,
    private readonly eligibilityService: EligibilityService,
    private readonly queries: CaseQueries,
  ) {
    // The listing index (filters, counts, search) is written in the transaction of every case write.
    store.addWriteHook((em, written) =>
      writeCaseIndex(
        em,
        written.case,
        written.deadlines,
        written.previous && written.before ? { ...written.previous, snapshot: written.before } : undefined,
      ),
    );
  }

  /** Who normally records an event (the catalogue's `usualRole`). */
  usualRole(type: string): Role | undefined {
    return isEventType(type) ? EVENT_CATALOGUE[type].usualRole : undefined;
  }

  /** A lawyer or a mediator opens a case: the application event is his. */
  async create(dto: CreateCaseDto, user: Principal): Promise<CaseView> {
    const actor = actorOf(user);
    const today = this.clock.today();
    this.checkApplication(dto, today);
    const application: CaseApplication = {
      procedure: dto.procedure,
      convict: { ...dto.convict },
      sentence: {
        ...dto.sentence,
        term: { ...dto.sentence.term },
        lifeImprisonment: dto.sentence.lifeImprisonment ?? false,
        againstLifeOrHealth: dto.sentence.againstLifeOrHealth ?? false,
        pretrialDetentionDays: dto.sentence.pretrialDetentionDays ?? 0,
      },
      claims: dto.claims.map((c) => ({
        id: randomUUID(),
        kind: c.kind ?? 'victim',
        victim: { ...c.victim, representative: c.victim.representative ? { ...c.victim.representative } : undefined },
        amountAwarded: c.amountAwarded,
        amountRecovered: c.amountRecovered,
      })),
      lawyer: { ...dto.lawyer },
      mediator: dto.mediator ? { ...dto.mediator } : undefined,
      place: dto.place,
    };
    const state = initialProcedure({
      procedure: application.procedure,
      lifeImprisonment: application.sentence.lifeImprisonment,
      claims: application.claims.map((c) => ({
        id: c.id,
        kind: c.kind,
        awarded: c.amountAwarded,
        recovered: c.amountRecovered,
      })),
    });
    const saved = await this.store.create({
      application,
      state,
      actor,
      payload: { procedure: application.procedure, claims: application.claims.map((c) => c.id) },
      searchText: (number) => `${number} ${application.convict.fullName}`.toLowerCase(),
    });
    return caseView(saved.case, saved.deadlines);
  }

  // Reads run on the read connections (CaseQueries), never in the writers' queue.
  get(id: string): Promise<CaseView> {
    return this.queries.view(id);
  }

  list(query: ListCasesQuery): Promise<CaseListPage> {
    return this.queries.list(query);
  }

  history(id: string) {
    return this.queries.history(id);
  }

  /** The schedule of a claim's agreement with the payments applied (issue «Money and the law»). */
  async claimSchedule(id: string, claimId: string) {
    const { entity, payments } = await this.queries.withPayments(id);
    const own = Object.hasOwn(payments, claimId) ? payments[claimId] : [];
    return claimLedgerView(entity.snapshot, entity.application, claimId, this.clock.today(), this.deps.graceDays, own);
  }

  /**
   * When the convict of this case may petition (УК 72, 73), from the sentence as filed, and whether
   * parole would be mandatory (ч. 1 абз. 2: every claim paid or waived, no malicious violations) or
   * discretionary (абз. 1). Privileged grounds and exclusions not recorded on the case can be checked
   * with POST /api/eligibility.
   */
  async eligibility(id: string, maliciousViolations: number) {
    const entity = await this.readCase(id);
    const { sentence, convict } = entity.application;
    const result = this.eligibilityService.compute({
      term: sentence.lifeImprisonment ? undefined : sentence.term,
      lifeImprisonment: sentence.lifeImprisonment,
      termStartDate: sentence.startDate,
      pretrialDetentionDays: sentence.pretrialDetentionDays,
      gravity: sentence.gravity,
      againstLifeOrHealth: sentence.againstLifeOrHealth,
      birthDate: convict.birthDate ?? iinBirthDate(convict.iin) ?? undefined,
      sex: iinSex(convict.iin) ?? undefined,
    });
    const today = this.clock.today();
    const parole = result.parole;
    const mandatoryParole = describeProcedure(entity.snapshot).mandatoryParole;
    const decision = mandatoryOrDiscretionary({
      eligibleToday: !!parole?.earliestDate && parole.earliestDate <= today,
      allClaimsPaidOrWaived: mandatoryParole,
      maliciousViolations,
      discretionaryOnly: parole?.discretionaryOnly,
    });
    return {
      ...result,
      asOf: today,
      maliciousViolations,
      allClaimsPaidOrWaived: mandatoryParole,
      paroleDecision: { ...decision, citation: formatCitation(decision.rule) },
    };
  }

  /**
   * A user's event, from the HTTP body `{ type, claimId?, expectedVersion?, ...payload }`, recorded as the signed-in
   * user: only a role the catalogue lists for the event may record it (403 role_not_allowed naming the event).
   */
  async applyUserEvent(id: string, body: unknown, user: Principal): Promise<CaseView> {
    const actor = actorOf(user);
    // The role first: a role that may not record the event learns nothing about its payload's rules
    const declared = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
    if (typeof declared === 'string' && isEventType(declared)) {
      const allowed: readonly Role[] = EVENT_CATALOGUE[declared].roles;
      if (!allowed.includes(actor.role))
        throw DomainError.forbidden(
          actor.role,
          'role_not_allowed',
          `Событие ${declared} записывает ${allowed.map((r) => ROLE_LABELS[r].ru).join(' или ')}, а не роль «${user.role}»`,
        );
    }
    const { type, payload, expectedVersion } = this.validateEvent(body);
    const role = actor.role;
    // Without expectedVersion the client asks "apply to the case as it is now": a concurrent writer (possible
    // on PostgreSQL) is not a conflict for him, so the store tries the event again on the fresh state.
    const { notes, ...fields } = payload as Record<string, unknown> & { notes?: unknown };
    const outcome = await this.store.apply(
      id,
      (current) => {
        if (type === 'case.accepted' && !payload.mediator && !current.application.mediator) {
          // Every document names the mediator (ЗМед ст. 21, 27): a case without one could print none of them.
          throw DomainError.rule(
            'mediator',
            'mediator_required',
            'Укажите медиатора, принимающего дело: ФИО и запись в реестре указываются во всех документах',
          );
        }
        const mediator = type === 'case.accepted' ? (payload.mediator as CaseApplication['mediator']) : undefined;
        return {
          event: { ...fields, type, actor: role },
          actor,
          notes: typeof notes === 'string' ? notes : undefined,
          application: mediator !== undefined ? { ...current.application, mediator } : undefined,
        };
      },
      { expectedVersion },
    );
    if (!outcome.ok) throw refusalError(outcome.refused);
    return caseView(outcome.case, outcome.deadlines);
  }

  private validateEvent(body: unknown): ParsedEvent {
    return parseEventBody(body, this.clock.today());
  }

  private checkApplication(dto: CreateCaseDto, today: string): void {
    const errors: FieldError[] = [];
    const notFuture = (field: string, value: string) => {
      if (isAfter(value, today))
        errors.push({ field, rule: 'not_in_future', message: `Дата не может быть позже сегодняшней (${today})` });
    };
    notFuture('sentence.date', dto.sentence.date);
    notFuture('sentence.startDate', dto.sentence.startDate);
    const t = dto.sentence.term;
    if (!dto.sentence.lifeImprisonment && t.years + t.months + t.days === 0) {
      errors.push({ field: 'sentence.term', rule: 'term_positive', message: 'Срок наказания не может быть нулевым' });
    }
    if (dto.convict.birthDate) {
      const fromIin = iinBirthDate(dto.convict.iin);
      if (fromIin && fromIin !== dto.convict.birthDate) {
        errors.push({
          field: 'convict.birthDate',
          rule: 'matches_iin',
          message: `Дата рождения не совпадает с ИИН (по ИИН: ${fromIin})`,
        });
      }
    }
    dto.claims.forEach((c, i) => {
      if (c.amountRecovered > c.amountAwarded) {
        errors.push({
          field: `claims[${i}].amountRecovered`,
          rule: 'not_above_awarded',
          message: 'Взысканная сумма не может превышать присуждённую',
        });
      }
      if (c.victim.type === 'person' && c.victim.bin !== undefined) {
        errors.push({
          field: `claims[${i}].victim.bin`,
          rule: 'person_has_no_bin',
          message: 'У физического лица указывается ИИН, а не БИН',
        });
      }
    });
    if (errors.length) throw DomainError.validation(errors);
  }

  private async readCase(id: string): Promise<CaseEntity> {
    const entity = await this.queries.findCase(id);
    if (!entity) throw DomainError.notFound('Дело', id);
    return entity;
  }
}
