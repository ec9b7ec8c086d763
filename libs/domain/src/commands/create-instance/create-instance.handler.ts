import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { generatedDomainFor, hostWithoutPort } from '../../instances/domain-name';
import { failureFromError } from '../../operations/failure-from-error';
import { OperationKind } from '../../operations/operation';
import { systemCreateAdmission } from '../../operations/pending-work';
import { provisioningStepsFor } from '../../operations/provisioning-steps';
import { reservedOperation } from '../../operations/reserved-operation';
import {
  Clock,
  IdGenerator,
  InstanceReservation,
  ProvisioningQueue,
  ProvisioningSettings,
  ProvisioningStore,
  ReservedDomain,
  SecretSealer,
} from '../../ports';
import { instanceSpecFrom } from '../../provisioning/instance-spec';
import { CreateInstanceAccepted, CreateInstanceCommand } from './create-instance.command';

/** Checks the request, reserves the instance and its domains, and hands the work to the provisioning queue. */
@CommandHandler(CreateInstanceCommand)
export class CreateInstanceHandler implements ICommandHandler<CreateInstanceCommand> {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly sealer: SecretSealer,
    private readonly store: ProvisioningStore,
    private readonly queue: ProvisioningQueue,
    private readonly settings: ProvisioningSettings,
  ) {}

  async execute({ input, callerId }: CreateInstanceCommand): Promise<CreateInstanceAccepted> {
    const now = this.clock.now();
    const { spec, secrets } = instanceSpecFrom(input, now);
    const instanceId = this.ids.newId();
    const operationId = this.ids.newId();
    const generated = generatedDomainFor(
      spec.instanceName,
      this.ids.randomSuffix(6),
      hostWithoutPort(this.settings.baseDomain),
    );
    const domains: ReservedDomain[] = [{ domain: generated, generated: true, primary: spec.customDomain === null }];
    if (spec.customDomain) domains.push({ domain: spec.customDomain, generated: false, primary: true });

    const reservation: InstanceReservation = {
      instanceId,
      name: spec.instanceName,
      defaultLanguage: spec.defaultLanguage,
      domains,
      operation: {
        id: operationId,
        kind: OperationKind.CreateInstance,
        createdBy: callerId,
        request: spec,
        sealedInput: this.sealer.seal(JSON.stringify(secrets)),
        totalSteps: provisioningStepsFor(spec).length,
      },
      at: now,
    };
    await this.store.reserve(reservation, systemCreateAdmission(this.settings.maxPendingCreatesPerCaller));
    try {
      await this.queue.enqueueProvisioning(operationId);
    } catch (error) {
      // Without a job nobody would ever finish the operation: release the reservation rather than leave it hanging.
      await this.store.fail(operationId, failureFromError(error), this.clock.now());
      throw error;
    }
    return { operationId, instanceId, operation: reservedOperation(reservation) };
  }
}
