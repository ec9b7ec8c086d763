import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { Clock, IdempotencyStore, OperationRepository, ProvisioningSettings } from '../../ports';
import { EraseExpiredSecretsCommand } from './erase-expired-secrets.command';

/** Operations are kept 30 days after they finish. */
export const OPERATION_RETENTION_MS = 30 * 24 * 3600 * 1000;

@CommandHandler(EraseExpiredSecretsCommand)
export class EraseExpiredSecretsHandler implements ICommandHandler<EraseExpiredSecretsCommand> {
  constructor(
    private readonly operations: OperationRepository,
    private readonly idempotency: IdempotencyStore,
    private readonly settings: ProvisioningSettings,
    private readonly clock: Clock,
  ) {}

  /** Also the housekeeping of idempotency keys (24 h) and finished operations (30 days). */
  async execute(): Promise<number> {
    const now = this.clock.now();
    await this.idempotency.prune(now, this.settings.secretRetentionSeconds);
    await this.operations.pruneFinished(new Date(now.getTime() - OPERATION_RETENTION_MS));
    return this.operations.eraseExpiredSecrets(now);
  }
}
