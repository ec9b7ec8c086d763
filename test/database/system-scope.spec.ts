import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The system scope sees every instance's rows, so its users are a short list, reviewed when it changes (README,
 * Security). Adding a file here is a decision, not a fix for a failing test.
 */
const ALLOWED_SYSTEM_SCOPE_USERS = [
  // the scope itself, its pool (connections that carry the scope from their start), its wiring, and the
  // transaction type's comment
  'libs/persistence/src/database/system-database.ts',
  'libs/persistence/src/database/data-source-options.ts',
  'libs/persistence/src/database/sql-transaction.ts',
  'libs/persistence/src/persistence.module.ts',
  // routing a request: token digest, Host, the default instance (SELECT only)
  'libs/persistence/src/repositories/typeorm-tenant-auth.repository.ts',
  // operations are addressed by id alone; reserving a create counts a caller's creates across instances
  'libs/persistence/src/repositories/typeorm-operation.repository.ts',
  'libs/persistence/src/repositories/operation-instance.ts',
  'libs/persistence/src/repositories/typeorm-provisioning.store.ts',
  'libs/persistence/src/repositories/typeorm-instance-removal.store.ts',
  // the System API's instance search and service-wide domain check
  'libs/persistence/src/repositories/typeorm-instance-admin.repository.ts',
  // belong to System API callers, not to an instance
  'libs/persistence/src/repositories/typeorm-idempotency.store.ts',
  'libs/persistence/src/repositories/typeorm-webhook.repository.ts',
  'libs/persistence/src/repositories/typeorm-webhook-delivery.store.ts',
  // key pairs belong to no instance until a create consumes one
  'libs/persistence/src/repositories/pg-machine-key-pool.ts',
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
        // the setting's name, and the system pool's connection option that sets it
        'libs/persistence/src/database/scoped-transaction.ts',
        'libs/persistence/src/database/data-source-options.ts',
        'libs/persistence/src/migrations/1763892000000-row-level-security.ts',
      ].sort(),
    );
  });
});
