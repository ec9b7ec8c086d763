import { OperationRepository } from '@app/domain';
import { BullMqProvisioningQueue } from '@app/infrastructure';
import { Injectable } from '@nestjs/common';
import { Gauge, register } from 'prom-client';

const JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const;

/** Gauges read when Prometheus scrapes: queue depth from Redis, operation outcomes from PostgreSQL. */
@Injectable()
export class ProvisioningMetrics {
  constructor(queue: BullMqProvisioningQueue, operations: OperationRepository) {
    // The latest API process in this Node process owns the gauges (tests run several apps side by side).
    register.removeSingleMetric('provisioning_queue_jobs');
    register.removeSingleMetric('provisioning_operations');
    {
      new Gauge({
        name: 'provisioning_queue_jobs',
        help: 'Jobs in the provisioning queue by state',
        labelNames: ['state'],
        async collect() {
          const counts = await queue.queue.getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
        },
      });
    }
    {
      new Gauge({
        name: 'provisioning_operations',
        help: 'Operations kept (30 days) by kind and state',
        labelNames: ['kind', 'state'],
        async collect() {
          this.reset();
          for (const row of await operations.countByKindAndState())
            this.set({ kind: row.kind, state: row.state }, row.count);
        },
      });
    }
  }
}
