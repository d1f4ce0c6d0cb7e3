import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { describeProcedure, initialProcedure, type ProcedureDeps, type Role } from '../../machines/procedure';
import { isUserEventType } from '../../machines/catalogue';
import type { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { isAfter } from '../common/local-date';
import { iinBirthDate, iinSex } from '../identity/domain/iin';
import { EligibilityService } from '../eligibility/eligibility.service';
import { mandatoryOrDiscretionary } from '../eligibility/domain/parole-eligibility';
import { formatCitation } from '../eligibility/domain/citation-format';
import { procedureDeps } from '../workflow/procedure-deps';
import { caseView, CaseView } from './case-view';
import { CaseQueries, type CaseListPage } from './case-queries';
import { writeCaseIndex } from './case-index';
import { writeCaseAccess } from './case-access';
import { CasePeople } from './case-people';
import { principalKey } from './domain/case-access';
import { claimLedgerView } from './claim-ledger';
import { refusalError } from './refusal';
import { WorkflowStore, type EventActor } from '../workflow/workflow.store';
import type { CaseApplication } from './domain/case-application';
import { parseEventBody, type ParsedEvent } from './dto/case-events.dto';
import { CreateCaseDto, ListCasesQuery } from './dto/create-case.dto';
import type { CaseEntity } from '../workflow/entities/case.entity';
import { DirectoryService, type DirectoryRef } from '../directory/directory.service';
import type { DirectoryEntries } from '../directory/directory-entry';

/**
 * Something the user may want to fix although the request was accepted: a name typed as text where the directory
 * has entries (a Kazakh document then prints the typed — usually Russian — name).
 */
export interface Warning {
  field: string;
  rule: string;
  message: string;
}

/** Text typed where the directory should have been used: the field, its id field, what kind of entry. */
const FREE_TEXT_FIELDS: ReadonlyArray<{ field: string; idField: string; what: string }> = [
  { field: 'sentence.court', idField: 'sentence.courtId', what: 'Суд' },
  { field: 'convict.institution', idField: 'convict.institutionId', what: 'Учреждение' },
  { field: 'mediator.organisation', idField: 'mediator.organisationId', what: 'Организация медиаторов' },
  { field: 'place', idField: 'placeId', what: 'Место' },
];

/** Warnings for the names typed as text instead of chosen from the directory. */
export function freeTextWarnings(app: {
  sentence?: Partial<CaseApplication['sentence']>;
  convict?: Partial<CaseApplication['convict']>;
  mediator?: CaseApplication['mediator'];
  place?: string;
  placeId?: string;
}): Warning[] {
  // JSON null is as good as absent here (optional fields accept it).
  const present: Record<string, [string | null | undefined, string | null | undefined]> = {
    'sentence.court': [app.sentence?.court, app.sentence?.courtId],
    'convict.institution': [app.convict?.institution, app.convict?.institutionId],
    'mediator.organisation': [app.mediator?.organisation, app.mediator?.organisationId],
    place: [app.place, app.placeId],
  };
  return FREE_TEXT_FIELDS.filter(({ field }) => {
    const [text, id] = present[field];
    return (id === undefined || id === null) && typeof text === 'string' && text.trim() !== '';
  }).map(({ field, idField, what }) => ({
    field,
    rule: 'free_text_instead_of_directory',
    message: `${what} указан(о) текстом, а не выбран(о) из справочника (${idField}): документы на казахском и русском языках напечатают этот текст как есть`,
  }));
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
    private readonly people: CasePeople,
    private readonly directory: DirectoryService,
  ) {
    // The listing index (filters, counts, search) and who sees the case are written in the transaction of every
    // case write, in this order (case_access takes the case's listing seq from case_index).
    store.addWriteHook(async (em, written) => {
      await writeCaseIndex(
        em,
        written.case,
        written.deadlines,
        written.previous && written.before ? { ...written.previous, snapshot: written.before } : undefined,
      );
      await writeCaseAccess(em, written.case, written.previous?.application !== undefined);
    });
  }

  /** Opens a case: the signed-in lawyer (or mediator) is its lawyer (mediator); see CasePeople.forNewCase. */
  async create(dto: CreateCaseDto, principal: Principal): Promise<CaseView & { warnings: Warning[] }> {
    const today = this.clock.today();
    const found = await this.checkApplication(dto, today);
    if (principal.role !== 'lawyer' && principal.role !== 'mediator') throw DomainError.forbidden(principal.role);
    const { lawyer, mediator } = await this.people.forNewCase(dto, principal);
    // With an id the text is the directory's Russian name: listings filter and search on it.
    const ru = (id: string | undefined, text: string | undefined): string | undefined =>
      id && Object.hasOwn(found, id) ? found[id].names.ru.nominative : text;
    const application: CaseApplication = {
      procedure: dto.procedure,
      convict: {
        ...dto.convict,
        institution: ru(dto.convict.institutionId, dto.convict.institution) ?? '',
        identityDocument: dto.convict.identityDocument ? { ...dto.convict.identityDocument } : undefined,
      },
      sentence: {
        ...dto.sentence,
        court: ru(dto.sentence.courtId, dto.sentence.court) ?? '',
        term: { ...dto.sentence.term },
        lifeImprisonment: dto.sentence.lifeImprisonment ?? false,
        againstLifeOrHealth: dto.sentence.againstLifeOrHealth ?? false,
        pretrialDetentionDays: dto.sentence.pretrialDetentionDays ?? 0,
      },
      claims: dto.claims.map((c) => ({
        id: randomUUID(),
        kind: c.kind ?? 'victim',
        victim: {
          ...c.victim,
          identityDocument: c.victim.identityDocument ? { ...c.victim.identityDocument } : undefined,
          representative: c.victim.representative
            ? {
                ...c.victim.representative,
                powerOfAttorney: c.victim.representative.powerOfAttorney
                  ? { ...c.victim.representative.powerOfAttorney }
                  : undefined,
                identityDocument: c.victim.representative.identityDocument
                  ? { ...c.victim.representative.identityDocument }
                  : undefined,
              }
            : undefined,
        },
        amountAwarded: c.amountAwarded,
        amountRecovered: c.amountRecovered,
      })),
      lawyer,
      mediator: mediator && {
        ...mediator,
        organisation: ru(mediator.organisationId, mediator.organisation),
      },
      place: ru(dto.placeId, dto.place),
      placeId: dto.placeId,
    };
    await this.people.assertNoConflict(application);
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
      actor: actorOf(principal),
      payload: { procedure: application.procedure, claims: application.claims.map((c) => c.id) },
      searchText: (number) => `${number} ${application.convict.fullName}`.toLowerCase(),
    });
    return { ...caseView(saved.case, saved.deadlines), warnings: freeTextWarnings(application) };
  }

  // Reads run on the read connections (CaseQueries), never in the writers' queue.
  get(id: string): Promise<CaseView> {
    return this.queries.view(id);
  }

  /** The cases the user sees (none for an administrator), filtered and paged in SQL. */
  list(query: ListCasesQuery, principal: Principal): Promise<CaseListPage> {
    return this.queries.list(query, principalKey(principal));
  }

  /**
   * Session notes of a case written by this user (ЗМед ст. 8): a mediator reads back his own notes; anyone else,
   * including the mediator who took the case over, gets an empty list.
   */
  notes(id: string, principal: Principal) {
    return this.queries.notes(id, principal.userId);
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

  /** A user's event, from the HTTP body `{ type, claimId?, expectedVersion?, ...payload }`. */
  async applyUserEvent(id: string, body: unknown, principal: Principal): Promise<CaseView & { warnings?: Warning[] }> {
    // The role first: a role that may not record the event learns nothing about its payload's rules.
    const declared = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
    if (isUserEventType(declared)) this.people.assertMayRecord(declared, principal);
    const { type, payload, expectedVersion } = this.validateEvent(body);
    const role = principal.role as Role;
    // Without expectedVersion the client asks "apply to the case as it is now": a concurrent writer (possible
    // on PostgreSQL) is not a conflict for him, so the store tries the event again on the fresh state.
    const { notes, ...fields } = payload as Record<string, unknown> & { notes?: unknown };
    const accepting = type === 'case.accepted' ? (payload.mediator as CaseApplication['mediator']) : undefined;
    let warnings: Warning[] = [];
    if (accepting) {
      // The mediator named on acceptance: his organisation from the directory, as on an application.
      const { errors, found } = await this.directory.check([
        { field: 'mediator.organisationId', id: accepting.organisationId, kind: 'mediators_organisation' },
      ]);
      if (errors.length) throw DomainError.validation(errors);
      if (accepting.organisationId) accepting.organisation = found[accepting.organisationId].names.ru.nominative;
      else warnings = freeTextWarnings({ mediator: accepting });
    }
    const paymentDetails =
      type === 'agreement.signed'
        ? (payload as { terms?: { paymentDetails?: { bank?: string; bankId?: string } } }).terms?.paymentDetails
        : undefined;
    if (paymentDetails) {
      // The victim's bank from the directory: its Russian name is kept as the text, the documents print both.
      const field = 'terms.paymentDetails.bankId';
      const { errors, found } = await this.directory.check([{ field, id: paymentDetails.bankId, kind: 'bank' }]);
      if (errors.length) throw DomainError.validation(errors);
      if (paymentDetails.bankId) paymentDetails.bank = found[paymentDetails.bankId].names.ru.nominative;
      else if (paymentDetails.bank?.trim())
        warnings.push({
          field: 'terms.paymentDetails.bank',
          rule: 'free_text_instead_of_directory',
          message: `Банк указан текстом, а не выбран из справочника (${field}): документы на казахском и русском языках напечатают этот текст как есть`,
        });
    }
    const outcome = await this.store.apply(
      id,
      async (current) => ({
        event: { ...fields, type, actor: role },
        actor: actorOf(principal),
        notes: typeof notes === 'string' ? notes : undefined,
        // Who sees the case follows from the application: the mediator accepting or taking over, the lawyers,
        // the court the petition goes to, the unit that supervises the parolee.
        application: await this.people.amend(type, payload, principal, current),
      }),
      { expectedVersion },
    );
    if (!outcome.ok) throw refusalError(outcome.refused);
    const view = caseView(outcome.case, outcome.deadlines);
    return warnings.length ? { ...view, warnings } : view;
  }

  private validateEvent(body: unknown): ParsedEvent {
    return parseEventBody(body, this.clock.today());
  }

  /** Rules across fields and the directory references; returns the directory entries referred to. */
  private async checkApplication(dto: CreateCaseDto, today: string): Promise<DirectoryEntries> {
    const refs: DirectoryRef[] = [
      { field: 'sentence.courtId', id: dto.sentence.courtId, kind: 'court' },
      { field: 'convict.institutionId', id: dto.convict.institutionId, kind: 'penal_institution' },
      { field: 'mediator.organisationId', id: dto.mediator?.organisationId, kind: 'mediators_organisation' },
      { field: 'placeId', id: dto.placeId, kind: 'town' },
    ];
    const { errors, found } = await this.directory.check(refs);
    const notFuture = (field: string, value: string) => {
      if (isAfter(value, today))
        errors.push({ field, rule: 'not_in_future', message: `Дата не может быть позже сегодняшней (${today})` });
    };
    notFuture('sentence.date', dto.sentence.date);
    notFuture('sentence.startDate', dto.sentence.startDate);
    if (dto.convict.identityDocument)
      notFuture('convict.identityDocument.issuedOn', dto.convict.identityDocument.issuedOn);
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
      if (c.victim.identityDocument)
        notFuture(`claims[${i}].victim.identityDocument.issuedOn`, c.victim.identityDocument.issuedOn);
      const rep = c.victim.representative;
      if (rep?.identityDocument)
        notFuture(`claims[${i}].victim.representative.identityDocument.issuedOn`, rep.identityDocument.issuedOn);
      if (rep?.powerOfAttorney)
        notFuture(`claims[${i}].victim.representative.powerOfAttorney.date`, rep.powerOfAttorney.date);
      if (c.victim.type === 'legal_entity' && c.victim.identityDocument !== undefined) {
        errors.push({
          field: `claims[${i}].victim.identityDocument`,
          rule: 'legal_entity_has_no_identity_document',
          message: 'У юридического лица нет удостоверения личности: укажите документ его представителя',
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
    return found;
  }

  private async readCase(id: string): Promise<CaseEntity> {
    const entity = await this.queries.findCase(id);
    if (!entity) throw DomainError.notFound('Дело', id);
    return entity;
  }
}

/** The signed-in user as the history names him (the name in Russian, as the documents print it). */
function actorOf(principal: Principal): EventActor {
  return { role: principal.role as Role, name: principal.fullName.ru, userId: principal.userId };
}
