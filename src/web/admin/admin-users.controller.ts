import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../auth/access.decorator';
import { USER_ROLES } from '../../auth/principal';
import { UsersService, type Requester, type UserView } from '../../auth/users.service';
import { DomainError } from '../../common/domain-error';
import type { DirectoryEntry } from '../../directory/directory-entry';
import { DirectoryService } from '../../directory/directory.service';
import { searchWords } from '../../cases/search/fold';
import { translate } from '../i18n/messages';
import { formatDateTime } from '../render/format';
import { HtmlPage, Pages, seeOther } from '../pages';
import {
  adminFieldErrors,
  formValues,
  ORGANISATION_KINDS,
  passwordFieldView,
  roleLabel,
  USER_FIELDS,
  userBody,
  userFieldViews,
  userValues,
  type FormValues,
} from './admin-forms';

/** Who asked, for the audit log: exactly as the API's UsersController passes it. */
const requester = (req: FastifyRequest): Requester => ({ principal: req.principal ?? null, address: req.ip ?? null });

/** What a page says after a form was accepted (?done=…). */
const NOTICES: Record<string, string> = {
  created: 'admin.users.created',
  saved: 'admin.users.saved',
  disabled: 'admin.users.disabledNotice',
  enabled: 'admin.users.enabledNotice',
  password: 'admin.users.passwordNotice',
};

const isFormError = (e: unknown): e is DomainError =>
  e instanceof DomainError && (e.code === 'validation_failed' || e.code === 'rule_violation');

/**
 * The administrator's pages of the accounts: the list, a new user, one user (his fields, disable/enable, a new
 * password). Every change goes through UsersService as the API's UsersController calls it (same rules, same audit);
 * a refused form comes back with the errors at the fields in the reader's language.
 */
@ApiExcludeController()
@Allow(['admin'])
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly pages: Pages,
    private readonly users: UsersService,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @HtmlPage()
  async list(@Req() req: FastifyRequest, @Query('role') role?: string, @Query('q') q?: string) {
    const lang = this.pages.context(req).lang;
    const all = await this.users.list();
    const words = typeof q === 'string' && q.trim() ? searchWords(q) : [];
    const roleFilter = USER_ROLES.find((r) => r === role) ?? '';
    const users = all
      .filter((u) => !roleFilter || u.role === roleFilter)
      .filter((u) => {
        if (!words.length) return true;
        const have = searchWords([u.login, u.fullNameRu, u.fullNameKk ?? ''].join(' '));
        return words.every((w) => have.some((h) => h.startsWith(w)));
      })
      .map((u) => ({
        id: u.id,
        login: u.login,
        name: this.nameOf(u, lang),
        role: roleLabel(lang, u.role),
        organisation: u.organisationName ?? u.organisationId ?? '',
        disabled: u.disabled,
        disabledSince: u.disabledAt ? formatDateTime(u.disabledAt, lang) : null,
        self: u.id === req.principal?.userId,
      }));
    return this.pages.render(
      req,
      'admin/users',
      {
        users,
        total: all.length,
        disabledCount: all.filter((u) => u.disabled).length,
        filter: { q: typeof q === 'string' ? q : '', role: roleFilter },
        roles: USER_ROLES.map((r) => ({ value: r, label: roleLabel(lang, r), selected: r === roleFilter })),
      },
      'admin.users.title',
    );
  }

  @Get('new')
  @HtmlPage()
  async newForm(@Req() req: FastifyRequest) {
    return this.newPage(req, { role: 'mediator' }, {});
  }

  @Post('new')
  @HtmlPage()
  async create(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: unknown) {
    const values = formValues(body, [...USER_FIELDS, 'password']);
    const organisations = await this.organisations();
    try {
      const user = await this.users.create(
        { ...userBody(values, organisations), password: values.password },
        requester(req),
      );
      return seeOther(reply, `/admin/users/${user.id}?done=created`);
    } catch (e) {
      if (!isFormError(e)) throw e;
      void reply.code(400);
      return this.newPage(req, values, adminFieldErrors(this.pages.context(req).lang, e));
    }
  }

  @Get(':id')
  @HtmlPage()
  async edit(@Req() req: FastifyRequest, @Param('id') id: string, @Query('done') done?: string) {
    const user = await this.users.get(id);
    return this.editPage(req, user, userValues(user), {}, { notice: done && NOTICES[done] ? NOTICES[done] : null });
  }

  @Post(':id')
  @HtmlPage()
  async update(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const user = await this.users.get(id);
    const values = formValues(body, USER_FIELDS);
    try {
      await this.users.update(id, userBody(values, await this.organisations()), requester(req));
      return seeOther(reply, `/admin/users/${id}?done=saved`);
    } catch (e) {
      if (!isFormError(e)) throw e;
      void reply.code(400);
      return this.editPage(req, user, values, adminFieldErrors(this.pages.context(req).lang, e), {});
    }
  }

  @Post(':id/disable')
  @HtmlPage()
  async disable(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Param('id') id: string) {
    return this.stateChange(req, reply, id, () => this.users.disable(id, requester(req)), 'disabled');
  }

  @Post(':id/enable')
  @HtmlPage()
  async enable(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Param('id') id: string) {
    return this.stateChange(req, reply, id, () => this.users.enable(id, requester(req)), 'enabled');
  }

  @Post(':id/password')
  @HtmlPage()
  async resetPassword(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const user = await this.users.get(id);
    const { password } = formValues(body, ['password']);
    try {
      await this.users.resetPassword(id, { password }, requester(req));
      return seeOther(reply, `/admin/users/${id}?done=password`);
    } catch (e) {
      if (!isFormError(e)) throw e;
      void reply.code(400);
      const lang = this.pages.context(req).lang;
      return this.editPage(req, user, userValues(user), {}, { passwordErrors: adminFieldErrors(lang, e) });
    }
  }

  private async stateChange(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    change: () => Promise<unknown>,
    done: string,
  ): Promise<string> {
    const user = await this.users.get(id);
    try {
      await change();
      return seeOther(reply, `/admin/users/${id}?done=${done}`);
    } catch (e) {
      if (!isFormError(e)) throw e;
      void reply.code(400);
      const errors = adminFieldErrors(this.pages.context(req).lang, e);
      return this.editPage(req, user, userValues(user), {}, { stateError: Object.values(errors).join('; ') });
    }
  }

  private async organisations(): Promise<DirectoryEntry[]> {
    const { items } = await this.directory.list({ includeInactive: true });
    return items.filter((e) => ORGANISATION_KINDS.includes(e.kind));
  }

  private nameOf(u: UserView, lang: string): string {
    return lang === 'kk' && u.fullNameKk ? u.fullNameKk : u.fullNameRu;
  }

  private async newPage(req: FastifyRequest, values: FormValues, errors: Record<string, string>) {
    const lang = this.pages.context(req).lang;
    return this.pages.render(
      req,
      'admin/user-new',
      {
        fields: userFieldViews(lang, values, errors, await this.organisations()),
        password: passwordFieldView(lang, 'admin.field.password', errors),
        hasErrors: Object.keys(errors).length > 0,
      },
      'admin.users.new',
    );
  }

  private async editPage(
    req: FastifyRequest,
    user: UserView,
    values: FormValues,
    errors: Record<string, string>,
    extra: { notice?: string | null; passwordErrors?: Record<string, string>; stateError?: string },
  ) {
    const lang = this.pages.context(req).lang;
    const title = translate(lang, 'admin.users.edit', { login: user.login });
    return this.pages.render(
      req,
      'admin/user-edit',
      {
        user: {
          id: user.id,
          login: user.login,
          name: this.nameOf(user, lang),
          role: roleLabel(lang, user.role),
          disabled: user.disabled,
          disabledSince: user.disabledAt ? formatDateTime(user.disabledAt, lang) : null,
          self: user.id === req.principal?.userId,
        },
        heading: title,
        notice: extra.notice ?? null,
        fields: userFieldViews(lang, values, errors, await this.organisations()),
        hasErrors: Object.keys(errors).length > 0,
        password: passwordFieldView(lang, 'admin.field.newPassword', extra.passwordErrors ?? {}),
        passwordHasErrors: Object.keys(extra.passwordErrors ?? {}).length > 0,
        stateError: extra.stateError ?? null,
      },
      { text: title },
    );
  }
}
