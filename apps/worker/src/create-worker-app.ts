import { AppLogger } from '@app/infrastructure';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { checkEveryJobHasOneHandler } from './job-handlers';
import { WorkerModule, type WorkerModuleOptions } from './worker.module';

/** The worker has no HTTP server: an application context whose JobRunner pulls jobs from Redis. */
export async function createWorkerApp(options: WorkerModuleOptions = {}): Promise<INestApplicationContext> {
  checkEveryJobHasOneHandler();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  app.enableShutdownHooks();
  return app;
}
