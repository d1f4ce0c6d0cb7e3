import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsBin, IsIin, IsLocalDate, IsPositiveTiyn, IsTiyn, Nested } from '../../common/validation';
import { MEDIATION_STATES, RESTITUTION_STATES } from '../../../machines/snapshot';
import { IDENTITY_DOCUMENT_KINDS, type IdentityDocumentKind } from '../domain/case-application';

/** A reference to an entry of the directory (GET /api/directory): its id. */
function DirectoryId(kind: string, example: string, fallback: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example,
      description: `Id of a ${kind} in the directory (GET /api/directory?kind=${kind}). Documents print its Kazakh and Russian names; without it ${fallback} is printed as typed, in both languages, and the answer carries a warning`,
    }),
    IsOptional(),
    IsUUID('all', { message: 'Идентификатор записи справочника (UUID) из GET /api/directory' }),
  );
}

export class IdentityDocumentDto {
  @ApiProperty({ enum: IDENTITY_DOCUMENT_KINDS, example: 'id_card' })
  @IsIn(IDENTITY_DOCUMENT_KINDS)
  kind: IdentityDocumentKind;

  @ApiProperty({ example: '045678912' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  number: string;

  @ApiProperty({ example: 'МВД РК', description: 'Who issued it, as written in the document' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  issuer: string;

  @ApiProperty({ example: '2018-05-14', description: 'Date of issue (not in the future)' })
  @IsLocalDate()
  issuedOn: string;
}

export class PowerOfAttorneyDto {
  @ApiProperty({ example: '15' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  number: string;

  @ApiProperty({ example: '2026-11-01', description: 'Date of the power of attorney (not in the future)' })
  @IsLocalDate()
  date: string;
}

/** A user's id (a UUID fits). */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class ConvictDto {
  @ApiProperty({ example: 'Серіков Болат Нұрланұлы' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: '900101300017', description: 'ИИН, 12 digits with a valid control digit' })
  @IsIin()
  iin: string;

  @ApiPropertyOptional({ example: '1990-01-01' })
  @IsOptional()
  @IsLocalDate()
  birthDate?: string;

  @ApiPropertyOptional({
    example: 'Учреждение ВК-167/22, г. Усть-Каменогорск',
    description: 'The institution as text: only when it is not in the directory (institutionId)',
  })
  @ValidateIf((o: ConvictDto) => o.institutionId == null || o.institution !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  institution?: string;

  @DirectoryId('penal_institution', 'd1000000-0000-4000-8000-000000000101', 'the institution text')
  institutionId?: string;

  @Nested(() => IdentityDocumentDto, { required: false, description: "The convict's identity document" })
  identityDocument?: IdentityDocumentDto;

  @ApiPropertyOptional({ example: 'г. Усть-Каменогорск, ул. Казахстан, 10, кв. 5' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '+77010000002' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export class TermDto {
  @ApiProperty({ example: 6 })
  @IsInt()
  @Min(0)
  @Max(30)
  years: number;

  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(11)
  months: number;

  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(31)
  days: number;
}

export const GRAVITY = ['minor', 'medium', 'grave', 'especially_grave'] as const;

export class SentenceDto {
  @ApiPropertyOptional({
    example: 'Усть-Каменогорский городской суд',
    description: 'The court as text: only when it is not in the directory (courtId)',
  })
  @ValidateIf((o: SentenceDto) => o.courtId == null || o.court !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  court?: string;

  @DirectoryId('court', 'd1000000-0000-4000-8000-000000000001', 'the court text')
  courtId?: string;

  @ApiPropertyOptional({ example: '221500031000123', description: 'Number of the criminal case' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  criminalCaseNumber?: string;

  @ApiPropertyOptional({ example: '1-45/2022', description: 'Number of the sentence (the court case number)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  number?: string;

  @ApiProperty({ example: '2022-03-15', description: 'Date of the sentence' })
  @IsLocalDate()
  date: string;

  @ApiProperty({ example: ['188 ч. 2'], description: 'Articles of the Criminal Code' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  articles: string[];

  @Nested(() => TermDto)
  term: TermDto;

  @ApiPropertyOptional({ default: false, example: false })
  @IsOptional()
  @IsBoolean()
  lifeImprisonment?: boolean;

  @ApiProperty({ example: '2022-01-10', description: 'Start of the term' })
  @IsLocalDate()
  startDate: string;

  @ApiProperty({ enum: GRAVITY, example: 'grave' })
  @IsIn(GRAVITY)
  gravity: (typeof GRAVITY)[number];

  @ApiPropertyOptional({
    default: false,
    example: false,
    description: 'Grave crime against life or health (art. 72 ч. 3 п. 3)',
  })
  @IsOptional()
  @IsBoolean()
  againstLifeOrHealth?: boolean;

  @ApiPropertyOptional({ default: 0, example: 0, description: 'Days of pre-trial detention credited' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  pretrialDetentionDays?: number;
}

export class RepresentativeDto {
  @ApiProperty({ example: 'Петров Андрей Викторович' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '650707300018', description: 'ИИН, 12 digits with a valid control digit' })
  @IsOptional()
  @IsIin()
  iin?: string;

  @ApiProperty({ example: 'доверенность от 01.11.2026 № 15', description: 'What gives the representative his powers' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  basis: string;

  @ApiPropertyOptional({ example: 'юрист', description: "Position (of a legal entity's representative), in Russian" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  position?: string;

  @ApiPropertyOptional({ example: 'заңгер', description: 'The same position in Kazakh, printed in Kazakh documents' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  positionKk?: string;

  @Nested(() => PowerOfAttorneyDto, {
    required: false,
    description: 'Number and date of the power of attorney (printed instead of what is read from `basis`)',
  })
  powerOfAttorney?: PowerOfAttorneyDto;

  @Nested(() => IdentityDocumentDto, { required: false, description: "The representative's identity document" })
  identityDocument?: IdentityDocumentDto;
}

export class VictimDto {
  @ApiProperty({ enum: ['person', 'legal_entity'], example: 'person' })
  @IsIn(['person', 'legal_entity'])
  type: 'person' | 'legal_entity';

  @ApiProperty({ example: 'Ахметова Гүлнар Серікқызы', description: "A person's full name or a legal entity's name" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fullName: string;

  @ApiPropertyOptional({
    example: '850505400127',
    description: 'ИИН — required for a person (12 digits with a valid control digit)',
  })
  @ValidateIf((o: VictimDto) => o.type === 'person' || o.iin !== undefined)
  @IsIin()
  iin?: string;

  @ApiPropertyOptional({
    example: '150340001236',
    description: 'БИН — required for a legal entity, not given for a person',
  })
  @ValidateIf((o: VictimDto) => o.type === 'legal_entity' || o.bin !== undefined)
  @IsBin()
  bin?: string;

  @ApiPropertyOptional({ example: 'г. Усть-Каменогорск, ул. Абая, 1' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '+77010000001' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({
    example: 'victim@example.kz',
    description: 'E-mail for notices of payments recorded for the victim (sent only with `paymentNotices: true`)',
  })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address such as name@example.kz' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    example: true,
    description: "The victim's consent to an e-mail of each payment recorded for him (needs `email`)",
  })
  @IsOptional()
  @IsBoolean()
  paymentNotices?: boolean;

  @Nested(() => RepresentativeDto, {
    required: false,
    description: 'Legal representative of a minor or incapable victim, or of a legal entity',
  })
  representative?: RepresentativeDto;

  @Nested(() => IdentityDocumentDto, { required: false, description: "A person's identity document" })
  identityDocument?: IdentityDocumentDto;
}

export class ClaimDto {
  @ApiPropertyOptional({
    enum: ['victim', 'state'],
    default: 'victim',
    example: 'victim',
    description: "'state': e.g. the Victims Compensation Fund's recourse claim — tracked, not mediated",
  })
  @IsOptional()
  @IsIn(['victim', 'state'])
  kind?: 'victim' | 'state';

  @Nested(() => VictimDto)
  victim: VictimDto;

  @ApiProperty({ example: 200000000, description: 'Amount awarded by the sentence, in tiyn (1 ₸ = 100 tiyn)' })
  @IsPositiveTiyn()
  amountAwarded: number;

  @ApiProperty({ example: 0, description: 'Already recovered (e.g. deductions from prison wages), in tiyn' })
  @IsTiyn()
  amountRecovered: number;
}

export class LawyerDto {
  @ApiProperty({ example: 'Иванов Пётр Сергеевич' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '0001234', description: 'Licence of the advocate' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  licence?: string;

  @ApiPropertyOptional({ example: '+77010000003' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export class MediatorDto {
  @ApiProperty({ example: 'Касымова Айгерім Маратқызы' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({
    example: 'Реестр профессиональных медиаторов № 77',
    description: 'Entry in the register of professional mediators',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  registry?: string;

  @ApiPropertyOptional({
    example: 'ОЮЛ «Палата медиаторов ВКО»',
    description: 'Organisation of mediators as text: only when it is not in the directory (organisationId)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organisation?: string;

  @DirectoryId('mediators_organisation', 'd1000000-0000-4000-8000-000000000301', 'the organisation text')
  organisationId?: string;

  @ApiPropertyOptional({
    example: '+7 777 000 11 22',
    description: "Mediator's phone, printed in his requisites (art. 21 term 4)",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({
    example: 'mediator@example.kz',
    description: "Mediator's e-mail, printed in his requisites; signed copies may be exchanged by e-mail (art. 21)",
  })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  email?: string;
}

export class CreateCaseDto {
  @ApiProperty({
    enum: ['parole', 'replacement'],
    example: 'parole',
    description: 'УДО (CC art. 72) or replacement with a milder punishment (art. 73)',
  })
  @IsIn(['parole', 'replacement'])
  procedure: 'parole' | 'replacement';

  @Nested(() => ConvictDto)
  convict: ConvictDto;

  @Nested(() => SentenceDto)
  sentence: SentenceDto;

  @Nested(() => ClaimDto, { each: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  claims: ClaimDto[];

  @Nested(() => LawyerDto)
  lawyer: LawyerDto;

  @Nested(() => MediatorDto, { required: false })
  mediator?: MediatorDto;

  @ApiPropertyOptional({
    example: '5b0c2f7e-1d3a-4c8e-9f60-2a7b8c9d0e1f',
    description:
      'The user id of the mediator the application is addressed to: he sees the case and accepts it; his name, register entry and organisation come from his account. A mediator opening a case is its mediator.',
  })
  @IsOptional()
  @IsString()
  @Matches(USER_ID, { message: 'Идентификатор пользователя: латинские буквы, цифры, «.», «_», «-», до 64 знаков' })
  mediatorUserId?: string;

  @ApiPropertyOptional({
    example: '0e4b8d2a-7c1f-4a3e-b5d6-9f8e7d6c5b4a',
    description:
      "Only when a mediator opens the case: the user id of the convict's lawyer, who then sees it. A lawyer opening a case is its lawyer.",
  })
  @IsOptional()
  @IsString()
  @Matches(USER_ID, { message: 'Идентификатор пользователя: латинские буквы, цифры, «.», «_», «-», до 64 знаков' })
  lawyerUserId?: string;

  @ApiPropertyOptional({
    example: 'г. Усть-Каменогорск',
    description:
      'Place of mediation, written on documents, as text: only when the town is not in the directory (placeId)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string;

  @DirectoryId('town', 'd1000000-0000-4000-8000-000000000501', 'the place text')
  placeId?: string;
}

/** A parole application with one victim, as a lawyer files it (synthetic ИИН with valid control digits). */
export const CREATE_CASE_EXAMPLE = {
  procedure: 'parole',
  convict: {
    fullName: 'Серіков Болат Нұрланұлы',
    iin: '900101300017',
    birthDate: '1990-01-01',
    institutionId: 'd1000000-0000-4000-8000-000000000101',
    identityDocument: { kind: 'id_card', number: '045678912', issuer: 'МВД РК', issuedOn: '2018-05-14' },
  },
  sentence: {
    courtId: 'd1000000-0000-4000-8000-000000000001',
    criminalCaseNumber: '221500031000123',
    number: '1-45/2022',
    date: '2022-03-15',
    articles: ['188 ч. 2 п. 4'],
    term: { years: 6, months: 0, days: 0 },
    startDate: '2022-01-10',
    gravity: 'grave',
    pretrialDetentionDays: 0,
  },
  claims: [
    {
      victim: {
        type: 'person',
        fullName: 'Ахметова Гүлнар Серікқызы',
        iin: '850505400127',
        address: 'г. Усть-Каменогорск, ул. Абая, 1',
        phone: '+77010000001',
        identityDocument: { kind: 'id_card', number: '034567891', issuer: 'МВД РК', issuedOn: '2016-02-20' },
      },
      amountAwarded: 200_000_000,
      amountRecovered: 0,
    },
  ],
  lawyer: { fullName: 'Иванов Пётр Сергеевич', licence: '0001234' },
  mediator: {
    fullName: 'Касымова Айгерім Маратқызы',
    registry: 'Реестр профессиональных медиаторов № 77',
    organisationId: 'd1000000-0000-4000-8000-000000000301',
  },
  placeId: 'd1000000-0000-4000-8000-000000000501',
} satisfies Partial<Record<keyof CreateCaseDto, unknown>>;

/** States of a claim a listing can filter on: its mediation, then (after an agreement) its restitution. */
export const CLAIM_STATES = [...MEDIATION_STATES, ...RESTITUTION_STATES] as const;

/**
 * GET /api/cases: filters (all combine), free search, newest first, keyset pages. `page`/`pageSize` (OFFSET
 * paging, which read every skipped case) are gone: pass `nextCursor` back as `cursor`.
 */
export class ListCasesQuery {
  @ApiPropertyOptional({
    description: 'Top-level state of the case, e.g. mediation, readyForCourt',
    example: 'mediation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  state?: string;

  @ApiPropertyOptional({
    enum: CLAIM_STATES,
    description: 'Cases with at least one claim in this state (mediation or restitution)',
  })
  @IsOptional()
  @IsIn(CLAIM_STATES)
  claimState?: (typeof CLAIM_STATES)[number];

  @ApiPropertyOptional({ description: 'true: cases with a claim in arrears (restitution state inArrears)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  arrears?: boolean;

  @ApiPropertyOptional({
    example: 'Усть-Каменогорский городской суд',
    description: 'Court of the sentence; case and Kazakh/Russian letters do not matter',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  court?: string;

  @ApiPropertyOptional({
    example: 'Касымова Айгерім Маратқызы',
    description: "Mediator's full name; case and Kazakh/Russian letters do not matter",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  mediator?: string;

  @ApiPropertyOptional({
    example: '2027-01-01',
    description: 'Cases whose next deadline (invitation reply, mediation term, instalment) falls before this date',
  })
  @IsOptional()
  @IsLocalDate()
  deadlineBefore?: string;

  @ApiPropertyOptional({
    example: 'Жумабеков',
    description:
      "Search: words the convict's or a victim's name (or the case number) begins with, Kazakh and Russian spellings alike " +
      '(«Жумабеков» finds «Жұмабеков»; Latin «Zhumabekov» too); 12 digits: exactly this ИИН of the convict or a victim',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class EligibilityQuery {
  @ApiPropertyOptional({ default: 0, description: 'Malicious violations of the regime on record (злостные нарушения)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  maliciousViolations?: number;
}
