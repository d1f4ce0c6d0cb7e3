import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { Authenticator } from './authenticator';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * People and access: accounts, signing in (session cookie, personal API tokens), the access guard on every route.
 * The Fastify hooks that authenticate each request and check CSRF are registered by bootstrap.ts
 * (registerHttpPlugins → registerAuthentication).
 */
@Module({
  controllers: [AuthController, UsersController],
  providers: [UsersService, Authenticator, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [UsersService, Authenticator],
})
export class AuthModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(private readonly users: UsersService) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) === 0)
      this.logger.warn(
        'No user exists yet: nobody can sign in. Create the first administrator: ' +
          'USER_PASSWORD=… npm run user:create -- --login admin --role admin --name "Full name"',
      );
  }
}
