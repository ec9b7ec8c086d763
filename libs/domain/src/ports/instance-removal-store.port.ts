import { type ObjectDetails } from '../operations/operation';
import { type Id } from '../shared/id';
import { type CommitOutcome } from './provisioning-store.port';

export abstract class InstanceRemovalStore {
  /**
   * Turns the instance STATE_STOPPING (every tenant request and token is refused from then on) and stores the
   * REMOVE_INSTANCE operation, in one transaction. Answers the operation already under way when there is one.
   */
  abstract beginRemoval(
    instanceId: Id,
    operationId: Id,
    createdBy: string,
    at: Date,
  ): Promise<{ operationId: Id; started: boolean }>;
  /**
   * In one transaction: deletes every tenant row of the instance, frees its domains, erases personal data from its
   * events (a tombstone event remains) and the sealed secrets of its operations; the instance ends STATE_STOPPED.
   */
  abstract purge(operationId: Id, at: Date): Promise<CommitOutcome>;
  abstract details(instanceId: Id): Promise<ObjectDetails | null>;
}
