import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { EnsureDefaultInstanceCommand } from '@app/domain';
import { AppConfig } from '@app/persistence';
import { ApiModule, ApiModuleOptions } from './api.module';
import { apiValidationPipe } from './common/validation/validation.pipe';

/** Builds the API application (migrated, validated, logging through pino) without listening yet. */
export async function createApiApp(options: ApiModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(apiValidationPipe());
  app.useBodyParser('json', { limit: '1mb' });
  app.use(cookieParser());
  app.set('trust proxy', app.get(AppConfig).trustProxy);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  await app.init();
  await app.get(CommandBus).execute(new EnsureDefaultInstanceCommand());
  return app;
}
