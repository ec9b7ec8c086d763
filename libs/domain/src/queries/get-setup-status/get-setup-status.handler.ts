import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { OnboardingStore } from '../../ports';
import { GetSetupStatusQuery } from './get-setup-status.query';

@QueryHandler(GetSetupStatusQuery)
export class GetSetupStatusHandler implements IQueryHandler<GetSetupStatusQuery> {
  constructor(private readonly onboarding: OnboardingStore) {}

  execute({ instanceId }: GetSetupStatusQuery): Promise<boolean> {
    return this.onboarding.isSetupAllowed(instanceId);
  }
}
