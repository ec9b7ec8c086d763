import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The worker as a real separate process, so that a test can kill it with SIGKILL in the middle of a job. */
export class WorkerProcess {
  private output = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
  }

  /** Starts the worker, or with `entry` another app's main file (the API: see api-process.ts). */
  static start(env: Record<string, string>, entry = 'apps/worker/src/main.ts'): WorkerProcess {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return new WorkerProcess(child);
  }

  get logs(): string {
    return this.output;
  }

  /**
   * Sends SIGTERM and resolves once the process has ended by itself. Nest runs its shutdown hooks and then ends
   * with the same signal, so a clean stop is `{ code: null, signal: 'SIGTERM' }` (or code 0).
   */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return new Promise((resolve) => {
      if (this.exited) return resolve({ code: this.child.exitCode, signal: this.child.signalCode });
      this.child.once('exit', (code, signal) => resolve({ code, signal }));
      this.child.kill('SIGTERM');
    });
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  kill(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }
}
