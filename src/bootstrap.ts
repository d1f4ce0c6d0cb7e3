import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';
import { createValidationPipe } from './common/validation.pipe';

/** Builds the HTTP application exactly as production runs it; e2e tests use the same function. */
export async function createApp(options: AppOptions, { logger = true }: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(options), { bufferLogs: true, logger: logger ? undefined : false });
  if (logger) app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle('Медиация до УДО — mediation before parole')
    .setDescription(
      'Cases of mediation between convict and victim on restitution of the civil claim before parole (CC RK art. 72) ' +
        'or replacement with a milder punishment (art. 73): procedure, deadlines, schedules, documents for the court.',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config));
  return app;
}
