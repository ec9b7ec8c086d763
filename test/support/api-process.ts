import { createServer } from 'node:net';

import { http } from './system-api';
import { until } from './until';
import { WorkerProcess } from './worker-process';

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  readonly process: WorkerProcess;
  readonly baseUrl: string;
}

/**
 * A second API as a real separate process (nothing shared in memory with the test's API), on a free port, with
 * the given configuration (usually the TestStack's: same database and Redis prefix). Answers once /healthz does.
 */
export async function startApiProcess(config: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = WorkerProcess.start({ ...config, PORT: String(port) }, 'apps/api/src/main.ts');
  const baseUrl = `http://127.0.0.1:${port}`;
  await until(
    'the API process to answer /healthz',
    async () => {
      if (child.exited) throw new Error(`the API process ended before it answered:\n${child.logs}`);
      return (await http(baseUrl, 'GET', '/healthz', { token: null }).catch(() => null))?.status === 200;
    },
    90_000,
  );
  return { process: child, baseUrl };
}
