import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ENTRY_POINTS = {
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
} as const;

/** The compiled file of an entry point, failing with the fix when the build has not run. */
export function compiledEntry(name: keyof typeof ENTRY_POINTS): string {
  // Production runs the JavaScript that `npm run build` writes, never ts-node. Compiled, this file is in dist/scripts/;
  // run by ts-node (the benchmark), it is in scripts/ and the build in dist/.
  const dist = __filename.endsWith('.js') ? join(__dirname, '..') : join(__dirname, '..', 'dist');
  const file = join(dist, ENTRY_POINTS[name]);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return file;
}
