import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { CreateInstanceSecrets, Operation } from '../../operations/operation';
import { OperationView } from '../../operations/operation-view';
import { Clock, OperationRepository, SecretSealer } from '../../ports';
import { preview } from '../../shared/text';
import { GetOperationQuery } from './get-operation.query';

@QueryHandler(GetOperationQuery)
export class GetOperationHandler implements IQueryHandler<GetOperationQuery> {
  constructor(
    private readonly operations: OperationRepository,
    private readonly sealer: SecretSealer,
    private readonly clock: Clock,
  ) {}

  async execute({ operationId, callerId, waitMs }: GetOperationQuery): Promise<OperationView> {
    const operation =
      waitMs > 0
        ? await this.operations.waitUntilFinished(operationId, waitMs)
        : await this.operations.findById(operationId);
    if (!operation) throw DomainError.notFound(`operation ${preview(operationId)} not found`);
    return { operation, secrets: operationSecretsFor(operation, callerId, this.sealer, this.clock.now()) };
  }
}

/** The sealed secrets of an operation, for the caller that created it only, and only until they expire. */
export function operationSecretsFor(
  operation: Operation,
  callerId: string,
  sealer: SecretSealer,
  now: Date,
): CreateInstanceSecrets | null {
  if (!operation.sealedSecrets || operation.createdBy !== callerId) return null;
  if (operation.secretsExpireAt && operation.secretsExpireAt.getTime() <= now.getTime()) return null;
  return JSON.parse(sealer.open(operation.sealedSecrets)) as CreateInstanceSecrets;
}
