import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { encodeMachineKeyFile, NO_EXPIRY } from '../../keys/machine-key-file';
import { CreateInstanceSecrets, Operation, OperationState, StepStart } from '../../operations/operation';
import { ProvisioningStep, provisioningStepsFor } from '../../operations/provisioning-steps';
import { runOperation } from '../../operations/run-operation';
import {
  Clock,
  IdGenerator,
  KeyPairGenerator,
  MachineKeyPool,
  MachineKeyPoolMetrics,
  OperationRepository,
  PasswordHasher,
  PooledKeyPair,
  ProvisioningSettings,
  ProvisioningStore,
  SecretSealer,
  StepDurations,
  TokenGenerator,
} from '../../ports';
import { InstanceSecrets, InstanceSpec } from '../../provisioning/instance-spec';
import { PlanIds, planInstance } from '../../provisioning/plan-instance';
import { Id } from '../../shared/id';
import { ProvisionInstanceCommand } from './provision-instance.command';

interface Credentials {
  passwordHash: string | null;
  patDigest: string | null;
  machinePublicKeyPem: string | null;
  pooledKeyId: string | null;
  secrets: CreateInstanceSecrets;
}

/**
 * Does the slow work of a CreateInstance outside any transaction (key pair, from the pool when it has one;
 * password hash; token),
 * then writes the whole instance at once. Running it again for a finished operation changes nothing.
 */
@CommandHandler(ProvisionInstanceCommand)
export class ProvisionInstanceHandler implements ICommandHandler<ProvisionInstanceCommand> {
  /** The step each running operation is in, since when (for StepDurations), and the steps this attempt began. */
  private readonly currentSteps = new Map<string, { step: ProvisioningStep; since: number; started: StepStart[] }>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly operations: OperationRepository,
    private readonly store: ProvisioningStore,
    private readonly sealer: SecretSealer,
    private readonly hasher: PasswordHasher,
    private readonly keys: KeyPairGenerator,
    private readonly keyPool: MachineKeyPool,
    private readonly keyPoolMetrics: MachineKeyPoolMetrics,
    private readonly tokens: TokenGenerator,
    private readonly settings: ProvisioningSettings,
    private readonly durations: StepDurations,
  ) {}

  execute({ operationId, finalAttempt }: ProvisionInstanceCommand): Promise<OperationState> {
    const { operations, clock, store: failures } = this;
    return runOperation({ operations, clock, failures, operationId, finalAttempt }, async (operation) => {
      try {
        return await this.provision(operation);
      } finally {
        // Every attempt ends its last step, also one that failed, so that the step durations count it.
        this.endStep(operationId);
      }
    });
  }

  private async provision(operation: Operation): Promise<OperationState> {
    const spec = operation.request as InstanceSpec;
    const input = JSON.parse(this.sealer.open(operation.sealedInput ?? '')) as InstanceSecrets;
    const ids = this.newPlanIds();
    const credentials = await this.generateCredentials(operation, spec, input, ids);
    // Before `now` is taken: the write step lasts until the commit's time, which becomes finishedAt.
    await this.step(operation, spec, ProvisioningStep.WriteInstance);
    const now = this.clock.now();
    const hasSecrets = Object.keys(credentials.secrets).length > 0;
    const plan = planInstance({
      operationId: operation.id,
      instanceId: operation.instanceId,
      spec,
      ids,
      credentials,
      defaultBucketName: this.settings.defaultBucketName,
      sealedSecrets: hasSecrets ? this.sealer.seal(JSON.stringify(credentials.secrets)) : null,
      secretsExpireAt: hasSecrets ? new Date(now.getTime() + this.settings.secretRetentionSeconds * 1000) : null,
    });
    if ((await this.store.commit(plan, now)) === 'written') return OperationState.Succeeded;
    // Another delivery finished the operation meanwhile: report what it ended as.
    return (await this.operations.findById(operation.id))?.state ?? OperationState.Failed;
  }

  private async generateCredentials(
    operation: Operation,
    spec: InstanceSpec,
    input: InstanceSecrets,
    ids: PlanIds,
  ): Promise<Credentials> {
    const credentials: Credentials = {
      passwordHash: null,
      patDigest: null,
      machinePublicKeyPem: null,
      pooledKeyId: null,
      secrets: {},
    };
    const machine = spec.machine;
    if (machine?.machineKey) {
      await this.step(operation, spec, ProvisioningStep.GenerateMachineKey);
      const pooled = await this.claimPooledPair(operation.id);
      const pair = pooled ?? (await this.keys.generateRsa2048());
      credentials.pooledKeyId = pooled?.poolId ?? null;
      credentials.machinePublicKeyPem = pair.publicKeyPem;
      credentials.secrets = {
        ...credentials.secrets,
        machineKey: encodeMachineKeyFile({
          type: 'serviceaccount',
          keyId: ids.machineKeyId,
          key: pair.privateKeyPem,
          expirationDate: machine.machineKey.expirationDate ?? NO_EXPIRY,
          userId: ids.machineId,
        }),
      };
    }
    if (spec.human?.hasPassword && input.humanPassword) {
      await this.step(operation, spec, ProvisioningStep.HashPassword);
      credentials.passwordHash = await this.hasher.hash(input.humanPassword);
    }
    if (machine?.personalAccessToken) {
      await this.step(operation, spec, ProvisioningStep.GeneratePersonalAccessToken);
      const token = this.tokens.generate();
      credentials.patDigest = token.digest;
      credentials.secrets = { ...credentials.secrets, pat: token.plaintext };
    }
    return credentials;
  }

  /** A pair made ahead of need (the same one again on a retry); null when the pool is empty or turned off. */
  private async claimPooledPair(operationId: Id): Promise<PooledKeyPair | null> {
    // Turned off, the pool is not even asked: that would cost every create a transaction to find nothing.
    if (this.settings.machineKeyPoolSize === 0) return null;
    const pooled = await this.keyPool.claim(operationId);
    this.keyPoolMetrics.countClaim(pooled ? 'hit' : 'miss');
    return pooled;
  }

  private async step(operation: Operation, spec: InstanceSpec, step: ProvisioningStep): Promise<void> {
    const now = this.clock.now();
    const started = [...(this.currentSteps.get(operation.id)?.started ?? []), { name: step, startedAt: now }];
    this.endStep(operation.id);
    this.currentSteps.set(operation.id, { step, since: now.getTime(), started });
    const steps = provisioningStepsFor(spec);
    await this.operations.recordProgress(operation.id, {
      currentStep: step,
      completedSteps: steps.indexOf(step),
      totalSteps: steps.length,
      steps: started,
    });
  }

  private endStep(operationId: string): void {
    const current = this.currentSteps.get(operationId);
    if (!current) return;
    this.currentSteps.delete(operationId);
    this.durations.record(current.step, (this.clock.now().getTime() - current.since) / 1000);
  }

  private newPlanIds(): PlanIds {
    return {
      orgId: this.ids.newId(),
      humanId: this.ids.newId(),
      machineId: this.ids.newId(),
      patId: this.ids.newId(),
      machineKeyId: this.ids.newId(),
      bucketIds: [this.ids.newId(), this.ids.newId(), this.ids.newId()],
    };
  }
}
