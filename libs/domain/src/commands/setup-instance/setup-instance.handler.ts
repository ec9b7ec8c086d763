import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { holdsAll } from '../../authorization/authorize';
import { operatorPermissions } from '../../authorization/permission';
import { DomainError, ErrorCode } from '../../errors';
import { onboardingSpecFrom } from '../../onboarding/onboarding-spec';
import { requesterOf } from '../../onboarding/setup-operation-access';
import { failureFromError } from '../../operations/failure-from-error';
import { ONBOARDING_STEPS } from '../../operations/onboarding-steps';
import { OperationKind } from '../../operations/operation';
import { tenantSetupAdmission } from '../../operations/pending-work';
import {
  Clock,
  IdGenerator,
  OnboardingStore,
  ProvisioningQueue,
  ProvisioningSettings,
  SecretSealer,
} from '../../ports';
import { ProvisioningStore } from '../../ports/provisioning-store.port';
import { SetupAccepted, SetupInstanceCommand } from './setup-instance.command';

export const SETUP_COMPLETED = 'onboarding has already been completed';
/** hash password, generate token, write */
/** Checks an onboarding request and hands it to the provisioning queue, like CreateInstance. */
@CommandHandler(SetupInstanceCommand)
export class SetupInstanceHandler implements ICommandHandler<SetupInstanceCommand> {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly sealer: SecretSealer,
    private readonly onboarding: OnboardingStore,
    private readonly provisioning: ProvisioningStore,
    private readonly queue: ProvisioningQueue,
    private readonly settings: ProvisioningSettings,
  ) {}

  async execute({ caller, input, mode, claimDigest }: SetupInstanceCommand): Promise<SetupAccepted> {
    if (mode === 'additional' && (caller.kind === 'anonymous' || !holdsAll(caller, operatorPermissions()))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'an operator token is required to onboard another user');
    }
    const { spec, secrets } = onboardingSpecFrom(input);
    if (mode === 'initial' && !(await this.onboarding.isSetupAllowed(caller.instanceId))) {
      throw new DomainError(ErrorCode.Conflict, SETUP_COMPLETED);
    }
    const operationId = this.ids.newId();
    await this.onboarding.reserve(
      {
        operationId,
        instanceId: caller.instanceId,
        kind: mode === 'initial' ? OperationKind.SetupInstance : OperationKind.SetupUser,
        createdBy: claimDigest,
        requestedBy: requesterOf(caller),
        request: spec,
        sealedInput: this.sealer.seal(JSON.stringify(secrets)),
        totalSteps: ONBOARDING_STEPS.length,
        at: this.clock.now(),
      },
      tenantSetupAdmission(this.settings.maxPendingTenantOperations),
    );
    try {
      await this.queue.enqueueOnboarding(operationId);
    } catch (error) {
      await this.provisioning.fail(operationId, failureFromError(error), this.clock.now());
      throw error;
    }
    return { operationId };
  }
}
