import {
  Id,
  isTerminal,
  Operation,
  OperationChanges,
  OperationChangeSignal,
  OperationFilter,
  OperationProgress,
  OperationRepository,
  OperationState,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { AppConfig } from '../config/app-config';
import { OperationEntity } from '../entities';
import { toOperation } from './operation.mapper';

@Injectable()
export class TypeOrmOperationRepository extends OperationRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: OperationChanges,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async list(filter: OperationFilter): Promise<Operation[]> {
    const query = this.db.getRepository(OperationEntity).createQueryBuilder('o');
    if (filter.instanceId) query.andWhere('o.instance_id = :instanceId', { instanceId: filter.instanceId });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.state) query.andWhere('o.state = :state', { state: filter.state });
    if (filter.before)
      query.andWhere('(o.created_at, o.id) < (:at, :id)', { at: filter.before.createdAt, id: filter.before.id });
    const rows = await query.orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').limit(filter.limit).getMany();
    return rows.map(toOperation);
  }

  async findById(operationId: Id): Promise<Operation | null> {
    const row = await this.db.getRepository(OperationEntity).findOneBy({ id: operationId });
    return row ? toOperation(row) : null;
  }

  async markRunning(operationId: Id, at: Date): Promise<boolean> {
    const result = await this.db
      .createQueryBuilder()
      .update(OperationEntity)
      .set({
        state: OperationState.Running,
        attempts: () => 'attempts + 1',
        startedAt: () => `COALESCE(started_at, :at)`,
        updatedAt: at,
      })
      .where({ id: operationId, state: In([OperationState.Pending, OperationState.Running]) })
      .setParameter('at', at)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async recordProgress(operationId: Id, progress: OperationProgress): Promise<void> {
    await this.db.getRepository(OperationEntity).update(
      { id: operationId, state: OperationState.Running },
      {
        currentStep: progress.currentStep,
        completedSteps: progress.completedSteps,
        totalSteps: progress.totalSteps,
        ...(progress.steps
          ? { stepStarts: progress.steps.map((s) => ({ name: s.name, startedAt: s.startedAt.toISOString() })) }
          : {}),
        updatedAt: new Date(),
      },
    );
  }

  async eraseExpiredSecrets(now: Date): Promise<number> {
    const result = await this.db
      .createQueryBuilder()
      .update(OperationEntity)
      .set({ sealedSecrets: null, secretsExpireAt: null, updatedAt: now })
      .where('sealed_secrets IS NOT NULL AND secrets_expire_at <= :now', { now })
      .execute();
    return result.affected ?? 0;
  }

  async countByKindAndState(): Promise<{ kind: string; state: string; count: number }[]> {
    return await this.db.query<
      {
        kind: string;
        state: string;
        count: number;
      }[]
    >('SELECT kind, state, count(*)::int AS count FROM operations GROUP BY kind, state');
  }

  /** Operations, finished webhook deliveries and dispatched outbox events share the 30-day retention. */
  async pruneFinished(finishedBefore: Date): Promise<number> {
    await this.db.query('DELETE FROM webhook_deliveries WHERE finished_at < $1', [finishedBefore]);
    await this.db.query(
      'DELETE FROM outbox_events e WHERE e.dispatched_at < $1 AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)',
      [finishedBefore],
    );
    const [, affected] = await this.db.query<[unknown, number]>('DELETE FROM operations WHERE finished_at < $1', [
      finishedBefore,
    ]);
    return affected;
  }

  // Subscribed before the first read, so a change between the read and the wait still wakes it. The slow poll only
  // covers notifications lost while the listening connection is down.
  async waitUntilFinished(operationId: Id, timeoutMs: number): Promise<Operation | null> {
    const deadline = Date.now() + timeoutMs;
    const signal = new OperationChangeSignal(this.changes, operationId);
    try {
      for (;;) {
        const operation = await this.findById(operationId);
        if (!operation || isTerminal(operation.state) || Date.now() >= deadline) return operation;
        await signal.next(Math.min(this.config.operationWaitFallbackMs, Math.max(0, deadline - Date.now())));
      }
    } finally {
      signal.close();
    }
  }
}
