import { type Label } from '../labels/label';
import { type Id } from '../shared/id';

export abstract class LabelRepository {
  /** Labels of the given orgs (all of the instance when `orgIds` is 'all'). */
  abstract list(instanceId: Id, orgIds: readonly Id[] | 'all', filter: { orgId?: Id; name?: string }): Promise<Label[]>;
  abstract find(instanceId: Id, labelId: Id): Promise<Label | null>;
  /** CONFLICT when the org already has a label of that name, in any case. */
  abstract create(instanceId: Id, label: Label, at: Date): Promise<Label>;
  abstract update(
    instanceId: Id,
    labelId: Id,
    changes: { name?: string; properties?: Record<string, string> },
    at: Date,
  ): Promise<Label>;
  abstract delete(instanceId: Id, labelId: Id, at: Date): Promise<void>;
  abstract listForBucket(instanceId: Id, bucketId: Id): Promise<Label[]>;
  /** CONFLICT when the label is on the bucket already. */
  abstract addToBucket(instanceId: Id, bucketId: Id, labelId: Id, at: Date): Promise<void>;
  /** false when the label was not on the bucket. */
  abstract removeFromBucket(instanceId: Id, bucketId: Id, labelId: Id, at: Date): Promise<boolean>;
}
