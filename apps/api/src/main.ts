import 'reflect-metadata';
import { AppConfig } from '@app/persistence';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  await app.listen(app.get(AppConfig).port);
}

void bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
