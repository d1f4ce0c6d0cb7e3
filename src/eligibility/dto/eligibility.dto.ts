import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { IsLocalDate } from '../../common/validation';
import {
  GRAVITIES,
  PROCEDURES,
  REVOKED_PAROLE,
  type Gravity,
  type RevokedParole,
  type Sex,
} from '../domain/parole-eligibility';

/** A term longer than zero: years + months + days > 0 (rule id 'term_positive'). */
const IsPositiveTerm = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'term_positive',
      validator: {
        validate: (v: unknown) => {
          const t = v as TermDto | undefined;
          return (
            !!t && typeof t === 'object' && [t.years, t.months, t.days].some((n) => typeof n === 'number' && n > 0)
          );
        },
        defaultMessage: () => 'Срок наказания должен быть больше нуля / Жаза мерзімі нөлден үлкен болуы тиіс',
      },
    },
    options,
  );

export class TermDto {
  @ApiProperty({ example: 6, minimum: 0 }) @IsInt() @Min(0) @Max(100) years: number;
  @ApiProperty({ example: 0, minimum: 0, maximum: 11 }) @IsInt() @Min(0) @Max(11) months: number;
  @ApiProperty({ example: 0, minimum: 0, maximum: 29 }) @IsInt() @Min(0) @Max(29) days: number;
}

export class DetentionPeriodDto {
  @ApiProperty({ example: '2019-11-26' }) @IsLocalDate() from: string;
  @ApiProperty({ example: '2020-01-09' }) @IsLocalDate() to: string;
}

export class PrivilegedGroundsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() pregnant?: boolean;
  @ApiPropertyOptional({ description: 'Woman having or raising a child under 14' })
  @IsOptional()
  @IsBoolean()
  womanWithChildUnder14?: boolean;
  @ApiPropertyOptional({ description: 'Man raising a child under 14 alone' })
  @IsOptional()
  @IsBoolean()
  singleFatherOfChildUnder14?: boolean;
  @ApiPropertyOptional({ description: 'Raising a child with a disability (УК 72 ч. 4)' })
  @IsOptional()
  @IsBoolean()
  raisingDisabledChild?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() womanAged58OrOver?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() manAged63OrOver?: boolean;
  @ApiPropertyOptional({ enum: [1, 2, 3], nullable: true }) @IsOptional() @IsIn([1, 2, 3]) disabilityGroup?:
    1 | 2 | 3 | null;
}

export class TerrorismOrExtremismDto {
  @ApiProperty() @IsBoolean() causedDeaths: boolean;
  @ApiProperty() @IsBoolean() linkedToEspeciallyGrave: boolean;
  @ApiProperty({ description: 'Active cooperation in preventing, solving or investigating such crimes' })
  @IsBoolean()
  activeCooperation: boolean;
}

export class SexualCrimeAgainstMinorDto {
  @ApiProperty() @IsBoolean() offenderWasMinor: boolean;
  @ApiProperty() @IsBoolean() victimAged14To18: boolean;
}

/** POST /api/eligibility — the facts of the sentence and the person that УК 72 and 73 ask about. */
export class EligibilityRequestDto {
  @ApiPropertyOptional({ enum: PROCEDURES, default: 'both' }) @IsOptional() @IsIn(PROCEDURES) procedure?:
    'parole' | 'replacement' | 'both';

  @ApiPropertyOptional({ type: TermDto, description: 'The sentence; required unless lifeImprisonment' })
  @ValidateIf((o: EligibilityRequestDto) => !o.lifeImprisonment)
  @IsPositiveTerm()
  @ValidateNested()
  @Type(() => TermDto)
  term?: TermDto;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() lifeImprisonment?: boolean;

  @ApiProperty({ example: '2020-01-10', description: 'Start of the term; not in the future' })
  @IsDefined()
  @IsLocalDate()
  termStartDate: string;

  @ApiPropertyOptional({ example: 45, minimum: 0, description: 'Days of pre-trial detention credited' })
  @IsOptional()
  @IsInt()
  @Min(0)
  pretrialDetentionDays?: number;

  @ApiPropertyOptional({ type: DetentionPeriodDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DetentionPeriodDto)
  pretrialDetention?: DetentionPeriodDto;

  @ApiProperty({ enum: GRAVITIES, example: 'grave' }) @IsDefined() @IsIn(GRAVITIES) gravity: Gravity;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() againstLifeOrHealth?: boolean;
  @ApiPropertyOptional({ description: 'Especially grave crime against life (УК 72 ч. 4 п. 3, 4)' })
  @IsOptional()
  @IsBoolean()
  againstLife?: boolean;
  @ApiPropertyOptional({ type: PrivilegedGroundsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrivilegedGroundsDto)
  privileged?: PrivilegedGroundsDto;
  @ApiPropertyOptional({ enum: ['female', 'male'] }) @IsOptional() @IsIn(['female', 'male']) sex?: Sex;
  @ApiPropertyOptional({ example: '1963-05-01' }) @IsOptional() @IsLocalDate() birthDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() proceduralAgreementFulfilled?: boolean;
  @ApiPropertyOptional({ enum: REVOKED_PAROLE, default: 'none' })
  @IsOptional()
  @IsIn(REVOKED_PAROLE)
  previousParoleRevoked?: RevokedParole;
  @ApiPropertyOptional({ type: TermDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TermDto)
  unservedRemainder?: TermDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() corruption?: boolean;
  @ApiPropertyOptional({ type: TerrorismOrExtremismDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TerrorismOrExtremismDto)
  terrorismOrExtremism?: TerrorismOrExtremismDto;
  @ApiPropertyOptional({ type: SexualCrimeAgainstMinorDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SexualCrimeAgainstMinorDto)
  sexualCrimeAgainstMinor?: SexualCrimeAgainstMinorDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() killingInCriminalGroup?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() crimeInCriminalGroup?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() torture?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() replacedUnderArt73Before?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() previouslyParoledFromLife?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() newGraveCrimeWhileServingLife?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() foreigner?: boolean;
}

export class CitationTextDto {
  @ApiProperty({ example: 'УК РК ст. 72 ч. 3 п. 2' }) ru: string;
  @ApiProperty({ example: 'ҚР ҚК 72-бап 3-бөлік 2-тармақ' }) kk: string;
}

export class ExclusionDto {
  @ApiProperty({ type: CitationTextDto }) citation: CitationTextDto;
  @ApiProperty({
    example: { ru: 'УДО не применяется к осуждённым за пытки', kk: 'Азаптау үшін сотталған адамдарға …' },
  })
  reason: { ru: string; kk: string };
}

export class EligibilityAnswerDto {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ nullable: true, example: '2022-11-26' }) earliestDate: string | null;
  @ApiProperty({ nullable: true, example: { numerator: 1, denominator: 2 } }) fraction: {
    numerator: number;
    denominator: number;
  } | null;
  @ApiProperty({ nullable: true, type: TermDto }) requiredServed: TermDto | null;
  @ApiProperty({ nullable: true, enum: ['term', 'unserved_remainder', 'life'] }) base: string | null;
  @ApiProperty({ type: CitationTextDto }) citation: CitationTextDto;
  @ApiProperty({ example: { act: 'УК', article: '72', part: '3', item: '2' } }) rule: Record<string, string>;
  @ApiProperty() minimumSixMonthsApplied: boolean;
  @ApiProperty({ description: 'How the date was computed (Russian)' }) method: string;
  @ApiPropertyOptional({ type: ExclusionDto }) exclusion?: ExclusionDto;
  @ApiProperty({ description: 'Only a discretionary decision is possible (УК 72 ч. 1 абз. 3–5; always for art. 73)' })
  discretionaryOnly: boolean;
  @ApiProperty({ type: [String] }) notes: string[];
}

export class EligibilityResponseDto {
  @ApiPropertyOptional({ type: EligibilityAnswerDto }) parole?: EligibilityAnswerDto;
  @ApiPropertyOptional({ type: EligibilityAnswerDto }) replacement?: EligibilityAnswerDto;
}
