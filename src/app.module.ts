import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, FixedClock, SystemClock } from './common/clock';
import { DomainErrorFilter } from './common/domain-error.filter';
import { Env } from './config/env';
import { databaseOptions } from './database/database.config';
import { HealthController } from './health/health.controller';
import { FEATURE_MODULES } from './features';

export interface AppOptions {
  env: Env;
  /** A clock to use instead of the system clock (tests, demonstrations). */
  clock?: Clock;
}

@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppOptions): DynamicModule {
    const clock =
      options.clock ??
      (options.env.FIXED_CLOCK ? new FixedClock(new Date(options.env.FIXED_CLOCK)) : new SystemClock());
    return {
      module: CoreModule,
      providers: [
        { provide: Env, useValue: options.env },
        { provide: Clock, useValue: clock },
      ],
      exports: [Env, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(options), TypeOrmModule.forRoot(databaseOptions(options.env)), ...FEATURE_MODULES],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
