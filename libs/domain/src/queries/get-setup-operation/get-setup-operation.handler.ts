import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { maySeeSetupOperation } from '../../onboarding/setup-operation-access';
import { OperationView } from '../../operations/operation-view';
import { Clock, OperationRepository, SecretSealer } from '../../ports';
import { isId } from '../../shared/id';
import { operationSecretsFor } from '../get-operation/get-operation.handler';
import { GetSetupOperationQuery } from './get-setup-operation.query';

/** Anyone but its creator gets the same 404 as for an unknown id, so that nobody learns that it exists. */
@QueryHandler(GetSetupOperationQuery)
export class GetSetupOperationHandler implements IQueryHandler<GetSetupOperationQuery> {
  constructor(
    private readonly operations: OperationRepository,
    private readonly sealer: SecretSealer,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, operationId, claimDigest }: GetSetupOperationQuery): Promise<OperationView> {
    const operation = isId(operationId) ? await this.operations.findById(operationId) : null;
    if (!operation || !maySeeSetupOperation(operation, caller, claimDigest)) {
      throw DomainError.notFound(`operation ${operationId} not found`);
    }
    // The token itself goes only to the claim holder, as with the System API's secrets.
    return { operation, secrets: operationSecretsFor(operation, claimDigest ?? '', this.sealer, this.clock.now()) };
  }
}
