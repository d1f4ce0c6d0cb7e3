import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import { CASE_ROLES, type Principal } from '../../auth/principal';
import { UsersService } from '../../auth/users.service';
import { DomainError } from '../../common/domain-error';
import { REMINDER_DELIVERY, REMINDER_RULE_IDS, REMINDER_RULES } from '../../law/reminder-rules';
import { CalendarFeeds } from '../../reminders/calendar-feeds';
import { Inbox } from '../../reminders/inbox';
import { Mailer } from '../../reminders/mailer';
import { CHANNELS, ReminderPreferencesService } from '../../reminders/reminder-preferences';
import { fieldErrors, type FieldView } from '../forms/field-view';
import { translate } from '../i18n/messages';
import { requestLanguage } from '../page-context';
import { HtmlPage, Pages, seeOther } from '../pages';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Уведомление', 'id') });
type Form = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

/**
 * The reminders' pages: the inbox (always on; mark read), the settings (which reminders by which channel, the
 * digest, the address; the calendar address), and the administrator's list of reminders that could not be sent.
 * They call the services the API calls (src/reminders).
 */
@ApiExcludeController()
@Controller()
export class ReminderPagesController {
  constructor(
    private readonly pages: Pages,
    private readonly inbox: Inbox,
    private readonly preferences: ReminderPreferencesService,
    private readonly calendars: CalendarFeeds,
    private readonly mailer: Mailer,
    private readonly users: UsersService,
  ) {}

  @Get('inbox')
  @Allow(CASE_ROLES)
  @HtmlPage()
  async inboxPage(@CurrentUser() user: Principal, @Req() req: FastifyRequest, @Query('before') before?: string) {
    const [at, id] = typeof before === 'string' ? before.split('|') : [];
    const page = await this.inbox.list(user.userId, requestLanguage(req), at && id ? { at, id } : undefined);
    return this.pages.render(
      req,
      'reminders/inbox',
      {
        unread: page.unread,
        items: page.items.map(({ text, ...item }) => ({ ...item, line: text })), // `text` is a template helper
        next: page.next ? `${page.next.at}|${page.next.id}` : null,
      },
      'reminders.inbox.title',
    );
  }

  @Post('inbox/read')
  @Allow(CASE_ROLES)
  async markRead(@CurrentUser() user: Principal, @Body() body: Form, @Res({ passthrough: true }) reply: FastifyReply) {
    const id = one(body?.id);
    if (one(body?.all) === 'true') await this.inbox.markAllRead(user.userId);
    else if (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) await this.inbox.markRead(user.userId, id);
    else throw DomainError.validation([{ field: 'id', rule: 'required', message: 'Укажите уведомление' }]);
    return seeOther(reply, '/inbox');
  }

  @Get('settings/reminders')
  @Allow(CASE_ROLES)
  @HtmlPage()
  async settings(@CurrentUser() user: Principal, @Req() req: FastifyRequest, @Query('saved') saved?: string) {
    return this.settingsPage(req, user, { notice: saved ? 'reminders.settings.saved' : null });
  }

  @Post('settings/reminders')
  @Allow(CASE_ROLES)
  @HtmlPage()
  async save(
    @CurrentUser() user: Principal,
    @Req() req: FastifyRequest,
    @Body() body: Form,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = typeof body === 'object' && body !== null ? body : {};
    const rules: Record<string, string> = {};
    for (const id of this.rulesOf(user)) {
      const v = one(form[`rule.${id}`]);
      if (v !== undefined) rules[id] = v;
    }
    const input = { rules, digest: one(form.digest) === 'true', email: one(form.email) ?? '' };
    try {
      await this.preferences.save(user.userId, input);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      void reply.code(400);
      return this.settingsPage(req, user, { errors: fieldErrors(requestLanguage(req), e), typed: input });
    }
    return seeOther(reply, '/settings/reminders?saved=1');
  }

  @Post('settings/reminders/calendar')
  @HttpCode(200) // the page shows the new address (once): nothing to redirect to
  @Allow(CASE_ROLES)
  @HtmlPage()
  async createCalendar(@CurrentUser() user: Principal, @Req() req: FastifyRequest) {
    const { url } = await this.calendars.create(user.userId);
    return this.settingsPage(req, user, { calendarUrl: url });
  }

  @Post('settings/reminders/calendar/revoke')
  @Allow(CASE_ROLES)
  async revokeCalendar(@CurrentUser() user: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.calendars.revoke(user.userId);
    return seeOther(reply, '/settings/reminders?revoked=1');
  }

  @Get('admin/reminders')
  @Allow(['admin'])
  @HtmlPage()
  async failed(@Req() req: FastifyRequest) {
    const lang = requestLanguage(req);
    const items = (await this.inbox.failed()).map((f) => ({
      ...f,
      title: translate(lang, `reminders.rule.${f.rule}.title`),
      who: 'victimOfClaim' in f.recipient ? translate(lang, 'reminders.failed.victim') : (f.recipient.login ?? '—'),
      retryable: f.status === 'failed',
    }));
    return this.pages.render(req, 'reminders/failed', { items }, 'reminders.failed.title');
  }

  @Post('admin/reminders/:id/retry')
  @Allow(['admin'])
  async retry(@Param('id', uuid) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.inbox.retry(id);
    return seeOther(reply, '/admin/reminders');
  }

  private rulesOf(user: Principal) {
    return REMINDER_RULE_IDS.filter((id) => (REMINDER_RULES[id].audience as readonly string[]).includes(user.role));
  }

  private async settingsPage(
    req: FastifyRequest,
    user: Principal,
    opts: {
      notice?: string | null;
      errors?: Record<string, string>;
      typed?: { rules: Record<string, string>; digest: boolean; email: string };
      calendarUrl?: string;
    },
  ): Promise<string> {
    const lang = requestLanguage(req);
    const prefs = await this.preferences.of(user.userId);
    const account = (await this.users.get(user.userId)).email;
    const errors = opts.errors ?? {};
    const rules: FieldView[] = this.rulesOf(user).map((id) => {
      const value = opts.typed?.rules[id] ?? prefs.rules[id];
      return {
        name: `rule.${id}`,
        id: `f-rule-${id.replace(/\./g, '-')}`,
        label: translate(lang, `reminders.rule.${id}.title`),
        input: 'select',
        required: true,
        value,
        options: CHANNELS.map((c) => ({
          value: c,
          label: translate(lang, `reminders.settings.channel.${c}`),
          selected: c === value,
        })),
        ...(errors[`rules.${id}`] && { error: errors[`rules.${id}`] }),
      };
    });
    const email: FieldView = {
      name: 'email',
      id: 'f-email',
      label: translate(lang, 'reminders.settings.email'),
      input: 'email',
      required: false,
      value: opts.typed?.email ?? prefs.email ?? '',
      autocomplete: 'email',
      help: translate(lang, 'reminders.settings.emailHelp', {
        account: account ?? translate(lang, 'reminders.settings.noAccountEmail'),
      }),
      ...(errors.email && { error: errors.email }),
    };
    const digest: FieldView = {
      name: 'digest',
      id: 'f-digest',
      label: translate(lang, 'reminders.settings.digest', { hour: REMINDER_DELIVERY.digestHour }),
      input: 'checkbox',
      required: false,
      value: 'true',
      checked: opts.typed?.digest ?? prefs.digest,
    };
    const calendar = await this.calendars.status(user.userId);
    const revoked = typeof (req.query as Record<string, unknown>)?.revoked === 'string';
    return this.pages.render(
      req,
      'reminders/settings',
      {
        notice: opts.notice ?? (revoked ? 'reminders.calendar.revoked' : null),
        hasErrors: Object.keys(errors).length > 0,
        mailOff: !this.mailer.enabled,
        rules,
        email,
        digest,
        calendar,
        calendarUrl: opts.calendarUrl ?? null,
      },
      'reminders.settings.title',
    );
  }
}
