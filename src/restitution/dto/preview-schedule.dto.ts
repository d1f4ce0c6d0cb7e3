import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { IsDueDayOfMonth, IsLocalDate, IsTiyn } from '../../common/validation';
import { settings } from '../../law/legal-rules';
import { DUE_DAY_OF_MONTH } from '../domain/instalment-terms';

/**
 * A schedule to preview. Amounts in tiyn (1 ₸ = 100 tiyn). Give the amount either as `outstanding` or as
 * `awarded` − `recovered`; the pace either as `monthly` or as `months`; the start either as `firstDueDate`
 * or as `releaseDate` (first payment in the month after release). Cross-field rules are checked by the
 * domain (src/restitution/domain/schedule.ts) and answered with the same 400 shape.
 */
export class PreviewScheduleDto {
  @ApiPropertyOptional({
    description: 'Сумма к выплате по графику, тиын (включая первоначальный взнос)',
    example: 200_000_000,
  })
  @IsOptional()
  @IsTiyn()
  outstanding?: number;

  @ApiPropertyOptional({ description: 'Присуждено приговором, тиын (вместо outstanding)', example: 200_000_000 })
  @IsOptional()
  @IsTiyn()
  awarded?: number;

  @ApiPropertyOptional({ description: 'Уже взыскано (удержания из заработка и т. п.), тиын', example: 0 })
  @IsOptional()
  @IsTiyn()
  recovered?: number;

  @ApiPropertyOptional({ description: 'Первоначальный взнос, тиын (строка № 0 графика)', example: 20_000_000 })
  @IsOptional()
  @IsTiyn()
  downPayment?: number;

  @ApiPropertyOptional({
    description: 'Дата первоначального взноса (по умолчанию — дата соглашения)',
    example: '2026-11-20',
  })
  @IsOptional()
  @IsLocalDate()
  downPaymentDueDate?: string;

  @ApiPropertyOptional({ description: 'Ежемесячный платёж, тиын (либо months)', example: 5_000_000 })
  @IsOptional()
  @IsTiyn()
  monthly?: number;

  @ApiPropertyOptional({
    description: 'Число ежемесячных платежей (либо monthly)',
    example: 40,
    minimum: 1,
    maximum: settings.maxScheduleMonths,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  months?: number;

  @ApiPropertyOptional({ description: 'Дата первого платежа (либо releaseDate)', example: '2027-01-10' })
  @IsOptional()
  @IsLocalDate()
  firstDueDate?: string;

  @ApiPropertyOptional({
    description: 'Дата освобождения: первый платёж — в следующем месяце (либо firstDueDate)',
    example: '2026-12-01',
  })
  @IsOptional()
  @IsLocalDate()
  releaseDate?: string;

  @ApiPropertyOptional({
    description: `День месяца для платежей, ${DUE_DAY_OF_MONTH.min}–${DUE_DAY_OF_MONTH.max} (${DUE_DAY_OF_MONTH.max} → последний день короткого месяца); по умолчанию — день firstDueDate`,
    example: 10,
    minimum: DUE_DAY_OF_MONTH.min,
    maximum: DUE_DAY_OF_MONTH.max,
  })
  @IsOptional()
  @IsDueDayOfMonth()
  dayOfMonth?: number;

  @ApiPropertyOptional({
    description: 'Переносить срок с нерабочего дня на следующий рабочий (ГК ст. 175); по умолчанию — да',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  moveToWorkingDay?: boolean;

  @ApiPropertyOptional({ description: 'Дата соглашения: ни один платёж не может быть раньше', example: '2026-11-20' })
  @IsOptional()
  @IsLocalDate()
  agreementDate?: string;
}
