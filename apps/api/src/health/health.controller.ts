import { BullMqProvisioningQueue } from '@app/persistence';
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queue: BullMqProvisioningQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /** Readiness: PostgreSQL and Redis answer and every migration is applied. */
  @Get('readyz')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      async () => {
        const redis = this.indicators.check('redis');
        try {
          await this.queue.connection.ping();
          return redis.up();
        } catch {
          return redis.down('Redis does not answer');
        }
      },
      async () => {
        const migrations = this.indicators.check('migrations');
        return (await this.dataSource.showMigrations()) ? migrations.down('migrations are pending') : migrations.up();
      },
    ]);
  }
}
