import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  MaxLength,
  Min,
} from 'class-validator';
import { IsIban, IsLocalDate, IsPositiveTiyn, IsTiyn, Nested } from '../../common/validation';
import { MediatorDto } from './create-case.dto';

/**
 * One DTO per event type, in the domain's words. The body of POST /api/cases/:id/events is
 * `{ type, claimId?, expectedVersion?, ...payload }`; the service picks the class by `type`
 * and validates with whitelist + forbidNonWhitelisted, like the global pipe does.
 */
abstract class EventBase {
  @ApiProperty()
  @IsString()
  type: string;

  @ApiPropertyOptional({ description: 'Compare-and-set: refuse with 409 if the case has moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

abstract class ClaimEventBase extends EventBase {
  @ApiProperty({ description: 'The civil claim (victim) this step concerns' })
  @IsUUID()
  claimId: string;
}

export class CaseAcceptedEvent extends EventBase {
  @Nested(() => MediatorDto, { required: false, description: 'The mediator who accepts the case' })
  mediator?: MediatorDto;
}

export class ReasonEvent extends EventBase {
  @ApiProperty({ description: 'Reason, written on the notice' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class InvitationSentEvent extends ClaimEventBase {
  @ApiPropertyOptional({ description: 'Reply period in calendar days stated in the invitation (default 10, Law on Mediation art. 20 p. 6)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  replyDays?: number;
}

export class ClaimStepEvent extends ClaimEventBase {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export const MEETING_FORMS = ['in_person', 'video', 'phone'] as const;

export class ContractSignedEvent extends ClaimEventBase {
  @ApiProperty({ example: '2026-12-05', description: 'Mediation starts on the day the contract is signed (art. 20 p. 5)' })
  @IsLocalDate()
  contractDate: string;

  @ApiPropertyOptional({
    example: 3000000,
    description: "Mediator's fee agreed in the contract, in tiyn (art. 21 term 5, art. 22): 0 = free of charge; omit when not recorded — the contract then says the fee is agreed separately in writing",
  })
  @IsOptional()
  @IsTiyn()
  fee?: number;

  @ApiPropertyOptional({ enum: ['kk', 'ru'], description: 'Language of the mediation (art. 21 term 6); omit when not recorded — the contract then leaves it to be filled in' })
  @IsOptional()
  @IsIn(['kk', 'ru'])
  language?: 'kk' | 'ru';

  @ApiPropertyOptional({
    enum: MEETING_FORMS,
    isArray: true,
    example: ['video', 'in_person'],
    description: 'Ways of meeting agreed in the contract (art. 17); omit when not recorded — the contract then names the ways the law allows, to be agreed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(MEETING_FORMS, { each: true })
  meetingForms?: (typeof MEETING_FORMS)[number][];
}

export class TermExtendedEvent extends ClaimEventBase {
  @ApiProperty({ example: 30, description: 'At most 30 days, once (art. 23 p. 2)' })
  @IsInt()
  @Min(1)
  @Max(60)
  days: number;
}

export class SessionHeldEvent extends ClaimEventBase {
  @ApiPropertyOptional({ enum: ['in_person', 'video', 'phone'] })
  @IsOptional()
  @IsIn(['in_person', 'video', 'phone'])
  form?: 'in_person' | 'video' | 'phone';

  @ApiPropertyOptional({ description: 'Confidential (Law on Mediation art. 8): stored apart, never shown in history, logs or documents' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  notes?: string;
}

export class SignaturesDto {
  @ApiProperty()
  @IsBoolean()
  mediator: boolean;

  @ApiProperty()
  @IsBoolean()
  victim: boolean;

  @ApiProperty()
  @IsBoolean()
  convict: boolean;
}

export class InstalmentsDto {
  @ApiProperty({ example: 200000000, description: 'Total paid in instalments, tiyn' })
  @IsPositiveTiyn()
  total: number;

  @ApiProperty({ example: 5000000, description: 'Monthly amount, tiyn' })
  @IsPositiveTiyn()
  monthly: number;

  @ApiPropertyOptional({ description: 'First due date; omit with startsMonthAfterRelease' })
  @IsOptional()
  @IsLocalDate()
  firstDueDate?: string;

  @ApiPropertyOptional({ description: 'Payments start in the month after release' })
  @IsOptional()
  @IsBoolean()
  startsMonthAfterRelease?: boolean;

  @ApiProperty({ example: 10, description: 'Day of month (31 = last day of shorter months)' })
  @IsInt()
  @Min(1)
  @Max(31)
  dayOfMonth: number;
}

export const PAYMENT_METHODS = ['bank_transfer', 'cash_receipt', 'bailiff'] as const;

/** How payment is made and proven: part of the "ways of performance" of the agreement (art. 27 p. 2). */
export class PaymentDetailsDto {
  @ApiProperty({ enum: PAYMENT_METHODS, description: 'bank_transfer to the victim, cash against the victim\'s receipt, or through the bailiff' })
  @IsIn(PAYMENT_METHODS)
  method: (typeof PAYMENT_METHODS)[number];

  @ApiPropertyOptional({ example: 'KZ86125KZT5004100100', description: "The victim's account (IBAN, at most 34 characters, no spaces); only with bank_transfer" })
  @IsOptional()
  @IsString()
  @MaxLength(34)
  @IsIban()
  account?: string;

  @ApiPropertyOptional({ example: 'АО «Halyk Bank»', description: "The victim's bank; only with bank_transfer" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  bank?: string;
}

export class AgreementTermsDto {
  @ApiProperty({ example: 0, description: 'Amount to be paid before the hearing, tiyn' })
  @IsTiyn()
  paidBeforeHearing: number;

  @ApiPropertyOptional({ example: '2027-01-15', description: 'Date by which the pre-hearing amount is paid (a term of performance, art. 27)' })
  @IsOptional()
  @IsLocalDate()
  paidBeforeHearingBy?: string;

  @ApiProperty({ example: 0, description: 'Amount the victim waives (Law on Mediation art. 5 p. 3), tiyn' })
  @IsTiyn()
  waived: number;

  @Nested(() => InstalmentsDto, { required: false })
  instalments?: InstalmentsDto;

  @Nested(() => PaymentDetailsDto, { required: false, description: 'How payments are made and proven; without it the agreement says bank transfer, with no account' })
  paymentDetails?: PaymentDetailsDto;
}

export class AgreementSignedEvent extends ClaimEventBase {
  @Nested(() => SignaturesDto, { description: 'Who signed: the parties and the mediator (art. 27 p. 2)' })
  signedBy: SignaturesDto;

  @Nested(() => AgreementTermsDto)
  terms: AgreementTermsDto;
}

export class AgreementAmendedEvent extends ClaimEventBase {
  @Nested(() => InstalmentsDto)
  instalments: InstalmentsDto;
}

export const TERMINATION_REASONS = ['impossible', 'refusal_of_parties', 'refusal_of_party', 'other'] as const;

export class MediationTerminatedEvent extends ClaimEventBase {
  @ApiProperty({ enum: TERMINATION_REASONS, description: 'Law on Mediation art. 26' })
  @IsIn(TERMINATION_REASONS)
  reason: (typeof TERMINATION_REASONS)[number];

  @ApiPropertyOptional({ enum: ['victim', 'convict'], description: 'Who refused in writing to continue: required with reason refusal_of_party (art. 26 p. 4), not given otherwise' })
  @IsOptional()
  @IsIn(['victim', 'convict'])
  party?: 'victim' | 'convict';
}

export class PaymentRecordedEvent extends ClaimEventBase {
  @ApiProperty({ example: 5000000, description: 'Amount paid, tiyn' })
  @IsPositiveTiyn()
  amount: number;

  @ApiProperty({ example: '2027-02-10' })
  @IsLocalDate()
  date: string;

  @ApiProperty({ example: 'bank_transfer', enum: ['bank_transfer', 'victim_receipt', 'bailiff_certificate', 'cash_order', 'other'] })
  @IsIn(['bank_transfer', 'victim_receipt', 'bailiff_certificate', 'cash_order', 'other'])
  evidence: string;

  @ApiProperty({ example: 'KASPI-2027-02-10-0001', description: 'Payment reference: the same reference twice is recorded once' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  reference: string;
}

export class PaymentMissedExplainedEvent extends ClaimEventBase {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  instalmentNo: number;

  @ApiProperty({ description: 'Good reason (e.g. documented inability to pay): the miss is not counted under art. 72 ч. 7' })
  @IsBoolean()
  goodReason: boolean;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class DefaultReportedEvent extends ClaimEventBase {}

export class PetitionFiledEvent extends EventBase {
  @ApiPropertyOptional({ example: '2027-01-15' })
  @IsOptional()
  @IsLocalDate()
  filedOn?: string;

  @ApiPropertyOptional({ description: 'Court the petition goes to' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  court?: string;
}

export class HearingScheduledEvent extends EventBase {
  @ApiProperty({ example: '2027-02-01' })
  @IsLocalDate()
  hearingDate: string;
}

export class CourtDecidedEvent extends EventBase {
  @ApiProperty({ enum: ['parole', 'refused', 'replacement'] })
  @IsIn(['parole', 'refused', 'replacement'])
  decision: 'parole' | 'refused' | 'replacement';

  @ApiProperty({ example: '2027-02-01' })
  @IsLocalDate()
  decisionDate: string;

  @ApiPropertyOptional({ description: 'Ruling number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ruling?: string;
}

export class ConvictReleasedEvent extends EventBase {
  @ApiProperty({ example: '2027-02-12' })
  @IsLocalDate()
  releaseDate: string;
}

export class ParoleRevokedEvent extends EventBase {
  @ApiProperty({ example: '2027-09-01' })
  @IsLocalDate()
  decisionDate: string;

  @ApiProperty({ example: 'УК РК ст. 72 ч. 7 п. 1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  ground: string;
}

/** Event types a user may send over HTTP, with their DTO. */
export const USER_EVENTS = {
  'case.accepted': CaseAcceptedEvent,
  'case.declined': ReasonEvent,
  'invitation.sent': InvitationSentEvent,
  'invitation.accepted': ClaimStepEvent,
  'invitation.refused': ClaimStepEvent,
  'contract.signed': ContractSignedEvent,
  'term.extended': TermExtendedEvent,
  'session.held': SessionHeldEvent,
  'agreement.signed': AgreementSignedEvent,
  'agreement.amended': AgreementAmendedEvent,
  'mediation.terminated': MediationTerminatedEvent,
  'payment.recorded': PaymentRecordedEvent,
  'payment.missed.explained': PaymentMissedExplainedEvent,
  'default.reported': DefaultReportedEvent,
  'petition.filed': PetitionFiledEvent,
  'hearing.scheduled': HearingScheduledEvent,
  'court.decided': CourtDecidedEvent,
  'convict.released': ConvictReleasedEvent,
  'parole.revoked': ParoleRevokedEvent,
  'case.withdrawn': ReasonEvent,
} as const;

/** Sent only by the deadline sweeper. */
export const SYSTEM_EVENTS = ['invitation.expired', 'term.expired', 'payment.overdue'] as const;

export type UserEventType = keyof typeof USER_EVENTS;
