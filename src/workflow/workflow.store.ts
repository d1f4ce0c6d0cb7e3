import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  applyEvent,
  describeProcedure,
  pendingDeadlines,
  PROCEDURE_MACHINE_ID,
  PROCEDURE_MACHINE_VERSION,
  type ApplyResult,
  type ProcedureDeps,
  type ProcedureEvent,
  type ProcedureState,
  type Role,
} from '../../machines/procedure';
import type { CaseApplication } from '../cases/domain/case-application';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { DatabaseAccess } from './database-access';
import type { DeadlineEntity } from './deadline.entity';
import { CaseEntity } from './entities/case.entity';
import { OutboxDispatcher } from './outbox.dispatcher';
import { procedureDeps } from './procedure-deps';
import { NewOutboxRow, PlannedDeadline, WorkflowRepository } from './workflow.repository';

export type Effect = Extract<ApplyResult, { ok: true }>['effects'][number];
export type Refused = Extract<ApplyResult, { ok: false }>;
/** Who recorded an event: the signed-in user (`userId`), or the deadline service (no user). */
export type EventActor = { role: Role; name: string | null; userId?: string | null };

/** What the caller decided to record, given the case as it stands (the store supplies the date). */
export interface EventDecision {
  event: { type: string; claimId?: string; actor: Role; [field: string]: unknown };
  actor: EventActor;
  /** Confidential notes (ЗМед ст. 8): kept apart, the history holds only a reference to them. */
  notes?: string;
  /** The application as amended by this event (the mediator named when the case is accepted). */
  application?: CaseApplication;
}

export interface NewCase {
  application: CaseApplication;
  state: ProcedureState;
  actor: EventActor;
  /** The history payload of the application event. */
  payload: Record<string, unknown>;
  searchText(number: string): string;
}

type DeadlineLike = Pick<DeadlineEntity, 'type' | 'claimId' | 'dueDate'> & { status?: DeadlineEntity['status'] };
/** The case as saved; `effects` were written to the outbox in the same transaction. */
export type Saved = { ok: true; case: CaseEntity; deadlines: DeadlineLike[]; changed: boolean; effects: Effect[] };
export type Outcome = Saved | { ok: false; refused: Refused };

/** One event as written, handed to the in-transaction hooks. */
export interface WrittenEvent {
  case: CaseEntity;
  before: ProcedureState | null;
  event: EventDecision['event'];
  effects: Effect[];
  /** The deadlines the machines await after the event. */
  deadlines: PlannedDeadline[];
  /**
   * The case as it stood before the event, where a hook may compare (absent when the case is created):
   * its stored state, its application (undefined when the event amended it) and its awaited deadlines.
   */
  previous?: { state: string; application: CaseApplication | undefined; deadlines: PlannedDeadline[] };
  recordedAt: string;
  /** The day of the event (Asia/Almaty), as the machines saw it. */
  eventDate: string;
}
/**
 * Further rows an event writes in its own transaction (the payment ledger and the search index are the
 * next ones). Registered by providers of this module; they get the transaction, services never do.
 */
export type EventWriteHook = (em: EntityManager, written: WrittenEvent) => Promise<void>;
/**
 * Facts an event needs from rows kept outside the snapshot, read in the event's transaction before the
 * transition (the payment already on the ledger under a reference): fields added to the machines' event.
 */
export type EventLookup = (
  em: EntityManager,
  caseId: string,
  event: ProcedureEvent,
) => Promise<Record<string, unknown> | undefined>;

/** The same deadlines, due the same days with the same payloads (in the machines' order). */
function sameDeadlines(a: readonly PlannedDeadline[], b: readonly PlannedDeadline[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.key !== y.key || x.type !== y.type || x.claimId !== y.claimId || x.dueDate !== y.dueDate) return false;
    if (x.payload !== y.payload && JSON.stringify(x.payload) !== JSON.stringify(y.payload)) return false;
  }
  return true;
}

/** Without expectedVersion, an event is retried on the fresh case until it settles — but not forever. */
const RETRY = { attempts: 50, budgetMs: 10_000, maxDelayMs: 50 };

/**
 * The one place a case is written: load → pure transition (machines/procedure) → compare-and-set save →
 * history → deadlines → outbox, in ONE transaction; nothing is written when anything fails. The SQLite
 * group commit, write pipelining and the row cache stay inside (DatabaseAccess); callers pass a decision
 * and get the saved case or the machines' refusal back.
 */
@Injectable()
export class WorkflowStore {
  private readonly logger = new Logger(WorkflowStore.name);
  private readonly deps: ProcedureDeps = procedureDeps();
  private readonly hooks: EventWriteHook[] = [];
  private readonly lookups: EventLookup[] = [];

  constructor(
    private readonly access: DatabaseAccess,
    private readonly repo: WorkflowRepository,
    private readonly outbox: OutboxDispatcher,
    private readonly clock: Clock,
  ) {}

  /** Adds rows of an event's own (e.g. ledger rows), written in the event's transaction. */
  addWriteHook(hook: EventWriteHook): void {
    this.hooks.push(hook);
  }

  /** Adds facts read in the event's transaction before the transition (e.g. the payment ledger's idempotency). */
  addLookup(lookup: EventLookup): void {
    this.lookups.push(lookup);
  }

  /** Opens a case: number, version 1, the application event, the first deadlines. */
  async create(draft: NewCase): Promise<Saved> {
    const today = this.clock.today();
    const now = this.clock.now().toISOString();
    return this.access.atomically(async (em) => {
      const number = await this.repo.nextCaseNumber(em, Number(today.slice(0, 4)));
      const entity = Object.assign(new CaseEntity(), {
        id: randomUUID(),
        number,
        procedure: draft.application.procedure,
        state: describeProcedure(draft.state).state,
        searchText: draft.searchText(number),
        version: 1,
        machineId: PROCEDURE_MACHINE_ID,
        machineVersion: PROCEDURE_MACHINE_VERSION,
        application: draft.application,
        snapshot: draft.state,
        createdAt: now,
        updatedAt: now,
      });
      await this.repo.insertCase(em, entity);
      await this.repo.appendHistory(em, {
        caseId: entity.id,
        seq: 1,
        type: 'case.applied',
        claimId: null,
        actorRole: draft.actor.role,
        actorName: draft.actor.name,
        actorUserId: draft.actor.userId ?? null,
        eventDate: today,
        recordedAt: now,
        payload: draft.payload,
        stateBefore: null,
        stateAfter: entity.state,
      });
      const planned = pendingDeadlines(draft.state, this.deps);
      await this.repo.syncDeadlines(em, entity.id, planned);
      const event = { type: 'case.applied', actor: draft.actor.role };
      for (const hook of this.hooks)
        await hook(em, {
          case: entity,
          before: null,
          event,
          effects: [],
          deadlines: planned,
          recordedAt: now,
          eventDate: today,
        });
      return {
        ok: true as const,
        case: entity,
        deadlines: await this.repo.deadlinesOf(em, entity.id),
        changed: true,
        effects: [],
      };
    });
  }

  /**
   * Applies one event to a case. `decide` sees the case as it stands and returns the event (it may throw a
   * DomainError: nothing is written). With `expectedVersion`, a case that moved on is a 409 version_conflict;
   * without it the event is tried again on the fresh case (bounded, with jittered backoff).
   */
  async apply(
    caseId: string,
    decide: (current: CaseEntity) => EventDecision | Promise<EventDecision>,
    opts: { expectedVersion?: number } = {},
  ): Promise<Outcome> {
    const outcome = await this.retrying(opts.expectedVersion === undefined, () =>
      this.access.atomically(async (em) => {
        const entity = await this.mustFind(em, caseId);
        if (opts.expectedVersion !== undefined && opts.expectedVersion !== entity.version) {
          throw new DomainError(
            'version_conflict',
            `Дело изменено другим пользователем: версия ${entity.version}, ожидалась ${opts.expectedVersion}`,
            {
              currentVersion: entity.version,
            },
          );
        }
        const decision = await decide(entity);
        const result = applyEvent(
          entity.snapshot,
          await this.lookedUp(em, entity.id, this.procedureEvent(decision)),
          this.deps,
        );
        if (!result.ok) return { ok: false as const, refused: result };
        return this.write(em, entity, decision, result);
      }),
    );
    this.afterCommit(outcome);
    return outcome;
  }

  /**
   * The event of a due deadline, in the transaction that marks the deadline fired (a deadline fires at most
   * once). Returns false when it was already fired, or is moot (the case moved on: it is cancelled).
   */
  async fireDeadline(deadline: {
    key: string;
    caseId: string;
    type: string;
    claimId: string | null;
    payload: Record<string, unknown>;
  }): Promise<boolean> {
    const written: { outcome?: Outcome } = {};
    const fired = await this.retrying(true, () =>
      this.access.atomically(async (em) => {
        delete written.outcome;
        const entity = await this.mustFind(em, deadline.caseId);
        const decision: EventDecision = {
          event: {
            ...deadline.payload,
            type: deadline.type,
            claimId: deadline.claimId ?? undefined,
            actor: 'system',
            deadlineKey: deadline.key,
          },
          actor: { role: 'system', name: 'deadline sweeper' },
        };
        const result = applyEvent(entity.snapshot, this.procedureEvent(decision), this.deps);
        if (!result.ok) {
          // The case moved on (e.g. the victim answered on the last day): the deadline is moot.
          await this.repo.markDeadlineCancelled(em, deadline.key);
          this.logger.log(`deadline ${deadline.type} of case ${entity.number} no longer applies (${result.error})`);
          return false;
        }
        if (!(await this.repo.markDeadlineFired(em, deadline.key, this.clock.now().toISOString()))) return false;
        written.outcome = await this.write(em, entity, decision, result);
        return true;
      }),
    );
    if (written.outcome) this.afterCommit(written.outcome);
    return fired;
  }

  private procedureEvent(decision: EventDecision): ProcedureEvent {
    return { ...decision.event, at: this.clock.today() };
  }

  private async lookedUp(em: EntityManager, caseId: string, event: ProcedureEvent): Promise<ProcedureEvent> {
    for (const lookup of this.lookups) {
      const found = await lookup(em, caseId, event);
      if (found) event = { ...event, ...found };
    }
    return event;
  }

  private async mustFind(em: EntityManager, id: string): Promise<CaseEntity> {
    const entity = await this.repo.findCase(em, id, { forUpdate: true });
    if (!entity) throw DomainError.notFound('Дело', id);
    return entity;
  }

  /** Saves an accepted transition with its history, deadlines, outbox rows and hooks' rows. */
  private async write(
    em: EntityManager,
    entity: CaseEntity,
    decision: EventDecision,
    result: Extract<ApplyResult, { ok: true }>,
  ): Promise<Saved> {
    // An event that changes only the application (a hand-over: the procedure state stays) is still written.
    if (!result.changed && decision.application === undefined) {
      return {
        ok: true,
        case: entity,
        deadlines: await this.repo.deadlinesOf(em, entity.id),
        changed: false,
        effects: [],
      }; // an idempotent repeat
    }
    const { event, actor, notes } = decision;
    const today = this.clock.today();
    const now = this.clock.now().toISOString();
    const before = entity.snapshot;
    const stateBefore = entity.state; // the stored top-level state, the same as describeProcedure(before).state
    const expectedVersion = entity.version;
    entity.snapshot = result.state;
    entity.state = describeProcedure(result.state).state;
    entity.version = expectedVersion + 1;
    entity.updatedAt = now;
    const applicationChanged = decision.application !== undefined;
    if (decision.application) entity.application = decision.application;
    const payload: Record<string, unknown> = { ...event };
    delete payload.type;
    delete payload.actor;
    delete payload.claimId;
    const claimId = event.claimId ?? null;
    const planned: PlannedDeadline[] = pendingDeadlines(result.state, this.deps);
    const outboxRows: NewOutboxRow[] = result.effects.map((effect, i) => ({
      id: randomUUID(),
      caseId: entity.id,
      effectType: effect.type,
      params: ('params' in effect ? effect.params : undefined) ?? null, // generic: whatever the effect carries
      idempotencyKey: `${entity.id}:${entity.version}:${i}`,
      createdAt: new Date().toISOString(), // wall clock: the dispatcher's retries run in real time
    }));

    // On SQLite the writes of one event go out together (the connection runs them in order): one wait instead
    // of several; if the compare-and-set found a newer version, the job's savepoint undoes the rest. PostgreSQL
    // aborts a transaction at its first error, so there the compare-and-set is checked before anything else.
    const pipelined = this.access.pipelinesWrites;
    const writes: Promise<unknown>[] = [];
    const send = async (p: Promise<unknown>) => (pipelined ? writes.push(p) : await p);
    const saved = this.repo.saveIfVersion(em, entity, expectedVersion, applicationChanged);
    const conflict = async () =>
      new DomainError('version_conflict', 'Дело изменено другим пользователем, повторите действие', {
        currentVersion: await this.repo.currentVersion(em, entity.id),
      });
    if (!pipelined && !(await saved)) throw await conflict();
    if (typeof notes === 'string' && notes.length > 0) {
      const noteId = randomUUID();
      await send(
        this.repo.storeNote(em, {
          id: noteId,
          caseId: entity.id,
          claimId,
          notes,
          recordedAt: now,
          authorUserId: actor.userId ?? null,
        }),
      );
      payload.notesRef = noteId; // the notes themselves never enter the history
    }
    await send(
      this.repo.appendHistory(em, {
        caseId: entity.id,
        seq: entity.version,
        type: event.type,
        claimId,
        actorRole: actor.role,
        actorName: actor.name,
        actorUserId: actor.userId ?? null,
        eventDate: today,
        recordedAt: now,
        payload,
        stateBefore,
        stateAfter: entity.state,
      }),
    );
    await send(this.repo.insertOutbox(em, outboxRows));
    // Most events (a session, a payment on time) leave the awaited deadlines as they were: no need to touch them.
    // The deadline sync and the hooks read before they write, so they are awaited even when pipelined: a later
    // job of the group (maybe on the same case) starts only once every statement of this one has been sent.
    const previous = {
      state: stateBefore,
      application: applicationChanged ? undefined : entity.application,
      deadlines: pendingDeadlines(before, this.deps),
    };
    let late: { error: unknown } | null = null;
    try {
      if (!sameDeadlines(planned, previous.deadlines)) await this.repo.syncDeadlines(em, entity.id, planned);
      for (const hook of this.hooks)
        await hook(em, {
          case: entity,
          before,
          previous,
          event,
          effects: result.effects,
          deadlines: planned,
          recordedAt: now,
          eventDate: today,
        });
    } catch (error) {
      if (!pipelined) throw error;
      late = { error };
    }
    if (pipelined) {
      if (!late) this.access.issued();
      const settled = await Promise.allSettled([saved, ...writes]);
      if (settled[0].status === 'fulfilled' && settled[0].value === false) throw await conflict();
      if (late) throw late.error;
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    return { ok: true, case: entity, deadlines: planned, changed: true, effects: result.effects };
  }

  /** After a commit that wrote outbox rows, the dispatcher runs them (not awaited by the request). */
  private afterCommit(outcome: Outcome): void {
    if (outcome.ok && outcome.effects.length > 0) this.outbox.kick(outcome.effects.map((e) => e.type));
  }

  /**
   * Runs `work` again while it loses a compare-and-set (when `retry`), with full-jitter backoff: 100
   * concurrent payments on one claim (PostgreSQL) all get in. Bounded by attempts and a time budget.
   */
  private async retrying<T>(retry: boolean, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (e) {
        const conflict = e instanceof DomainError && e.code === 'version_conflict';
        if (!conflict || !retry || attempt >= RETRY.attempts || Date.now() - started > RETRY.budgetMs) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(RETRY.maxDelayMs, 2 ** attempt)));
      }
    }
  }
}
