import { escapeIdentifier, escapeLiteral } from 'pg';
import { type DataSource } from 'typeorm';

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';

/**
 * Creates the role the API and worker connect as (the user of DATABASE_URL) when it does not exist: it may log in
 * and nothing more (not superuser, no BYPASSRLS, no CREATEROLE, no CREATEDB), so row-level security applies to it.
 * Then grants it reading and writing the rows of every table, but not the migration history, and owning nothing.
 * Its password, if the URL has one, is set only when the role is created: production manages it from then on.
 */
export async function grantApplicationRole(owner: DataSource, applicationUrl: string): Promise<void> {
  const url = new URL(applicationUrl);
  const role = decodeURIComponent(url.username);
  const [{ me, database }] = await owner.query<{ me: string; database: string }[]>(
    'SELECT current_user AS me, current_database() AS database',
  );
  // The service runs as the owner itself: nothing to create. Refused in production by the start-up role check.
  if (!role || role === me) return;
  const name = escapeIdentifier(role);
  const [exists] = await owner.query<unknown[]>('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (!exists) {
    const password = url.password ? ` PASSWORD ${escapeLiteral(decodeURIComponent(url.password))}` : '';
    await owner
      .query(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT${password}`)
      .catch((error: { code?: string }) => {
        // Roles belong to the whole server: another database's migration may have created it meanwhile.
        if (error.code !== DUPLICATE_OBJECT && error.code !== UNIQUE_VIOLATION) throw error;
      });
  }
  await owner.query(`
    GRANT CONNECT ON DATABASE ${escapeIdentifier(database)} TO ${name};
    GRANT USAGE ON SCHEMA public TO ${name};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name};
    REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${name};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name};`);
}
