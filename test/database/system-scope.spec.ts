import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The system scope sees every instance's rows, so its users are a short list, reviewed when it changes (README,
 * Security). Adding a file here is a decision, not a fix for a failing test.
 */
const ALLOWED_SYSTEM_SCOPE_USERS = [
  'libs/persistence/src/database/system-database.ts',
  'libs/persistence/src/persistence.module.ts',
].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the system scope', () => {
  it('is used only by the reviewed list of adapters', () => {
    const users = ['apps', 'libs', 'scripts']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => /\bSystemDatabase\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
      .sort();
    expect(users).toEqual(ALLOWED_SYSTEM_SCOPE_USERS);
  });

  it('is the only place that sets the system scope setting', () => {
    const setters = ['apps', 'libs', 'scripts']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => /SYSTEM_SCOPE_SETTING|app\.system_scope/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
      .sort();
    expect(setters).toEqual(
      [
        'libs/persistence/src/database/scoped-transaction.ts',
        'libs/persistence/src/database/system-database.ts',
        'libs/persistence/src/migrations/1763892000000-row-level-security.ts',
      ].sort(),
    );
  });
});
