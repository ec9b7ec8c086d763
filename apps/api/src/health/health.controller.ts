import { isBoundByRowLevelSecurity, ServiceReadiness } from '@app/persistence';
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ServiceReadiness,
  ) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** ZITADEL's System API health call: `{}` while the process answers. */
  @Get('system/v1/healthz')
  systemHealthz(): Record<string, never> {
    return {};
  }

  /** Readiness: PostgreSQL and Redis answer and every migration is applied; names the database role in use. */
  @Get('readyz')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const database = this.indicators.check('database');
        if (!(await this.readiness.databaseAnswers())) return database.down('PostgreSQL does not answer');
        const role = await this.readiness.databaseRole();
        return database.up({ role: role.name, rowLevelSecurity: isBoundByRowLevelSecurity(role) });
      },
      async () => {
        const redis = this.indicators.check('redis');
        return (await this.readiness.redisAnswers()) ? redis.up() : redis.down('Redis does not answer');
      },
      async () => {
        const migrations = this.indicators.check('migrations');
        return (await this.readiness.migrationsPending()) ? migrations.down('migrations are pending') : migrations.up();
      },
    ]);
  }
}
