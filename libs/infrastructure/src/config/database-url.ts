/**
 * The role the API and worker connect as: not the tables' owner, so row-level security binds it. The migration step
 * creates it from DATABASE_URL's user when it is missing (libs/persistence/src/database/application-role.ts);
 * migrations name no role, so this name lives here only.
 */
export const APPLICATION_ROLE = 'provisioner_app';

/**
 * `databaseUrl`'s server, database and parameters as `user`, without a password: the URL's password was the other
 * user's, and the local server of development and tests trusts its users.
 */
export function databaseUrlAs(databaseUrl: string, user: string): string {
  const url = new URL(databaseUrl);
  url.username = user;
  url.password = '';
  return url.toString();
}
