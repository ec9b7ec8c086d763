import 'reflect-metadata';

import { execSync } from 'node:child_process';

import { runMigrations } from '../../libs/persistence/src/database/migrate';
import { ensureConsoleBuilt } from '../../scripts/ensure-console-build';
import {
  adminDatabaseUrl,
  applicationUrlFor,
  databaseUrlFor,
  postgresAnswers,
  redisAnswers,
  redisUrl,
  withAdminClient,
} from './services';

function dockerAvailable(): boolean {
  try {
    execSync('docker info', { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** Uses the servers named by DATABASE_URL/REDIS_URL (or the local ones); starts containers only when none answers and Docker is there. */
async function ensureServices(): Promise<void> {
  const [pg, redis] = await Promise.all([postgresAnswers(), redisAnswers()]);
  if (pg && redis) return;
  if (!dockerAvailable()) {
    throw new Error(
      `tests need PostgreSQL (${adminDatabaseUrl()}) and Redis (${redisUrl()}); neither answers and Docker is not available`,
    );
  }
  if (!pg) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    process.env.DATABASE_URL = container.getConnectionUri();
  }
  if (!redis) {
    const { RedisContainer } = await import('@testcontainers/redis');
    const container = await new RedisContainer('redis:7-alpine').start();
    process.env.REDIS_URL = container.getConnectionUrl();
  }
}

/** Migrates one template database per run; every test file clones it (CREATE DATABASE ... TEMPLATE), which is much faster than migrating. */
export default async function globalSetup(): Promise<void> {
  await ensureServices();
  ensureConsoleBuilt();
  const template = `provisioner_template_${process.pid}`;
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${template}`));
  await runMigrations(databaseUrlFor(template), applicationUrlFor(template));
  process.env.TEST_TEMPLATE_DATABASE = template;
}
