import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@app/persistence';
import { ApiModule, ApiModuleOptions } from './api.module';
import { apiValidationPipe } from './common/validation/validation.pipe';

/** Builds the API application (migrated, validated, logging through pino) without listening yet. */
export async function createApiApp(options: ApiModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(apiValidationPipe());
  app.useBodyParser('json', { limit: '1mb' });
  app.set('trust proxy', app.get(AppConfig).trustProxy);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  await app.init();
  return app;
}
