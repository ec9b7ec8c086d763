import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { QueueName } from '@app/infrastructure/queue/jobs';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';

import { compiledEntry, type ENTRY_POINTS } from '../../scripts/entry-points';
import { sleep } from './stats';

const STOP_GRACE_MS = 5_000;
const REPO_ROOT = join(__dirname, '..', '..');

/** A port the kernel says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** One compiled service process, as package.json's start:api / start:worker run it; its output is forwarded with a tag. */
export class ServiceProcess {
  private readonly child: ChildProcess;
  private stopping = false;
  private exitDescription: string | null = null;

  constructor(
    readonly tag: string,
    entry: keyof typeof ENTRY_POINTS,
    env: Record<string, string>,
    profileDirectory: string | null = null,
  ) {
    const profiling = profileDirectory
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`, '--cpu-prof-name', `${tag}-${Date.now()}.cpuprofile`]
      : [];
    // The compiled processes, as production runs them (npm run bench builds first).
    this.child = spawn(process.execPath, [...profiling, compiledEntry(entry)], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.forward(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.forward(chunk));
    this.child.on('exit', (code, signal) => {
      this.exitDescription = `exited with ${signal ?? `code ${code}`}`;
    });
  }

  /** The node process itself (spawned directly, not through npm), for its /proc/<pid>/status. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Throws when the process ended without being asked to. */
  assertRunning(): void {
    if (this.exitDescription !== null && !this.stopping) throw new Error(`${this.tag} ${this.exitDescription}`);
  }

  /** SIGTERM, then SIGKILL if it is still there after a few seconds. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.hasExited()) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const graceful = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
    if (!graceful && !this.hasExited()) {
      process.stderr.write(`[${this.tag}] did not stop within ${STOP_GRACE_MS} ms: SIGKILL\n`);
      this.child.kill('SIGKILL');
      await exited;
    }
  }

  private hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private forward(chunk: Buffer): void {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) process.stderr.write(`[${this.tag}] ${line}\n`);
  }
}

/** Polls until `ready` answers true; fails at the deadline or as soon as a process has died. */
export async function waitUntil(
  what: string,
  timeoutMs: number,
  processes: ServiceProcess[],
  ready: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const p of processes) p.assertRunning();
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** Runs `fn` with a BullMQ handle on the provisioning queue under the prefix (to count its workers). */
export async function withProvisioningQueue<T>(
  redisUrl: string,
  prefix: string,
  fn: (queue: Queue) => Promise<T>,
): Promise<T> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QueueName.Provisioning, { connection, prefix });
  try {
    return await fn(queue);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
