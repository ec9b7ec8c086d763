import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A child process lowers its priority as the worker's main does, then makes a key pair; it answers the niceness
 * (field 19 of /proc/<pid>/task/<tid>/stat) of its main thread and of the threads that appeared for the key pair:
 * libuv's thread pool, where the worker's crypto runs.
 */
const CHILD = `
  const { readdirSync, readFileSync } = require('node:fs');
  const niceOf = (t) => Number(readFileSync('/proc/self/task/' + t + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
  require(${JSON.stringify(join(__dirname, 'worker-priority'))}).lowerWorkerPriority(7);
  const before = new Set(readdirSync('/proc/self/task'));
  require('node:crypto').generateKeyPair('rsa', { modulusLength: 1024 }, () => {
    const pool = readdirSync('/proc/self/task').filter((t) => !before.has(t));
    process.stdout.write(JSON.stringify({ main: niceOf(String(process.pid)), pool: pool.map(niceOf) }));
  });`;

describe('lowerWorkerPriority', () => {
  (process.platform === 'linux' ? it : it.skip)(
    'gives the thread pool that makes key pairs the lowered priority',
    () => {
      const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', CHILD], {
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      const { main, pool } = JSON.parse(child.stdout) as { main: number; pool: number[] };
      expect(main).toBe(7);
      expect(pool.length).toBeGreaterThan(0);
      expect(new Set(pool)).toEqual(new Set([7]));
    },
  );
});
