import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { EnsureDefaultInstanceCommand } from '@app/domain';
import { AppConfig } from '@app/persistence';
import { ApiModule, ApiModuleOptions } from './api.module';
import { answerParserErrorsInSurfaceFormat } from './common/input/client-error';
import { guardRequestInput } from './common/input/request-input';
import { apiValidationPipe } from './common/validation/validation.pipe';
import { HttpMetrics } from './observability/http-metrics';
import { serveOpenApi } from './observability/openapi';

/** Builds the API application (migrated, validated, logging through pino) without listening yet. */
export async function createApiApp(options: ApiModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(apiValidationPipe());
  guardRequestInput(app);
  answerParserErrorsInSurfaceFormat(app.getHttpServer());
  app.use(cookieParser());
  app.use(app.get(HttpMetrics).middleware);
  app.set('trust proxy', app.get(AppConfig).trustProxy);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  serveOpenApi(app);
  await app.init();
  await app.get(CommandBus).execute(new EnsureDefaultInstanceCommand());
  return app;
}
