import 'reflect-metadata';

import { AppConfig, AppLogger } from '@app/infrastructure';

import { createWorkerApp } from './create-worker-app';
import { lowerWorkerPriority } from './worker-priority';

async function bootstrap(): Promise<void> {
  // First of all, before any thread starts (see lowerWorkerPriority).
  lowerWorkerPriority(AppConfig.fromEnvironment().workerNice);
  const app = await createWorkerApp();
  const { workerConcurrency, workerNice, queuePrefix } = app.get(AppConfig);
  app
    .get(AppLogger)
    .log(`worker ready (concurrency ${workerConcurrency}, nice ${workerNice}, queue prefix ${queuePrefix})`, 'worker');
}

void bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
