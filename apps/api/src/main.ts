import 'reflect-metadata';

import { AppConfig, AppLogger } from '@app/infrastructure';

import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  const { port } = app.get(AppConfig);
  await app.listen(port);
  app.get(AppLogger).log(`API listening on http://localhost:${port} (docs: /docs)`, 'API');
}

void bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
