import { type Label } from '../labels/label';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

export interface LabelChanges {
  readonly name?: string;
  /** The label's whole new set of properties. */
  readonly properties?: Record<string, string>;
}

/** Labels of one instance each call; writes store the events the domain planned in the same transaction. */
export abstract class LabelRepository {
  /** Labels of the given orgs (all of the instance when `orgIds` is 'all'). */
  abstract list(instanceId: Id, orgIds: readonly Id[] | 'all', filter: { orgId?: Id; name?: string }): Promise<Label[]>;
  abstract find(instanceId: Id, labelId: Id): Promise<Label | null>;
  /** CONFLICT when the org already has a label of that name, in any case; writes nothing then. */
  abstract create(instanceId: Id, label: Label, event: PlannedEvent, at: Date): Promise<Label>;
  /** null when the label does not exist (any more), and then no event; CONFLICT when the new name is taken. */
  abstract update(
    instanceId: Id,
    labelId: Id,
    changes: LabelChanges,
    event: PlannedEvent,
    at: Date,
  ): Promise<Label | null>;
  /** Removes the label from every bucket too; false (and no event) when it did not exist. */
  abstract delete(instanceId: Id, labelId: Id, event: PlannedEvent, at: Date): Promise<boolean>;
  abstract listForBucket(instanceId: Id, bucketId: Id): Promise<Label[]>;
  /** CONFLICT when the label is on the bucket already; NOT_FOUND when the bucket or the label is not in the instance. */
  abstract addToBucket(instanceId: Id, bucketId: Id, labelId: Id, at: Date): Promise<void>;
  /** false when the label was not on the bucket. */
  abstract removeFromBucket(instanceId: Id, bucketId: Id, labelId: Id, at: Date): Promise<boolean>;
}
