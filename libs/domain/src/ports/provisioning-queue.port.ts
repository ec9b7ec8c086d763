import { type Id } from '../shared/id';

export abstract class ProvisioningQueue {
  /** The job carries the operation id and nothing else. */
  abstract enqueueProvisioning(operationId: Id): Promise<void>;
  abstract enqueueOnboarding(operationId: Id): Promise<void>;
  abstract enqueueRemoval(operationId: Id): Promise<void>;
}
