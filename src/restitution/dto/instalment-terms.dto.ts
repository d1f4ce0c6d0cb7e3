import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { InstalmentTerms } from '../../../machines/events';
import { IsDueDayOfMonth, IsLocalDate, IsPositiveTiyn } from '../../common/validation';
import { MAX_TIYN } from '../../money/domain/money';
import { DUE_DAY_OF_MONTH } from '../domain/instalment-terms';

/**
 * Instalment terms as an agreement states them (signed or amended). The field rules are the predicates of
 * `src/restitution/domain/instalment-terms.ts`, which the machines apply too; the limits come from the legal rules.
 */
export class InstalmentTermsDto implements InstalmentTerms {
  @ApiProperty({ example: 180_000_000, minimum: 1, maximum: MAX_TIYN, description: 'Total paid in instalments, tiyn' })
  @IsPositiveTiyn()
  total: number;

  @ApiProperty({ example: 5_000_000, minimum: 1, maximum: MAX_TIYN, description: 'Monthly amount, tiyn' })
  @IsPositiveTiyn()
  monthly: number;

  @ApiPropertyOptional({
    example: '2027-01-10',
    description: 'First due date, not before the agreement; or omit it and set startsMonthAfterRelease',
  })
  @IsOptional()
  @IsLocalDate()
  firstDueDate?: string;

  @ApiPropertyOptional({ example: true, description: 'Payments start in the month after release' })
  @IsOptional()
  @IsBoolean()
  startsMonthAfterRelease?: boolean;

  @ApiProperty({
    example: 10,
    minimum: DUE_DAY_OF_MONTH.min,
    maximum: DUE_DAY_OF_MONTH.max,
    description: `Day of month the instalments fall due on (${DUE_DAY_OF_MONTH.max} = the last day of shorter months)`,
  })
  @IsDueDayOfMonth()
  dayOfMonth: number;
}
