import { Query } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';

/** `GET /api/v2/setup`: true exactly while the instance has no user and no org. */
export class GetSetupStatusQuery extends Query<boolean> {
  constructor(readonly instanceId: Id) {
    super();
  }
}
