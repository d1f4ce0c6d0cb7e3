import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from './audit-log';

/** A calendar date (a day in Asia/Almaty) or an instant with its offset. */
const DAY_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DAY_OR_INSTANT_MESSAGE = 'Ожидается дата ГГГГ-ММ-ДД или момент времени ISO 8601 с часовым поясом';

export class AuditPageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AuditSearchQuery extends AuditPageQuery {
  @ApiPropertyOptional({ description: 'Entries of this user (who acted)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  userId?: string;

  @ApiPropertyOptional({ description: 'Entries about this case' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'From this day (Asia/Almaty) or instant, inclusive',
  })
  @IsOptional()
  @Matches(DAY_OR_INSTANT, { message: DAY_OR_INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Up to this day (Asia/Almaty) inclusive, or up to this instant (exclusive)',
  })
  @IsOptional()
  @Matches(DAY_OR_INSTANT, { message: DAY_OR_INSTANT_MESSAGE })
  to?: string;
}
