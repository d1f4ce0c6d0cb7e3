import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentUser, Public } from '../../auth/access.decorator';
import { Authenticator, SESSION_COOKIE, sessionCookieOptions } from '../../auth/authenticator';
import { USER_ROLES, type Principal } from '../../auth/principal';
import { UsersService } from '../../auth/users.service';
import { DomainError } from '../../common/domain-error';
import { Env } from '../../config/env';
import { isLang, LANG_COOKIE, type Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { homeOf } from '../nav';
import { requestLanguage, safeLocalPath } from '../page-context';
import { HtmlPage, Pages, seeOther } from '../pages';

interface SignInForm {
  login?: string;
  password?: string;
  next?: string;
}

/**
 * Signing in and out of the workplace, and the language switch. The sign-in form posts to /login (Origin checked,
 * the same throttle as the API's sign-in); the session cookie is the API's; after it he lands where he was going
 * (`next`, a path of this service only) or on his home page.
 */
@ApiExcludeController()
@Controller()
export class SignInController {
  private readonly cookie: ReturnType<typeof sessionCookieOptions>;

  constructor(
    private readonly pages: Pages,
    private readonly auth: Authenticator,
    private readonly users: UsersService,
    env: Env,
  ) {
    this.cookie = sessionCookieOptions(env);
  }

  @Get('login')
  @Public()
  @HtmlPage()
  form(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('next') next?: string,
    @Query('expired') expired?: string,
    @Query('out') out?: string,
  ) {
    if (req.principal) return seeOther(reply, safeLocalPath(next, homeOf(req.principal.role)));
    const notice = expired ? 'login.expired' : out ? 'login.signedOut' : null;
    return this.page(req, { next: safeLocalPath(next, ''), notice });
  }

  @Post('login')
  @Public()
  @HtmlPage()
  async signIn(@Body() body: SignInForm, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const form = typeof body === 'object' && body !== null ? body : {};
    try {
      const signedIn = await this.auth.login({ login: form.login, password: form.password }, req.ip ?? null);
      void reply.setCookie(SESSION_COOKIE, signedIn.sessionSecret, this.cookie);
      return seeOther(reply, safeLocalPath(form.next, homeOf(signedIn.principal.role)));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const lang = requestLanguage(req);
      const wait = typeof e.details.retryAfterSeconds === 'number' ? e.details.retryAfterSeconds : null;
      const error =
        wait !== null
          ? translate(lang, 'login.throttled', { minutes: Math.ceil(wait / 60) })
          : e.code === 'validation_failed'
            ? translate(lang, 'rule.required')
            : translate(lang, 'login.failed');
      void reply.code(wait !== null ? 429 : e.code === 'validation_failed' ? 400 : 401);
      if (wait !== null) void reply.header('Retry-After', String(wait));
      return this.page(req, { next: safeLocalPath(form.next, ''), error, login: form.login ?? '' });
    }
  }

  @Post('logout')
  @Allow(USER_ROLES)
  async signOut(
    @CurrentUser() user: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.auth.logout(user, req.ip ?? null);
    void reply.clearCookie(SESSION_COOKIE, this.cookie);
    return seeOther(reply, '/login?out=1');
  }

  /** The language switch: remembered on the account when signed in, in a cookie before. */
  @Post('language')
  @Public()
  async language(
    @Body() body: { lang?: string; next?: string },
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const lang: Lang | null = isLang(body?.lang) ? body.lang : null;
    if (lang) {
      void reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
      if (req.principal) await this.users.setLanguage(req.principal.userId, lang);
    }
    return seeOther(reply, safeLocalPath(body?.next, '/'));
  }

  private page(req: FastifyRequest, model: object): string {
    return this.pages.render(req, 'login', model, 'login.title');
  }
}
