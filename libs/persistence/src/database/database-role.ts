import { AppConfig } from '@app/infrastructure';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Who the service is in PostgreSQL, and whether row-level security binds it. */
export interface DatabaseRole {
  readonly name: string;
  readonly superuser: boolean;
  readonly bypassRls: boolean;
  /** Owners of a table are exempt from its policies. */
  readonly ownsTables: boolean;
}

export function isBoundByRowLevelSecurity(role: DatabaseRole): boolean {
  return !role.superuser && !role.bypassRls && !role.ownsTables;
}

export function describeRole(role: DatabaseRole): string {
  const exemptions = [
    role.superuser && 'superuser',
    role.bypassRls && 'BYPASSRLS',
    role.ownsTables && 'owner of the tables',
  ].filter(Boolean);
  return exemptions.length === 0
    ? `${role.name} (row-level security applies)`
    : `${role.name} (${exemptions.join(', ')}: row-level security does NOT apply)`;
}

/**
 * Reads the connected role once at start, logs it, and refuses to start in production when row-level security
 * would not bind it: isolation must not depend on which credentials an operator happened to paste.
 */
@Injectable()
export class DatabaseRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');
  private role?: DatabaseRole;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const role = await this.current();
    if (isBoundByRowLevelSecurity(role)) {
      this.logger.log(`connected as ${describeRole(role)}`);
      return;
    }
    if (this.config.production) {
      throw new Error(
        `refusing to start in production as ${describeRole(role)}; set DATABASE_URL to the application role`,
      );
    }
    this.logger.warn(`connected as ${describeRole(role)}; production refuses this`);
  }

  async current(): Promise<DatabaseRole> {
    this.role ??= await this.read();
    return this.role;
  }

  private async read(): Promise<DatabaseRole> {
    const [row] = await this.dataSource.query<
      { name: string; superuser: boolean; bypass_rls: boolean; owns_tables: boolean }[]
    >(
      `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass_rls,
              EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname) AS owns_tables
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return { name: row.name, superuser: row.superuser, bypassRls: row.bypass_rls, ownsTables: row.owns_tables };
  }
}
