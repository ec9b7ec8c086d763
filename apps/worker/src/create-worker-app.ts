import { AppLogger } from '@app/infrastructure';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { checkEveryJobHasOneHandler } from './job-handlers';
import { WorkerModule, type WorkerModuleOptions } from './worker.module';

/**
 * The worker serves no HTTP: its JobRunner pulls jobs from Redis. It is still made with NestFactory.create (an
 * application that never listens) rather than createApplicationContext, because only an application can be closed
 * after a failed start: createApplicationContext runs the start hooks before it returns, so a failed start leaves
 * nothing to close, and a context whose init failed refuses close() anyway (Nest 11 awaits the failed init first).
 */
export async function createWorkerApp(options: WorkerModuleOptions = {}): Promise<INestApplicationContext> {
  checkEveryJobHasOneHandler();
  const app = await NestFactory.create(WorkerModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  // What Nest buffered while it built the modules goes to the app's logger now, and from here on every line goes
  // there directly: an application flushes its buffer only when it listens, which the worker never does.
  app.flushLogs();
  app.enableShutdownHooks();
  try {
    await app.init();
  } catch (error) {
    // A start that fails (a refused database role, say) closes what it opened, so that the process can end.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
