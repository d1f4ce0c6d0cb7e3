import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Matches,
  MaxLength,
  Min,
  validateSync,
} from 'class-validator';
import { EVENT_CATALOGUE, isSystemEventType, isUserEventType, USER_EVENT_TYPES } from '../../../machines/catalogue';
import {
  COURT_DECISIONS,
  type EventPayloads,
  type EventTypeOf,
  MEDIATION_LANGUAGES,
  MEETING_FORMS,
  PARTIES,
  PAYMENT_EVIDENCE,
  PAYMENT_METHODS,
  TERMINATION_REASONS,
  type UserEventType,
} from '../../../machines/events';
import { DomainError, type FieldError } from '../../common/domain-error';
import { isAfter, type LocalDate } from '../../common/local-date';
import { IsIban, IsLocalDate, IsPositiveTiyn, IsTiyn, Nested } from '../../common/validation';
import { flattenValidationErrors } from '../../common/validation.pipe';
import { mediation } from '../../law/legal-rules';
import { InstalmentTermsDto } from '../../restitution/dto/instalment-terms.dto';
import { MediatorDto } from './create-case.dto';

export { InstalmentTermsDto };
export type { UserEventType };

/**
 * One DTO per user event type, each declared in `machines/catalogue.ts` (who records it, labels, form fields) with
 * its payload type in `machines/events.ts`. The body of POST /api/cases/:id/events is
 * `{ type, claimId?, expectedVersion?, ...payload }`; `parseEventBody` picks the class by `type` and validates with
 * whitelist + forbidNonWhitelisted, like the global pipe does.
 */
abstract class EventBase {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'Compare-and-set: refuse with 409 if the case has moved on',
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** A synthetic claim id for the examples (a real one comes from the case: `claims[].id`). */
export const EXAMPLE_CLAIM_ID = '3f2b8c1e-9a4d-4e6b-8c2f-1a2b3c4d5e6f';

abstract class ClaimEventBase extends EventBase {
  @ApiProperty({
    description: 'The civil claim (victim) this step concerns: `claims[].id` of the case',
    example: EXAMPLE_CLAIM_ID,
  })
  @IsUUID()
  claimId: string;
}

/** The `type` of one event: its only allowed value, documented with the catalogue's label. */
function EventType(type: UserEventType): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ enum: [type], example: type, description: EVENT_CATALOGUE[type].label.en }),
    IsIn([type]),
  );
}

/** The schema of an event's body: named after its class, described by the catalogue. */
function EventSchema(type: UserEventType): ClassDecorator {
  const { label, help, roles } = EVENT_CATALOGUE[type];
  return ApiSchema({
    description: `**${type}** — ${label.en} / ${label.ru}. ${help.en} Recorded by: ${roles.join(', ')}.`,
  });
}

const Text = (max: number, description?: string, example?: string) =>
  applyDecorators(ApiProperty({ description, example, maxLength: max }), IsString(), IsNotEmpty(), MaxLength(max));
/** The id of a user or of a directory entry (court, police unit): letters, digits, `.`, `_`, `-` (a UUID fits). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const Id = (description: string, example: string, required = true) =>
  applyDecorators(
    required
      ? ApiProperty({ description, example, maxLength: 64 })
      : ApiPropertyOptional({ description, example, maxLength: 64 }),
    ...(required ? [] : [IsOptional()]),
    IsString(),
    Matches(ID, { message: 'Идентификатор: латинские буквы, цифры, «.», «_», «-», до 64 знаков' }),
  );
const EXAMPLE_USER_ID = '5b0c2f7e-1d3a-4c8e-9f60-2a7b8c9d0e1f';

const OptionalText = (max: number, description?: string, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, maxLength: max }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );

// ── case ─────────────────────────────────────────────────────────────────────────────────────────────────
@EventSchema('case.accepted')
export class CaseAcceptedEvent extends EventBase {
  @EventType('case.accepted') type: 'case.accepted';

  @Nested(() => MediatorDto, {
    required: false,
    description:
      "Contacts printed for this case; the accepting mediator's name, register entry and organisation come from his account",
  })
  mediator?: MediatorDto;
}

@EventSchema('case.declined')
export class CaseDeclinedEvent extends EventBase {
  @EventType('case.declined') type: 'case.declined';
  @Text(1000, 'Reason, written on the notice', 'Конфликт интересов: медиатор ранее консультировал осуждённого')
  reason: string;
}

@EventSchema('petition.filed')
export class PetitionFiledEvent extends EventBase {
  @EventType('petition.filed') type: 'petition.filed';

  @ApiPropertyOptional({ example: '2026-11-25' })
  @IsOptional()
  @IsLocalDate()
  filedOn?: string;

  @Id('The court (directory entry id): its users see the case from the filing on', 'court-ukg-city', false)
  courtId?: string;

  @OptionalText(
    300,
    'Court the petition goes to, by name (when it is not in the directory)',
    'Усть-Каменогорский городской суд',
  )
  court?: string;
}

@EventSchema('hearing.scheduled')
export class HearingScheduledEvent extends EventBase {
  @EventType('hearing.scheduled') type: 'hearing.scheduled';

  @ApiProperty({ example: '2027-02-01' })
  @IsLocalDate()
  hearingDate: string;
}

@EventSchema('court.decided')
export class CourtDecidedEvent extends EventBase {
  @EventType('court.decided') type: 'court.decided';

  @ApiProperty({ enum: COURT_DECISIONS, example: 'parole' })
  @IsIn(COURT_DECISIONS)
  decision: (typeof COURT_DECISIONS)[number];

  @ApiProperty({ example: '2026-11-26' })
  @IsLocalDate()
  decisionDate: string;

  @OptionalText(100, 'Ruling number', '1-123/2026') ruling?: string;
}

@EventSchema('convict.released')
export class ConvictReleasedEvent extends EventBase {
  @EventType('convict.released') type: 'convict.released';

  @ApiProperty({ example: '2026-11-27' })
  @IsLocalDate()
  releaseDate: string;

  @Id(
    'The police unit that supervises the parolee (directory entry id): its officers see the case from now on',
    'police-ukg-1',
    false,
  )
  supervisionUnitId?: string;
}

@EventSchema('parole.revoked')
export class ParoleRevokedEvent extends EventBase {
  @EventType('parole.revoked') type: 'parole.revoked';

  @ApiProperty({ example: '2026-11-28' })
  @IsLocalDate()
  decisionDate: string;

  @Text(300, undefined, 'УК РК ст. 72 ч. 7 п. 1') ground: string;
}

const CorrectionReason = () =>
  Text(1000, 'Why the fact recorded before is wrong (kept in the history)', 'Ошибка при вводе: дата взята из справки');

@EventSchema('release.corrected')
export class ReleaseCorrectedEvent extends EventBase {
  @EventType('release.corrected') type: 'release.corrected';

  @ApiProperty({ example: '2026-11-26' })
  @IsLocalDate()
  releaseDate: string;

  @CorrectionReason() reason: string;
}

@EventSchema('hearing.corrected')
export class HearingCorrectedEvent extends EventBase {
  @EventType('hearing.corrected') type: 'hearing.corrected';

  @ApiProperty({ example: '2027-02-02' })
  @IsLocalDate()
  hearingDate: string;

  @CorrectionReason() reason: string;
}

@EventSchema('case.withdrawn')
export class CaseWithdrawnEvent extends EventBase {
  @EventType('case.withdrawn') type: 'case.withdrawn';
  @Text(1000, 'Reason, written on the notice', 'Осуждённый отозвал обращение') reason: string;
}

// ── people of the case ─────────────────────────────────────────────────────────────────────────────────────
@EventSchema('mediator.assigned')
export class MediatorAssignedEvent extends EventBase {
  @EventType('mediator.assigned') type: 'mediator.assigned';
  @Id('The user id of the mediator who takes the case', EXAMPLE_USER_ID) mediatorUserId: string;
}

@EventSchema('lawyer.added')
export class LawyerAddedEvent extends EventBase {
  @EventType('lawyer.added') type: 'lawyer.added';
  @Id('The user id of the defender who joins the case', EXAMPLE_USER_ID) lawyerUserId: string;
}

@EventSchema('lawyer.replaced')
export class LawyerReplacedEvent extends EventBase {
  @EventType('lawyer.replaced') type: 'lawyer.replaced';
  @Id('The user id of the new defender', EXAMPLE_USER_ID) lawyerUserId: string;
  @Id('The defender who leaves the case (default: the lawyer recording the event)', EXAMPLE_USER_ID, false)
  replacesUserId?: string;
}

// ── claim mediation ──────────────────────────────────────────────────────────────────────────────────────
@EventSchema('invitation.sent')
export class InvitationSentEvent extends ClaimEventBase {
  @EventType('invitation.sent') type: 'invitation.sent';

  @ApiPropertyOptional({
    example: mediation.invitationReplyDays.value,
    description: `Reply period in calendar days stated in the invitation (default ${mediation.invitationReplyDays.value}, Law on Mediation art. 20 p. 6)`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  replyDays?: number;
}

@EventSchema('invitation.accepted')
export class InvitationAcceptedEvent extends ClaimEventBase {
  @EventType('invitation.accepted') type: 'invitation.accepted';
  @OptionalText(1000, undefined, 'Согласие получено по телефону') reason?: string;
}

@EventSchema('invitation.refused')
export class InvitationRefusedEvent extends ClaimEventBase {
  @EventType('invitation.refused') type: 'invitation.refused';
  @OptionalText(1000, undefined, 'Потерпевшая письменно отказалась от медиации') reason?: string;
}

@EventSchema('contract.signed')
export class ContractSignedEvent extends ClaimEventBase {
  @EventType('contract.signed') type: 'contract.signed';

  @ApiProperty({
    example: '2026-11-20',
    description: 'Mediation starts on the day the contract is signed (art. 20 p. 5)',
  })
  @IsLocalDate()
  contractDate: string;

  @ApiPropertyOptional({
    example: 3000000,
    description:
      "Mediator's fee agreed in the contract, in tiyn (art. 21 term 5, art. 22): 0 = free of charge; omit when not recorded — the contract then says the fee is agreed separately in writing",
  })
  @IsOptional()
  @IsTiyn()
  fee?: number;

  @ApiPropertyOptional({
    enum: MEDIATION_LANGUAGES,
    example: 'kk',
    description:
      'Language of the mediation (art. 21 term 6); omit when not recorded — the contract then leaves it to be filled in',
  })
  @IsOptional()
  @IsIn(MEDIATION_LANGUAGES)
  language?: (typeof MEDIATION_LANGUAGES)[number];

  @ApiPropertyOptional({
    enum: MEETING_FORMS,
    isArray: true,
    example: ['video', 'in_person'],
    description:
      'Ways of meeting agreed in the contract (art. 17); omit when not recorded — the contract then names the ways the law allows, to be agreed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEETING_FORMS.length)
  @ArrayUnique()
  @IsIn(MEETING_FORMS, { each: true })
  meetingForms?: (typeof MEETING_FORMS)[number][];
}

@EventSchema('session.held')
export class SessionHeldEvent extends ClaimEventBase {
  @EventType('session.held') type: 'session.held';

  @ApiPropertyOptional({ enum: MEETING_FORMS, example: 'video' })
  @IsOptional()
  @IsIn(MEETING_FORMS)
  form?: (typeof MEETING_FORMS)[number];

  @ApiPropertyOptional({
    description: 'Confidential (Law on Mediation art. 8): stored apart, never shown in history, logs or documents',
    example: 'Стороны обсудили размер ежемесячного платежа',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  notes?: string;
}

@EventSchema('term.extended')
export class TermExtendedEvent extends ClaimEventBase {
  @EventType('term.extended') type: 'term.extended';

  @ApiProperty({
    example: mediation.maxExtensionDays.value,
    description: `At most ${mediation.maxExtensionDays.value} days, once (art. 23 p. 2)`,
  })
  @IsInt()
  @Min(1)
  @Max(60)
  days: number;
}

export class SignaturesDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  mediator: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  victim: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  convict: boolean;
}

/** How payment is made and proven: part of the "ways of performance" of the agreement (art. 27 p. 2). */
export class PaymentDetailsDto {
  @ApiProperty({
    enum: PAYMENT_METHODS,
    example: 'bank_transfer',
    description: "bank_transfer to the victim, cash against the victim's receipt, or through the bailiff",
  })
  @IsIn(PAYMENT_METHODS)
  method: (typeof PAYMENT_METHODS)[number];

  @ApiPropertyOptional({
    example: 'KZ86125KZT5004100100',
    description: "The victim's account (IBAN, at most 34 characters, no spaces); only with bank_transfer",
  })
  @IsOptional()
  @IsString()
  @MaxLength(34)
  @IsIban()
  account?: string;

  @ApiPropertyOptional({
    example: 'АО «Halyk Bank»',
    description: "The victim's bank as text, only when it is not in the directory (bankId); only with bank_transfer",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  bank?: string;

  @ApiPropertyOptional({
    example: 'd1000000-0000-4000-8000-000000000401',
    description:
      "The victim's bank in the directory (GET /api/directory?kind=bank): documents print its Kazakh and Russian names; only with bank_transfer",
  })
  @IsOptional()
  @IsUUID('all', { message: 'Идентификатор записи справочника (UUID) из GET /api/directory' })
  bankId?: string;
}

export class AgreementTermsDto {
  @ApiProperty({ example: 0, description: 'Amount to be paid before the hearing, tiyn' })
  @IsTiyn()
  paidBeforeHearing: number;

  @ApiPropertyOptional({
    example: '2027-01-15',
    description:
      'Date by which the pre-hearing amount is paid (a term of performance, art. 27); only with paidBeforeHearing > 0',
  })
  @IsOptional()
  @IsLocalDate()
  paidBeforeHearingBy?: string;

  @ApiProperty({ example: 0, description: 'Amount the victim waives (Law on Mediation art. 5 p. 3), tiyn' })
  @IsTiyn()
  waived: number;

  @Nested(() => InstalmentTermsDto, { required: false })
  instalments?: InstalmentTermsDto;

  @ApiPropertyOptional({
    example: '2027-03-01',
    description:
      'Release date the parties assume: the agreement prints an INDICATIVE calendar from it (instalments from the month after release); the real calendar is issued after release',
  })
  @IsOptional()
  @IsLocalDate()
  assumedReleaseDate?: string;

  @Nested(() => PaymentDetailsDto, {
    required: false,
    description: 'How payments are made and proven; without it the agreement says bank transfer, with no account',
  })
  paymentDetails?: PaymentDetailsDto;
}

@EventSchema('agreement.signed')
export class AgreementSignedEvent extends ClaimEventBase {
  @EventType('agreement.signed') type: 'agreement.signed';

  @Nested(() => SignaturesDto, { description: 'Who signed: the parties and the mediator (art. 27 p. 2)' })
  signedBy: SignaturesDto;

  @Nested(() => AgreementTermsDto, {
    description: 'paidBeforeHearing + waived + instalments.total = the outstanding balance of the claim',
  })
  terms: AgreementTermsDto;
}

@EventSchema('mediation.terminated')
export class MediationTerminatedEvent extends ClaimEventBase {
  @EventType('mediation.terminated') type: 'mediation.terminated';

  @ApiProperty({ enum: TERMINATION_REASONS, example: 'refusal_of_party', description: 'Law on Mediation art. 26' })
  @IsIn(TERMINATION_REASONS)
  reason: (typeof TERMINATION_REASONS)[number];

  @ApiPropertyOptional({
    enum: PARTIES,
    example: 'victim',
    description:
      'Who refused in writing to continue: required with reason refusal_of_party (art. 26 p. 4), not given otherwise',
  })
  @IsOptional()
  @IsIn(PARTIES)
  party?: (typeof PARTIES)[number];
}

// ── restitution ──────────────────────────────────────────────────────────────────────────────────────────
@EventSchema('payment.recorded')
export class PaymentRecordedEvent extends ClaimEventBase {
  @EventType('payment.recorded') type: 'payment.recorded';

  @ApiProperty({ example: 5000000, description: 'Amount paid, tiyn' })
  @IsPositiveTiyn()
  amount: number;

  @ApiProperty({ example: '2026-11-30' })
  @IsLocalDate()
  date: string;

  @ApiProperty({ example: 'bank_transfer', enum: PAYMENT_EVIDENCE })
  @IsIn(PAYMENT_EVIDENCE)
  evidence: (typeof PAYMENT_EVIDENCE)[number];

  @ApiProperty({
    example: 'KASPI-2026-11-30-0001',
    description: 'Payment reference: the same reference twice is recorded once',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  reference: string;
}

/** A payment's fields: `payment.recorded`, and the replacement of `payment.reversed`. */
export class PaymentEntryDto {
  @ApiProperty({ example: 500000, description: 'Amount paid, tiyn' })
  @IsPositiveTiyn()
  amount: number;

  @ApiProperty({ example: '2026-11-30' })
  @IsLocalDate()
  date: string;

  @ApiProperty({ example: 'bank_transfer', enum: PAYMENT_EVIDENCE })
  @IsIn(PAYMENT_EVIDENCE)
  evidence: (typeof PAYMENT_EVIDENCE)[number];

  @ApiProperty({ example: 'KASPI-2026-11-30-0001', description: 'Payment reference' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  reference: string;
}

@EventSchema('payment.reversed')
export class PaymentReversedEvent extends ClaimEventBase {
  @EventType('payment.reversed') type: 'payment.reversed';

  @ApiProperty({ example: 'KASPI-2026-11-30-0001', description: 'Reference of the payment recorded wrongly' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  reference: string;

  @CorrectionReason() reason: string;

  @Nested(() => PaymentEntryDto, {
    required: false,
    description: 'The correct payment, recorded as a new entry in the same step',
  })
  replacement?: PaymentEntryDto;
}

@EventSchema('payment.missed.explained')
export class PaymentMissedExplainedEvent extends ClaimEventBase {
  @EventType('payment.missed.explained') type: 'payment.missed.explained';

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  instalmentNo: number;

  @ApiProperty({
    example: true,
    description: 'Good reason (e.g. documented inability to pay): the miss is not counted under art. 72 ч. 7',
  })
  @IsBoolean()
  goodReason: boolean;

  @Text(1000, undefined, 'Больничный лист с 01.11.2026 по 20.11.2026') reason: string;
}

@EventSchema('default.reported')
export class DefaultReportedEvent extends ClaimEventBase {
  @EventType('default.reported') type: 'default.reported';
}

@EventSchema('agreement.amended')
export class AgreementAmendedEvent extends ClaimEventBase {
  @EventType('agreement.amended') type: 'agreement.amended';

  @Nested(() => InstalmentTermsDto, { description: 'New instalments for the whole balance' })
  instalments: InstalmentTermsDto;
}

// ── the map, checked by the compiler against the catalogue ───────────────────────────────────────────────
type ClaimEventType = EventTypeOf<'mediation'> | EventTypeOf<'restitution'>;
/** The HTTP body of an event, as its DTO validates it. */
export type EventBody<T extends UserEventType> = { type: T; expectedVersion?: number } & EventPayloads[T] &
  (T extends ClaimEventType ? { claimId: string } : unknown);

/** Event types users send over HTTP, with their DTO. Every user event of the catalogue has exactly one. */
export const EVENT_DTOS = {
  'case.accepted': CaseAcceptedEvent,
  'case.declined': CaseDeclinedEvent,
  'petition.filed': PetitionFiledEvent,
  'hearing.scheduled': HearingScheduledEvent,
  'court.decided': CourtDecidedEvent,
  'convict.released': ConvictReleasedEvent,
  'parole.revoked': ParoleRevokedEvent,
  'release.corrected': ReleaseCorrectedEvent,
  'hearing.corrected': HearingCorrectedEvent,
  'case.withdrawn': CaseWithdrawnEvent,
  'mediator.assigned': MediatorAssignedEvent,
  'lawyer.added': LawyerAddedEvent,
  'lawyer.replaced': LawyerReplacedEvent,
  'invitation.sent': InvitationSentEvent,
  'invitation.accepted': InvitationAcceptedEvent,
  'invitation.refused': InvitationRefusedEvent,
  'contract.signed': ContractSignedEvent,
  'session.held': SessionHeldEvent,
  'term.extended': TermExtendedEvent,
  'agreement.signed': AgreementSignedEvent,
  'mediation.terminated': MediationTerminatedEvent,
  'payment.recorded': PaymentRecordedEvent,
  'payment.missed.explained': PaymentMissedExplainedEvent,
  'default.reported': DefaultReportedEvent,
  'agreement.amended': AgreementAmendedEvent,
  'payment.reversed': PaymentReversedEvent,
} as const satisfies { readonly [T in UserEventType]: new () => EventBody<T> };

type AllTrue<R extends Record<string, true>> = R;
type SameFields<D, P> = [
  Exclude<keyof D, keyof P | 'type' | 'claimId' | 'expectedVersion'>,
  Exclude<keyof P, keyof D>,
] extends [never, never]
  ? true
  : false;
/** Compile-time proof that each DTO declares exactly its payload's fields (besides type, claimId, expectedVersion). */
export type DtoFieldsMatchPayloads = AllTrue<{
  [T in UserEventType]: SameFields<InstanceType<(typeof EVENT_DTOS)[T]>, EventPayloads[T]>;
}>;

/** One example body per event, shown in OpenAPI; a test POSTs each and expects no 400 for its shape. */
export const EVENT_EXAMPLES: { readonly [T in UserEventType]: Omit<EventBody<T>, 'expectedVersion'> } = {
  'case.accepted': {
    type: 'case.accepted',
    mediator: {
      fullName: 'Касымова Айгерім Маратқызы',
      registry: 'Реестр профессиональных медиаторов № 77',
      organisation: 'ОЮЛ «Палата медиаторов ВКО»',
    },
  },
  'case.declined': { type: 'case.declined', reason: 'Конфликт интересов: медиатор ранее консультировал осуждённого' },
  'petition.filed': {
    type: 'petition.filed',
    filedOn: '2026-11-25',
    courtId: 'court-ukg-city',
    court: 'Усть-Каменогорский городской суд',
  },
  'hearing.scheduled': { type: 'hearing.scheduled', hearingDate: '2027-02-01' },
  'court.decided': { type: 'court.decided', decision: 'parole', decisionDate: '2026-11-26', ruling: '1-123/2026' },
  'convict.released': { type: 'convict.released', releaseDate: '2026-11-27', supervisionUnitId: 'police-ukg-1' },
  'parole.revoked': { type: 'parole.revoked', decisionDate: '2026-11-28', ground: 'УК РК ст. 72 ч. 7 п. 1' },
  'release.corrected': {
    type: 'release.corrected',
    releaseDate: '2026-11-26',
    reason: 'Ошибка при вводе: дата освобождения по справке учреждения — 26.11.2026',
  },
  'hearing.corrected': {
    type: 'hearing.corrected',
    hearingDate: '2027-02-02',
    reason: 'Ошибка при вводе: в извещении суда указано 02.02.2027',
  },
  'case.withdrawn': { type: 'case.withdrawn', reason: 'Осуждённый отозвал обращение' },
  'mediator.assigned': { type: 'mediator.assigned', mediatorUserId: EXAMPLE_USER_ID },
  'lawyer.added': { type: 'lawyer.added', lawyerUserId: EXAMPLE_USER_ID },
  'lawyer.replaced': { type: 'lawyer.replaced', lawyerUserId: EXAMPLE_USER_ID },
  'invitation.sent': {
    type: 'invitation.sent',
    claimId: EXAMPLE_CLAIM_ID,
    replyDays: mediation.invitationReplyDays.value,
  },
  'invitation.accepted': { type: 'invitation.accepted', claimId: EXAMPLE_CLAIM_ID },
  'invitation.refused': {
    type: 'invitation.refused',
    claimId: EXAMPLE_CLAIM_ID,
    reason: 'Потерпевшая письменно отказалась от медиации',
  },
  'contract.signed': {
    type: 'contract.signed',
    claimId: EXAMPLE_CLAIM_ID,
    contractDate: '2026-11-20',
    fee: 0,
    language: 'ru',
    meetingForms: ['video', 'in_person'],
  },
  'session.held': { type: 'session.held', claimId: EXAMPLE_CLAIM_ID, form: 'video' },
  'term.extended': { type: 'term.extended', claimId: EXAMPLE_CLAIM_ID, days: mediation.maxExtensionDays.value },
  'agreement.signed': {
    type: 'agreement.signed',
    claimId: EXAMPLE_CLAIM_ID,
    signedBy: { mediator: true, victim: true, convict: true },
    terms: {
      paidBeforeHearing: 20_000_000,
      paidBeforeHearingBy: '2027-01-15',
      waived: 0,
      instalments: { total: 180_000_000, monthly: 5_000_000, dayOfMonth: 10, startsMonthAfterRelease: true },
      paymentDetails: {
        method: 'bank_transfer',
        account: 'KZ86125KZT5004100100',
        bankId: 'd1000000-0000-4000-8000-000000000401',
      },
    },
  },
  'mediation.terminated': {
    type: 'mediation.terminated',
    claimId: EXAMPLE_CLAIM_ID,
    reason: 'refusal_of_party',
    party: 'victim',
  },
  'payment.recorded': {
    type: 'payment.recorded',
    claimId: EXAMPLE_CLAIM_ID,
    amount: 5_000_000,
    date: '2026-11-30',
    evidence: 'bank_transfer',
    reference: 'KASPI-2026-11-30-0001',
  },
  'payment.missed.explained': {
    type: 'payment.missed.explained',
    claimId: EXAMPLE_CLAIM_ID,
    instalmentNo: 3,
    goodReason: true,
    reason: 'Больничный лист с 01.11.2026 по 20.11.2026',
  },
  'default.reported': { type: 'default.reported', claimId: EXAMPLE_CLAIM_ID },
  'agreement.amended': {
    type: 'agreement.amended',
    claimId: EXAMPLE_CLAIM_ID,
    instalments: { total: 150_000_000, monthly: 2_500_000, dayOfMonth: 15, firstDueDate: '2027-01-15' },
  },
  'payment.reversed': {
    type: 'payment.reversed',
    claimId: EXAMPLE_CLAIM_ID,
    reference: 'KASPI-2026-11-30-0001',
    reason: 'Сумма введена неверно: по платёжному поручению 5 000 ₸, не 50 000 ₸',
    replacement: { amount: 500_000, date: '2026-11-30', evidence: 'bank_transfer', reference: 'KASPI-2026-11-30-0001' },
  },
};

// ── reading a body ─────────────────────────────────────────────────────────────────────────────────────
export interface ParsedEvent<T extends UserEventType = UserEventType> {
  type: T;
  /** The validated payload (with `claimId` for claim events), without `type` and `expectedVersion`. */
  payload: Record<string, unknown>;
  expectedVersion?: number;
}

const typeError = (rule: string, message: string) => DomainError.validation([{ field: 'type', rule, message }]);

/**
 * The body `{ type, claimId?, expectedVersion?, ...payload }` of a user's event, validated against its DTO; dates
 * that describe the past must not be later than `today`. Any failure is a 400 naming the field and the rule.
 */
export function parseEventBody(body: unknown, today: LocalDate): ParsedEvent {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.validation([
      { field: 'body', rule: 'isObject', message: 'Ожидается объект события { type, … }' },
    ]);
  }
  const type: unknown = (body as { type?: unknown }).type;
  if (isSystemEventType(type)) {
    throw typeError(
      'system_event',
      `Событие «${type}» отправляет только служба сроков (истечение срока наступает само)`,
    );
  }
  // Own keys only: `valueOf`, `constructor` or `__proto__` are names on every object, not event types.
  if (!isUserEventType(type))
    throw typeError('isIn', `Неизвестный тип события; допустимы: ${USER_EVENT_TYPES.join(', ')}`);
  const dto = plainToInstance(EVENT_DTOS[type] as new () => object, body) as Record<string, unknown>;
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw DomainError.validation(flattenValidationErrors(errors));
  const future: FieldError[] = EVENT_CATALOGUE[type].pastDates
    .filter((field) => typeof dto[field] === 'string' && isAfter(dto[field], today))
    .map((field) => ({ field, rule: 'not_in_future', message: `Дата не может быть позже сегодняшней (${today})` }));
  if (future.length) throw DomainError.validation(future);
  const { expectedVersion, ...payload } = JSON.parse(JSON.stringify(dto)) as Record<string, unknown> & {
    expectedVersion?: number;
  };
  delete payload.type;
  return { type, payload, expectedVersion };
}
