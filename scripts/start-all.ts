import 'reflect-metadata';

import { type ChildProcess, spawn } from 'node:child_process';

import { AppConfig } from '@app/infrastructure';
import { runMigrations } from '@app/persistence';

import { compiledEntry } from './entry-points';

/** `npm start` (after `npm run build`): migrates once, then runs the compiled API and one worker as two processes and stops both together. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  const applied = await runMigrations(config.migrationDatabaseUrl, config.databaseUrl);
  console.log(
    applied.length ? `migrations applied (${applied.length})` : 'database schema up to date (no migration pending)',
  );
  const run = (file: string): ChildProcess => spawn(process.execPath, [file], { stdio: 'inherit' });
  const children = [run(compiledEntry('api')), run(compiledEntry('worker'))];
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (const child of children) {
    child.on('exit', (code) => {
      stop('SIGTERM');
      if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
