import { Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';

import { HttpMetrics } from './http-metrics';
import { ProvisioningMetrics } from './provisioning-metrics';

/**
 * Prometheus metrics at `/metrics`: process defaults, HTTP latency by route and status, queue depth by state, and
 * operations by kind and state (read from PostgreSQL at scrape time, so every API process reports the same).
 */
@Module({
  imports: [PrometheusModule.register({ path: '/metrics', defaultMetrics: { enabled: true } })],
  providers: [HttpMetrics, ProvisioningMetrics],
  exports: [HttpMetrics],
})
export class MetricsModule {}
