import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  applyEvent,
  describeProcedure,
  initialProcedure,
  pendingDeadlines,
  PROCEDURE_MACHINE_ID,
  PROCEDURE_MACHINE_VERSION,
  type ProcedureDeps,
  type ProcedureEvent,
  type Role,
} from '../../machines/procedure';
import { EVENT_CATALOGUE, isEventType } from '../../machines/catalogue';
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
import { CasesRepository } from './cases.repository';
import type { CaseApplication } from './domain/case-application';
import { parseEventBody, type ParsedEvent } from './dto/case-events.dto';
import { CreateCaseDto, ListCasesQuery } from './dto/create-case.dto';
import { CaseEntity } from './entities/case.entity';

export interface Actor {
  role: Role;
  name: string | null;
}

/**
 * The procedure service: load → transition (pure machines) → compare-and-set save + history +
 * deadlines in one transaction. Nothing is written when anything fails.
 */
@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);
  private readonly deps: ProcedureDeps = procedureDeps();

  constructor(
    private readonly repo: CasesRepository,
    private readonly clock: Clock,
    private readonly eligibilityService: EligibilityService,
    private readonly queries: CaseQueries,
  ) {}

  /** Who normally records an event (the catalogue's `usualRole`), used when the request does not declare a role. */
  usualRole(type: string): Role | undefined {
    return isEventType(type) ? EVENT_CATALOGUE[type].usualRole : undefined;
  }

  async create(dto: CreateCaseDto, actor: Actor): Promise<CaseView> {
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
      claims: application.claims.map((c) => ({ id: c.id, kind: c.kind, awarded: c.amountAwarded, recovered: c.amountRecovered })),
    });
    const now = this.clock.now().toISOString();
    return this.repo.atomically(async (em) => {
      const entity = Object.assign(new CaseEntity(), {
        id: randomUUID(),
        number: await this.repo.nextCaseNumber(em, Number(today.slice(0, 4))),
        procedure: application.procedure,
        state: describeProcedure(state).state,
        searchText: '',
        version: 1,
        machineId: PROCEDURE_MACHINE_ID,
        machineVersion: PROCEDURE_MACHINE_VERSION,
        application,
        snapshot: state,
        createdAt: now,
        updatedAt: now,
      });
      entity.searchText = `${entity.number} ${application.convict.fullName}`.toLowerCase();
      await this.repo.insertCase(em, entity);
      await writeCaseIndex(em, entity);
      await this.repo.appendHistory(em, {
        caseId: entity.id,
        seq: 1,
        type: 'case.applied',
        claimId: null,
        actorRole: actor.role,
        actorName: actor.name,
        eventDate: today,
        recordedAt: now,
        payload: { procedure: application.procedure, claims: application.claims.map((c) => c.id) },
        stateBefore: null,
        stateAfter: entity.state,
      });
      await this.repo.syncDeadlines(em, entity.id, pendingDeadlines(state, this.deps));
      return caseView(entity, await this.repo.deadlinesOf(em, entity.id));
    });
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
    const entity = await this.readCase(id);
    return claimLedgerView(entity.snapshot, entity.application, claimId, this.clock.today(), this.deps.graceDays);
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
    } as never);
    const today = this.clock.today();
    const parole = result.parole;
    const mandatoryParole = describeProcedure(entity.snapshot).mandatoryParole;
    const decision = mandatoryOrDiscretionary({
      eligibleToday: !!parole?.earliestDate && parole.earliestDate <= today,
      allClaimsPaidOrWaived: mandatoryParole,
      maliciousViolations,
      discretionaryOnly: parole?.discretionaryOnly,
    });
    return { ...result, asOf: today, maliciousViolations, allClaimsPaidOrWaived: mandatoryParole, paroleDecision: { ...decision, citation: formatCitation(decision.rule) } };
  }

  /** A user's event, from the HTTP body `{ type, claimId?, expectedVersion?, ...payload }`. */
  async applyUserEvent(id: string, body: unknown, actor: { role?: Role; name: string | null }): Promise<CaseView> {
    const { type, payload, expectedVersion } = this.validateEvent(body);
    const role = actor.role ?? EVENT_CATALOGUE[type].usualRole;
    // Without expectedVersion the client asks "apply to the case as it is now": a concurrent writer (possible
    // on PostgreSQL) is not a conflict for him, so the event is tried again on the fresh state.
    return this.retryOnConflict(expectedVersion === undefined ? 3 : 1, () => this.repo.atomically(async (em) => {
      const entity = await this.mustFind(em, id);
      if (expectedVersion !== undefined && expectedVersion !== entity.version) {
        throw new DomainError('version_conflict', `Дело изменено другим пользователем: версия ${entity.version}, ожидалась ${expectedVersion}`, {
          currentVersion: entity.version,
        });
      }
      if (type === 'case.accepted' && !payload.mediator && !entity.application.mediator) {
        // Every document names the mediator (ЗМед ст. 21, 27): a case without one could print none of them.
        throw DomainError.rule('mediator', 'mediator_required', 'Укажите медиатора, принимающего дело: ФИО и запись в реестре указываются во всех документах');
      }
      return this.transitionAndSave(em, entity, { ...payload, type, actor: role }, { role, name: actor.name });
    }));
  }

  private async retryOnConflict<T>(attempts: number, work: () => Promise<T>): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await work();
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'version_conflict') || i >= attempts) throw e;
      }
    }
  }

  /**
   * The sweeper's event for a due deadline, in the same transaction that marks the deadline fired.
   * Returns false when the deadline was already fired or is no longer awaited.
   */
  async fireDeadline(deadline: { key: string; caseId: string; type: string; claimId: string | null; payload: Record<string, unknown> }): Promise<boolean> {
    return this.retryOnConflict(3, () => this.repo.atomically(async (em) => {
      const entity = await this.mustFind(em, deadline.caseId);
      const event = { ...deadline.payload, type: deadline.type, claimId: deadline.claimId ?? undefined, actor: 'system' as Role, deadlineKey: deadline.key };
      const check = applyEvent(entity.snapshot, { ...event, at: this.clock.today() } as ProcedureEvent, this.deps);
      if (!check.ok) {
        // The case moved on (e.g. the victim answered on the last day): the deadline is moot.
        await this.repo.markDeadlineCancelled(em, deadline.key);
        this.logger.log(`deadline ${deadline.type} of case ${entity.number} no longer applies (${check.error})`);
        return false;
      }
      if (!(await this.repo.markDeadlineFired(em, deadline.key, this.clock.now().toISOString()))) return false;
      await this.transitionAndSave(em, entity, event, { role: 'system', name: 'deadline sweeper' });
      return true;
    }));
  }

  private async transitionAndSave(
    em: EntityManager,
    entity: CaseEntity,
    event: Record<string, unknown> & { type: string; actor: Role },
    actor: { role: Role; name: string | null },
  ): Promise<CaseView> {
    const today = this.clock.today();
    const before = entity.snapshot;
    const stateBefore = entity.state; // the stored top-level state, the same as describeProcedure(before).state
    const { notes, ...rest } = event as Record<string, unknown> & { notes?: string };
    const procedureEvent = { ...rest, at: today } as ProcedureEvent;
    const result = applyEvent(before, procedureEvent, this.deps);
    if (!result.ok) throw refusalError(result);
    if (!result.changed) {
      return caseView(entity, await this.repo.deadlinesOf(em, entity.id)); // idempotent repeat (same payment reference)
    }
    const now = this.clock.now().toISOString();
    const expectedVersion = entity.version;
    entity.snapshot = result.state;
    entity.state = describeProcedure(result.state).state;
    entity.version = expectedVersion + 1;
    entity.updatedAt = now;
    const applicationChanged = event.type === 'case.accepted' && event.mediator !== undefined;
    if (applicationChanged) entity.application = { ...entity.application, mediator: event.mediator as CaseApplication['mediator'] };
    const payload: Record<string, unknown> = { ...rest };
    delete payload.type;
    delete payload.actor;
    delete payload.claimId;
    const planned = pendingDeadlines(result.state, this.deps);

    // On SQLite the writes of one event go out together (the connection runs them in order): one wait instead
    // of four; if the compare-and-set found a newer version, the job's savepoint undoes the rest. PostgreSQL
    // aborts a transaction at its first error, so there the compare-and-set is checked before anything else.
    const pipelined = this.repo.pipelinesWrites;
    const writes: Promise<unknown>[] = [];
    const write = async (p: Promise<unknown>) => (pipelined ? writes.push(p) : await p);
    const saved = this.repo.saveIfVersion(em, entity, expectedVersion, applicationChanged);
    const conflict = async () =>
      new DomainError('version_conflict', 'Дело изменено другим пользователем, повторите действие', { currentVersion: await this.repo.currentVersion(em, entity.id) });
    if (!pipelined && !(await saved)) throw await conflict();
    if (typeof notes === 'string' && notes.length > 0) {
      const noteId = randomUUID();
      await write(this.repo.storeNote(em, { id: noteId, caseId: entity.id, claimId: (event.claimId as string) ?? null, notes, recordedAt: now }));
      payload.notesRef = noteId; // the notes themselves never enter the history
    }
    await write(
      this.repo.appendHistory(em, {
        caseId: entity.id,
        seq: entity.version,
        type: event.type,
        claimId: (event.claimId as string | undefined) ?? null,
        actorRole: actor.role,
        actorName: actor.name,
        eventDate: today,
        recordedAt: now,
        payload,
        stateBefore,
        stateAfter: entity.state,
      }),
    );
    // Most events (a session, a payment on time) leave the awaited deadlines as they were: no need to touch them.
    if (JSON.stringify(planned) !== JSON.stringify(pendingDeadlines(before, this.deps))) {
      await write(this.repo.syncDeadlines(em, entity.id, planned));
    }
    await write(writeCaseIndex(em, entity, planned));
    if (pipelined) {
      const settled = await Promise.allSettled([saved, ...writes]);
      if (settled[0].status === 'fulfilled' && settled[0].value === false) throw await conflict();
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    }
    return caseView(entity, planned);
  }

  private validateEvent(body: unknown): ParsedEvent {
    return parseEventBody(body, this.clock.today());
  }

  private checkApplication(dto: CreateCaseDto, today: string): void {
    const errors: FieldError[] = [];
    const notFuture = (field: string, value: string) => {
      if (isAfter(value, today)) errors.push({ field, rule: 'not_in_future', message: `Дата не может быть позже сегодняшней (${today})` });
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
        errors.push({ field: 'convict.birthDate', rule: 'matches_iin', message: `Дата рождения не совпадает с ИИН (по ИИН: ${fromIin})` });
      }
    }
    dto.claims.forEach((c, i) => {
      if (c.amountRecovered > c.amountAwarded) {
        errors.push({ field: `claims[${i}].amountRecovered`, rule: 'not_above_awarded', message: 'Взысканная сумма не может превышать присуждённую' });
      }
      if (c.victim.type === 'person' && c.victim.bin !== undefined) {
        errors.push({ field: `claims[${i}].victim.bin`, rule: 'person_has_no_bin', message: 'У физического лица указывается ИИН, а не БИН' });
      }
    });
    if (errors.length) throw DomainError.validation(errors);
  }

  private async readCase(id: string): Promise<CaseEntity> {
    const entity = await this.queries.findCase(id);
    if (!entity) throw DomainError.notFound('Дело', id);
    return entity;
  }

  private async mustFind(em: EntityManager, id: string): Promise<CaseEntity> {
    const entity = await this.repo.findCase(em, id);
    if (!entity) throw DomainError.notFound('Дело', id);
    return entity;
  }
}
