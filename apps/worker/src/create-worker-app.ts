import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppLogger } from '@app/persistence';
import { checkEveryJobHasOneProcessor } from './job-processors';
import { WorkerModule, WorkerModuleOptions } from './worker.module';

/** The worker has no HTTP server: an application context whose processors pull jobs from Redis. */
export async function createWorkerApp(options: WorkerModuleOptions = {}): Promise<INestApplicationContext> {
  checkEveryJobHasOneProcessor();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  app.enableShutdownHooks();
  return app;
}
