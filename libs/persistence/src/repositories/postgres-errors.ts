const UNIQUE_VIOLATION = '23505';

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as PgError;
  const pg = e?.driverError ?? e;
  return pg?.code === UNIQUE_VIOLATION && (constraint === undefined || pg.constraint === constraint);
}
