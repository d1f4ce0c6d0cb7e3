import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Amounts of a row printed as documents print them: '2 000 000,00 ₸' (NBSP between groups). */
export class FormattedRowAmounts {
  @ApiProperty({ example: '50 000,00 ₸' }) amount: string;
  @ApiProperty({ example: '50 000,00 ₸' }) cumulative: string;
  @ApiProperty({ example: '1 950 000,00 ₸' }) remaining: string;
}

export class ScheduleRowView {
  @ApiProperty({ description: '0 — первоначальный взнос, 1… — ежемесячные платежи', example: 1 }) no: number;
  @ApiProperty({ enum: ['down_payment', 'instalment'] }) kind: 'down_payment' | 'instalment';
  @ApiProperty({ example: '2027-01-11' }) dueDate: string;
  @ApiProperty({ example: '2027-01-10' }) nominalDate: string;
  @ApiPropertyOptional({ example: 'воскресенье' }) movedBecause?: string;
  @ApiProperty({ description: 'тиын', example: 5_000_000 }) amount: number;
  @ApiProperty({ description: 'тиын', example: 5_000_000 }) cumulative: number;
  @ApiProperty({ description: 'тиын', example: 195_000_000 }) remaining: number;
  @ApiProperty() formatted: FormattedRowAmounts;
}

export class FormattedScheduleAmounts {
  @ApiProperty({ example: '2 000 000,00 ₸' }) total: string;
  @ApiProperty({ example: '0,00 ₸' }) downPayment: string;
  @ApiProperty({ example: '50 000,00 ₸' }) monthly: string;
  @ApiProperty({ example: '50 000,00 ₸' }) lastAmount: string;
}

export class ScheduleView {
  @ApiProperty({ type: [ScheduleRowView] }) rows: ScheduleRowView[];
  @ApiProperty({ description: 'тиын', example: 200_000_000 }) total: number;
  @ApiProperty({ description: 'тиын', example: 0 }) downPayment: number;
  @ApiProperty({ example: 40 }) months: number;
  @ApiProperty({ description: 'тиын', example: 5_000_000 }) monthly: number;
  @ApiProperty({ description: 'тиын', example: 5_000_000 }) lastAmount: number;
  @ApiProperty({ example: 10 }) dayOfMonth: number;
  @ApiPropertyOptional({ example: '2027-01-11' }) firstDueDate?: string;
  @ApiPropertyOptional({ example: '2030-04-10' }) lastDueDate?: string;
  @ApiProperty() movedToWorkingDays: boolean;
  @ApiProperty({ description: 'false — часть дат раньше 2022 года: список праздников тех лет не ведётся' })
  calendarKnown: boolean;
  @ApiProperty({
    description:
      'true — часть дат в годах без утверждённого календаря (праздники рассчитаны по закону, приказы о переносе не известны)',
  })
  calendarProvisional: boolean;
  @ApiProperty() formatted: FormattedScheduleAmounts;
}
