import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { planOnboarding } from '../../onboarding/onboarding-plan';
import { OnboardingSecrets, OnboardingSpec } from '../../onboarding/onboarding-spec';
import { ONBOARDING_STEPS, OnboardingStep } from '../../operations/onboarding-steps';
import { Operation, OperationKind, OperationState } from '../../operations/operation';
import { runOperation } from '../../operations/run-operation';
import {
  Clock,
  IdGenerator,
  OnboardingStore,
  OperationRepository,
  PasswordHasher,
  ProvisioningSettings,
  ProvisioningStore,
  SecretSealer,
  TokenGenerator,
} from '../../ports';
import { OnboardCommand } from './onboard.command';

/** The worker half of /api/v2/setup and /setup/user: hashes, generates the token, writes everything at once. */
@CommandHandler(OnboardCommand)
export class OnboardHandler implements ICommandHandler<OnboardCommand> {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly operations: OperationRepository,
    private readonly onboarding: OnboardingStore,
    private readonly provisioning: ProvisioningStore,
    private readonly sealer: SecretSealer,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenGenerator,
    private readonly settings: ProvisioningSettings,
  ) {}

  execute({ operationId, finalAttempt }: OnboardCommand): Promise<OperationState> {
    const { operations, clock, provisioning: failures } = this;
    return runOperation({ operations, clock, failures, operationId, finalAttempt }, async (operation) => {
      await this.onboard(operation);
      return OperationState.Succeeded;
    });
  }

  private async onboard(operation: Operation): Promise<void> {
    const spec = operation.request as OnboardingSpec;
    const secrets = JSON.parse(this.sealer.open(operation.sealedInput ?? '')) as OnboardingSecrets;
    await this.progress(operation, OnboardingStep.HashPassword);
    const passwordHash = secrets.password ? await this.hasher.hash(secrets.password) : null;
    await this.progress(operation, OnboardingStep.GenerateToken);
    const token = this.tokens.generate();
    const at = this.clock.now();
    const plan = planOnboarding({
      operationId: operation.id,
      instanceId: operation.instanceId,
      mode: operation.kind === OperationKind.SetupInstance ? 'initial' : 'additional',
      spec,
      ids: {
        userId: this.ids.newId(),
        orgId: this.ids.newId(),
        tokenId: this.ids.newId(),
        bucketIds: [this.ids.newId(), this.ids.newId(), this.ids.newId()],
      },
      passwordHash,
      tokenDigest: token.digest,
      sealedSecrets: this.sealer.seal(JSON.stringify({ token: token.plaintext })),
      secretsExpireAt: new Date(at.getTime() + this.settings.secretRetentionSeconds * 1000),
      at,
    });
    await this.progress(operation, OnboardingStep.WriteOnboarding);
    await this.onboarding.commit(plan, at);
  }

  private progress(operation: Operation, step: OnboardingStep): Promise<void> {
    return this.operations.recordProgress(operation.id, {
      currentStep: step,
      completedSteps: ONBOARDING_STEPS.indexOf(step),
      totalSteps: ONBOARDING_STEPS.length,
    });
  }
}
