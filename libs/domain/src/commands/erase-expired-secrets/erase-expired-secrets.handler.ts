import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, OperationRepository } from '../../ports';
import { EraseExpiredSecretsCommand } from './erase-expired-secrets.command';

@CommandHandler(EraseExpiredSecretsCommand)
export class EraseExpiredSecretsHandler implements ICommandHandler<EraseExpiredSecretsCommand> {
  constructor(
    private readonly operations: OperationRepository,
    private readonly clock: Clock,
  ) {}

  execute(): Promise<number> {
    return this.operations.eraseExpiredSecrets(this.clock.now());
  }
}
