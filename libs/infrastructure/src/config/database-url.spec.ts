import { AppConfig } from './app-config';
import { APPLICATION_ROLE, databaseUrlAs } from './database-url';

describe(databaseUrlAs.name, () => {
  it("keeps server, database and parameters, and drops the other user's password", () => {
    expect(databaseUrlAs('postgres://owner:secret@db.internal:6543/provisioner?sslmode=require', 'someone')).toBe(
      'postgres://someone@db.internal:6543/provisioner?sslmode=require',
    );
  });

  it('encodes a user name that a URL cannot hold as it is', () => {
    expect(new URL(databaseUrlAs('postgres://owner@127.0.0.1/x', 'app user@ops')).username).toBe('app%20user%40ops');
  });
});

describe('the database URLs of AppConfig', () => {
  const config = (env: Record<string, string>) => AppConfig.fromEnvironment({ NODE_ENV: 'test', ...env });

  it('connect as the application role by default', () => {
    expect(new URL(config({}).databaseUrl).username).toBe(APPLICATION_ROLE);
  });

  it("migrate as the local superuser on DATABASE_URL's server and database unless MIGRATION_DATABASE_URL says", () => {
    const databaseUrl = `postgres://${APPLICATION_ROLE}:secret@db.internal:6543/provisioner`;
    expect(config({ DATABASE_URL: databaseUrl }).migrationDatabaseUrl).toBe(
      'postgres://postgres@db.internal:6543/provisioner',
    );
    const migrationUrl = 'postgres://owner:other@db.internal:6543/provisioner';
    expect(config({ DATABASE_URL: databaseUrl, MIGRATION_DATABASE_URL: migrationUrl }).migrationDatabaseUrl).toBe(
      migrationUrl,
    );
  });
});
