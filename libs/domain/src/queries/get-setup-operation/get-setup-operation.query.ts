import { Query } from '@nestjs/cqrs';

import { type OperationView } from '../../operations/operation-view';
import { type TenantCaller } from '../../tenancy/tenant-caller';

/** `GET /api/v2/setup/operations/{id}`: for its creator only (see maySeeSetupOperation). */
export class GetSetupOperationQuery extends Query<OperationView> {
  constructor(
    readonly caller: TenantCaller,
    readonly operationId: string,
    /** Digest of the `X-Operation-Claim` sent, or null. */
    readonly claimDigest: string | null,
  ) {
    super();
  }
}
