import 'reflect-metadata';

import { AppConfig, AppLogger } from '@app/infrastructure';

import { createWorkerApp } from './create-worker-app';

async function bootstrap(): Promise<void> {
  const app = await createWorkerApp();
  const { workerConcurrency, queuePrefix } = app.get(AppConfig);
  app.get(AppLogger).log(`worker ready (concurrency ${workerConcurrency}, queue prefix ${queuePrefix})`, 'worker');
}

void bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
