import { setPriority } from 'node:os';

/**
 * Lowers this process's CPU priority to `nice` before anything starts a thread. On Linux niceness belongs to each
 * thread and a thread inherits its creator's: called first thing, it covers the thread pool that later makes the
 * key pairs and password hashes (libuv starts it at its first use), which is where the worker's CPU goes.
 */
export function lowerWorkerPriority(nice: number): void {
  setPriority(nice);
}
