import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentUser, Public } from '../auth/access.decorator';
import { CASE_ROLES, type Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { requestLanguage } from '../web/page-context';
import { CalendarFeeds } from './calendar-feeds';
import { Inbox } from './inbox';
import { ReminderPreferencesService } from './reminder-preferences';

const id = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Уведомление', 'id') });

/** Reminders over the API: one's inbox, preferences and calendar address; the administrator's failed deliveries. */
@ApiTags('reminders')
@Controller('api')
export class RemindersController {
  constructor(
    private readonly inbox: Inbox,
    private readonly preferences: ReminderPreferencesService,
    private readonly calendars: CalendarFeeds,
  ) {}

  @Get('inbox')
  @Allow(CASE_ROLES)
  @ApiOperation({ summary: 'My reminders, newest first (50 a page; `before` = the last item’s deliveredAt|id)' })
  list(@CurrentUser() user: Principal, @Req() req: FastifyRequest, @Query('before') before?: string) {
    const [at, last] = typeof before === 'string' ? before.split('|') : [];
    return this.inbox.list(user.userId, requestLanguage(req), at && last ? { at, id: last } : undefined);
  }

  @Post('inbox/:id/read')
  @HttpCode(204)
  @Allow(CASE_ROLES)
  async read(@CurrentUser() user: Principal, @Param('id', id) itemId: string) {
    await this.inbox.markRead(user.userId, itemId);
  }

  @Post('inbox/read-all')
  @HttpCode(204)
  @Allow(CASE_ROLES)
  async readAll(@CurrentUser() user: Principal) {
    await this.inbox.markAllRead(user.userId);
  }

  @Get('reminders/preferences')
  @Allow(CASE_ROLES)
  getPreferences(@CurrentUser() user: Principal) {
    return this.preferences.of(user.userId);
  }

  @Put('reminders/preferences')
  @Allow(CASE_ROLES)
  @ApiOperation({ summary: 'Which reminders by which channel (email | inbox | off), the daily digest, the address' })
  putPreferences(@CurrentUser() user: Principal, @Body() body: unknown) {
    return this.preferences.save(user.userId, body);
  }

  @Get('reminders/calendar')
  @Allow(CASE_ROLES)
  calendar(@CurrentUser() user: Principal) {
    return this.calendars.status(user.userId);
  }

  @Post('reminders/calendar')
  @Allow(CASE_ROLES)
  @ApiOperation({ summary: 'A new secret calendar address (ICS); the previous one stops working. Shown once.' })
  createCalendar(@CurrentUser() user: Principal) {
    return this.calendars.create(user.userId);
  }

  @Delete('reminders/calendar')
  @HttpCode(204)
  @Allow(CASE_ROLES)
  async revokeCalendar(@CurrentUser() user: Principal) {
    await this.calendars.revoke(user.userId);
  }

  @Get('reminders/failed')
  @Allow(['admin'])
  @ApiOperation({ summary: 'Reminders not delivered after every attempt, and those being retried after an error' })
  failed() {
    return this.inbox.failed();
  }

  @Post('reminders/:id/retry')
  @HttpCode(204)
  @Allow(['admin'])
  async retry(@Param('id', id) reminderId: string) {
    await this.inbox.retry(reminderId);
  }
}

/** The personal calendar feed: a public address whose secret is the credential (revoked or unknown → 404). */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendars: CalendarFeeds) {}

  @Get(':file')
  @Public()
  @Header('Cache-Control', 'no-store')
  async feed(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const secret = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const body = secret ? await this.calendars.feed(secret) : null;
    if (body === null) throw DomainError.notFound('Календарь', 'адрес');
    void reply.header('Content-Type', 'text/calendar; charset=utf-8');
    return body;
  }
}
