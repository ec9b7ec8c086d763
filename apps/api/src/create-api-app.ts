import { EnsureDefaultInstanceCommand } from '@app/domain';
import { AppConfig, AppLogger } from '@app/infrastructure';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { type NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';

import { ApiModule, type ApiModuleOptions } from './api.module';
import { answerParserErrorsInSurfaceFormat } from './common/input/client-error';
import { guardRequestInput } from './common/input/request-input';
import { clearQuotaExhaustedCookie } from './common/quota-cookie';
import { apiValidationPipe } from './common/validation/validation.pipe';
import { serveConsole } from './console/serve-console';
import { HttpMetrics } from './observability/http-metrics';
import { serveOpenApi } from './observability/openapi';
import { SystemGrpcServer } from './system/grpc/system-grpc.server';
import { normalizeSystemRequests } from './system/zitadel/protojson-request';

/** Builds the API application (migrated, validated, logging through pino) without listening yet. */
export async function createApiApp(options: ApiModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  app.useGlobalPipes(apiValidationPipe());
  // First: the console's System API calls are rewritten to /system/v1 before any other middleware looks at the path.
  serveConsole(app);
  // gRPC-Web and Connect read their own bodies: mounted before the JSON parser.
  app.use(app.get(SystemGrpcServer).expressMiddleware());
  guardRequestInput(app);
  answerParserErrorsInSurfaceFormat(app.getHttpServer());
  app.use(cookieParser());
  // ZITADEL's clients may send proto field names and enum numbers: one spelling before validation.
  app.use(normalizeSystemRequests);
  app.use(clearQuotaExhaustedCookie);
  app.use(app.get(HttpMetrics).middleware);
  app.set('trust proxy', app.get(AppConfig).trustProxy);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  await serveOpenApi(app);
  try {
    await app.init();
    await app.get(CommandBus).execute(new EnsureDefaultInstanceCommand());
  } catch (error) {
    // A start that fails (a refused database role, say) closes what it opened, so that the process can end.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
