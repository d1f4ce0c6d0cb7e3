import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Env } from '../config/env';
import { Allow, CurrentUser, Public } from './access.decorator';
import { Authenticator, csrfTokenFor, SESSION_COOKIE, sessionCookieOptions } from './authenticator';
import { USER_ROLES, type Principal } from './principal';
import { UsersService, view } from './users.service';

/** Signing in and out, who am I, one's own password and personal API tokens. */
@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  private readonly cookie: ReturnType<typeof sessionCookieOptions>;

  constructor(
    private readonly auth: Authenticator,
    private readonly users: UsersService,
    env: Env,
  ) {
    this.cookie = sessionCookieOptions(env);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in: sets the session cookie (HttpOnly, SameSite=Lax); answers the user and the CSRF token',
    description:
      'Failed attempts are limited per login and per address (429 with Retry-After). State-changing requests ' +
      'made with the cookie must send the CSRF token as `X-CSRF-Token`.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['login', 'password'],
      properties: { login: { type: 'string' }, password: { type: 'string', format: 'password' } },
    },
  })
  @Public()
  async login(@Body() body: unknown, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const signedIn = await this.auth.login(body, req.ip ?? null);
    void res.setCookie(SESSION_COOKIE, signedIn.sessionSecret, this.cookie);
    return { user: view(signedIn.user), csrfToken: signedIn.csrfToken };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends at once (a bearer token stays valid until revoked)' })
  @Allow(USER_ROLES)
  async logout(
    @CurrentUser() user: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    await this.auth.logout(user, req.ip ?? null);
    void res.clearCookie(SESSION_COOKIE, this.cookie);
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is signed in, and the CSRF token the pages send with state-changing requests' })
  @ApiOkResponse({ description: '{ user, via: "session" | "token", csrfToken (session only) }' })
  @Allow(USER_ROLES)
  async me(@CurrentUser() principal: Principal, @Req() req: FastifyRequest) {
    const user = await this.users.get(principal.userId);
    return {
      user,
      via: principal.via,
      csrfToken: principal.via === 'session' && req.sessionSecret ? csrfTokenFor(req.sessionSecret) : null,
    };
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: "Change one's own password (the current one is needed); other sessions end" })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['currentPassword', 'newPassword'],
      properties: {
        currentPassword: { type: 'string', format: 'password' },
        newPassword: { type: 'string', format: 'password', minLength: 12 },
      },
    },
  })
  @Allow(USER_ROLES)
  async changePassword(@CurrentUser() user: Principal, @Body() body: unknown, @Req() req: FastifyRequest) {
    await this.users.changeOwnPassword(user, body, req.ip ?? null);
  }

  @Post('tokens')
  @ApiOperation({
    summary: 'A personal API token for an integration: `{ id, name, token }`; the token is shown this once only',
  })
  @ApiBody({ schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 100 } } } })
  @Allow(USER_ROLES)
  createToken(@CurrentUser() user: Principal, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.auth.createToken(user, body, req.ip ?? null);
  }

  @Get('tokens')
  @ApiOperation({ summary: "One's tokens with when created and last used (never the token itself)" })
  @Allow(USER_ROLES)
  listTokens(@CurrentUser() user: Principal) {
    return this.auth.listTokens(user);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token: refused from the next request on' })
  @Allow(USER_ROLES)
  async revokeToken(@CurrentUser() user: Principal, @Param('id') id: string, @Req() req: FastifyRequest) {
    await this.auth.revokeToken(user, id, req.ip ?? null);
  }
}
