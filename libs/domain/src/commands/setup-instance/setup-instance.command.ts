import { Command } from '@nestjs/cqrs';

import { type OnboardingInput } from '../../onboarding/onboarding-input';
import { type OnboardingMode } from '../../onboarding/onboarding-plan';
import { type Id } from '../../shared/id';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export interface SetupAccepted {
  readonly operationId: Id;
}

export class SetupInstanceCommand extends Command<SetupAccepted> {
  constructor(
    readonly caller: TenantCaller,
    readonly input: OnboardingInput,
    readonly mode: OnboardingMode,
    /** Digest of the claim that lets the requester read the token back (see the setup controller). */
    readonly claimDigest: string,
  ) {
    super();
  }
}
