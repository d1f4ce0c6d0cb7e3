import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { addDays, isLocalDate } from '../common/local-date';
import { PRODUCT_TIME_ZONE } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AuditPageQuery, AuditSearchQuery } from './audit.dto';
import { AuditQueries } from './audit-queries';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Дело', 'id') });
const DEFAULT_LIMIT = 50;

@ApiTags('audit')
@Controller('api')
export class AuditController {
  constructor(private readonly audit: AuditQueries) {}

  @Get('audit')
  @ApiOperation({
    summary: 'Search the audit log (administrator): who read which case, downloaded, recorded, signed in',
    description:
      'Newest first, filters combine: userId, caseId, action, from/to (a day in Asia/Almaty, both inclusive, or an ' +
      'instant). Answer `{ items, nextCursor }`: pass nextCursor back as `cursor` for the next page.',
  })
  @ApiOkResponse({
    description: '{ items: [{ id, at, action, user, caseId, targetUserId, detail, address }], nextCursor }',
  })
  @Allow(['admin'])
  search(@Query() query: AuditSearchQuery) {
    const fromAt = query.from === undefined ? undefined : instantOf(query.from, 'start');
    const toAt = query.to === undefined ? undefined : instantOf(query.to, 'end');
    if (fromAt !== undefined && toAt !== undefined && fromAt >= toAt)
      throw DomainError.validation([{ field: 'to', rule: 'after_from', message: 'Конец периода раньше его начала' }]);
    return this.audit.search({
      userId: query.userId,
      caseId: query.caseId,
      action: query.action,
      fromAt,
      toAt,
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
  }

  @Get('cases/:id/audit')
  @ApiOperation({
    summary: "Who read the case, downloaded its documents or recorded its events (the case's mediator)",
  })
  @ApiOkResponse({
    description: '{ items: [{ id, at, action, user: { id, name, role }, caseId, detail }], nextCursor }',
  })
  @Allow(['mediator'], { caseParam: 'id' })
  ofCase(@Param('id', uuid) id: string, @Query() query: AuditPageQuery) {
    return this.audit.ofCase(id, { cursor: query.cursor, limit: query.limit ?? DEFAULT_LIMIT });
  }
}

/**
 * A day of Asia/Almaty as the instant it starts (`start`) or the instant the next one starts (`end`: the day is
 * included); an instant as given, in UTC (the form `at` is stored in, so that strings compare as times).
 */
export function instantOf(value: string, edge: 'start' | 'end'): string {
  if (value.length === 10) {
    if (!isLocalDate(value))
      throw DomainError.validation([
        { field: edge === 'start' ? 'from' : 'to', rule: 'date', message: 'Такой даты нет' },
      ]);
    return startOfDay(edge === 'start' ? value : addDays(value, 1));
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw DomainError.validation([
      { field: edge === 'start' ? 'from' : 'to', rule: 'date', message: 'Такого момента времени нет' },
    ]);
  return new Date(ms).toISOString();
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: PRODUCT_TIME_ZONE, timeZoneName: 'longOffset' });

/** The instant a calendar day begins in the product's time zone. */
function startOfDay(day: string): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const name = offsetFormat.formatToParts(new Date(utcMidnight)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offsetMs = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  return new Date(utcMidnight - offsetMs).toISOString();
}
