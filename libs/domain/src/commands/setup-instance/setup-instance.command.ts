import { Command } from '@nestjs/cqrs';
import { OnboardingInput } from '../../onboarding/onboarding-input';
import { OnboardingMode } from '../../onboarding/onboarding-plan';
import { Id } from '../../shared/id';
import { TenantCaller } from '../../tenancy/tenant-caller';

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
