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
import { AppConfig } from '@app/infrastructure';
import { Injectable } from '@nestjs/common';

import { SystemDatabase } from '../database/system-database';
import { type OperationRow } from '../database/tables';
import { toOperation } from './operation.mapper';

const UNFINISHED = [OperationState.Pending, OperationState.Running];

/**
 * Operations as the System API and the worker see them: named by their own id, listed across instances, counted and
 * pruned service-wide. Every caller knows an operation id and no instance, so this repository works in the system
 * scope; the stores that commit an operation's work for its instance (provisioning, onboarding, removal) run in that
 * instance's scope.
 */
@Injectable()
export class TypeOrmOperationRepository extends OperationRepository {
  constructor(
    private readonly system: SystemDatabase,
    private readonly changes: OperationChanges,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async list(filter: OperationFilter): Promise<Operation[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const conditions: string[] = [];
    if (filter.instanceId) conditions.push(`instance_id = ${param(filter.instanceId)}`);
    if (filter.kind) conditions.push(`kind = ${param(filter.kind)}`);
    if (filter.state) conditions.push(`state = ${param(filter.state)}`);
    if (filter.before)
      conditions.push(`(created_at, id) < (${param(filter.before.createdAt)}, ${param(filter.before.id)})`);
    const limit = param(filter.limit);
    const rows = await this.system.statement((tx) =>
      tx.rows<OperationRow>(
        `SELECT * FROM operations ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
        params,
      ),
    );
    return rows.map(toOperation);
  }

  async findById(operationId: Id): Promise<Operation | null> {
    const row = await this.system.statement((tx) =>
      tx.first<OperationRow>('SELECT * FROM operations WHERE id = $1', [operationId]),
    );
    return row ? toOperation(row) : null;
  }

  async markRunning(operationId: Id, at: Date): Promise<Operation | null> {
    const row = await this.system.statement((tx) =>
      tx.first<OperationRow>(
        `UPDATE operations SET state = $2, attempts = attempts + 1, started_at = COALESCE(started_at, $3), updated_at = $3
          WHERE id = $1 AND state = ANY($4) RETURNING *`,
        [operationId, OperationState.Running, at, UNFINISHED],
      ),
    );
    return row ? toOperation(row) : null;
  }

  async recordProgress(operationId: Id, progress: OperationProgress): Promise<void> {
    // The steps are written only when the progress carries them; a kind that records none keeps what is there.
    const steps = progress.steps?.map((s) => ({ name: s.name, startedAt: s.startedAt.toISOString() }));
    await this.system.statement((tx) =>
      tx.execute(
        `UPDATE operations SET current_step = $3, completed_steps = $4, total_steps = $5,
                step_starts = CASE WHEN $6::boolean THEN $7::jsonb ELSE step_starts END, updated_at = $8
          WHERE id = $1 AND state = $2`,
        [
          operationId,
          OperationState.Running,
          progress.currentStep,
          progress.completedSteps,
          progress.totalSteps,
          steps !== undefined,
          steps === undefined ? null : JSON.stringify(steps),
          new Date(),
        ],
      ),
    );
  }

  eraseExpiredSecrets(now: Date): Promise<number> {
    return this.system.statement((tx) =>
      tx.execute(
        `UPDATE operations SET sealed_secrets = NULL, secrets_expire_at = NULL, updated_at = $1
          WHERE sealed_secrets IS NOT NULL AND secrets_expire_at <= $1`,
        [now],
      ),
    );
  }

  countByKindAndState(): Promise<{ kind: string; state: string; count: number }[]> {
    return this.system.statement((tx) =>
      tx.rows<Pick<OperationRow, 'kind' | 'state'> & { count: number }>(
        'SELECT kind, state, count(*)::int AS count FROM operations GROUP BY kind, state ORDER BY kind, state',
      ),
    );
  }

  /** Operations, finished webhook deliveries and dispatched outbox events share the 30-day retention. */
  pruneFinished(finishedBefore: Date): Promise<number> {
    return this.system.run(async (tx) => {
      await tx.execute('DELETE FROM webhook_deliveries WHERE finished_at < $1', [finishedBefore]);
      await tx.execute(
        `DELETE FROM outbox_events e WHERE e.dispatched_at < $1
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)`,
        [finishedBefore],
      );
      return tx.execute('DELETE FROM operations WHERE finished_at < $1', [finishedBefore]);
    });
  }

  // Subscribed before the first read, so a change between the read and the wait still wakes it. The slow poll only
  // covers notifications lost while the listening connection is down.
  async waitUntilFinished(operationId: Id, timeoutMs: number): Promise<Operation | null> {
    const deadline = Date.now() + timeoutMs;
    // Progress changes pass by: only the end (or a change of unknown state) is worth reading the row again.
    const signal = new OperationChangeSignal(this.changes, operationId, isTerminal);
    try {
      for (;;) {
        const operation = await this.findById(operationId);
        if (!operation || isTerminal(operation.state) || Date.now() >= deadline) return operation;
        // While changes are heard, the end wakes the wait; the poll covers the time they are not (see `listening`).
        const remaining = Math.max(0, deadline - Date.now());
        await signal.next(
          this.changes.listening ? remaining : Math.min(this.config.operationWaitFallbackMs, remaining),
        );
      }
    } finally {
      signal.close();
    }
  }
}
