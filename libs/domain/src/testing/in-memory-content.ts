/** In-memory fakes of the bucket and label ports, for unit specs only (nothing in the app imports this file). */
import { type Bucket } from '../buckets/bucket';
import { DomainError, ErrorCode } from '../errors';
import { type Label } from '../labels/label';
import {
  type BucketChanges,
  type BucketFilter,
  type BucketRepository,
  type BucketVisibility,
  type LabelChanges,
  type LabelRepository,
  type NewBucket,
} from '../ports';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

/** What both fakes record: the events a write stored, and how many writes there were. */
class EventLog {
  readonly events: PlannedEvent[] = [];
  writes = 0;

  protected write(event: PlannedEvent): void {
    this.writes += 1;
    this.events.push(event);
  }
}

export class InMemoryBucketRepository extends EventLog implements BucketRepository {
  readonly rows: (Bucket & { instanceId: Id })[] = [];
  /** Orgs that exist, as [instanceId, orgId, orgName]. */
  readonly orgs: [Id, Id, string][] = [];

  put(instanceId: Id, bucket: Bucket): void {
    this.rows.push({ instanceId, ...bucket });
  }

  async list(instanceId: Id, visibility: BucketVisibility, filter: BucketFilter): Promise<Bucket[]> {
    return this.rows
      .filter((b) => b.instanceId === instanceId && (visibility.all || visibility.orgIds.includes(b.orgId)))
      .filter((b) => filter.orgId === undefined || b.orgId === filter.orgId)
      .slice(filter.offset, filter.offset + filter.limit)
      .map(plain);
  }

  async find(instanceId: Id, bucketId: Id): Promise<Bucket | null> {
    const row = this.row(instanceId, bucketId);
    return row ? plain(row) : null;
  }

  async orgIdByName(instanceId: Id, orgName: string): Promise<Id | null> {
    return this.orgs.find(([i, , name]) => i === instanceId && name === orgName)?.[1] ?? null;
  }

  async orgExists(instanceId: Id, orgId: Id): Promise<boolean> {
    return this.orgs.some(([i, id]) => i === instanceId && id === orgId);
  }

  async create(instanceId: Id, bucket: NewBucket, event: PlannedEvent, at: Date): Promise<Bucket> {
    if (this.rows.some((b) => b.instanceId === instanceId && b.orgId === bucket.orgId && b.name === bucket.name)) {
      throw new DomainError(ErrorCode.Conflict, `bucket with name ${bucket.name} already exists`);
    }
    const { ownerId: _owner, ...fields } = bucket;
    const created: Bucket = { ...fields, type: 'user', labels: [], createdAt: at, updatedAt: at };
    this.write(event);
    this.put(instanceId, created);
    return created;
  }

  async update(
    instanceId: Id,
    bucketId: Id,
    changes: BucketChanges,
    event: PlannedEvent,
    at: Date,
  ): Promise<Bucket | null> {
    const row = this.row(instanceId, bucketId);
    if (!row) return null;
    this.write(event);
    Object.assign(row, changes, { updatedAt: at });
    return plain(row);
  }

  async delete(instanceId: Id, bucketId: Id, event: PlannedEvent): Promise<boolean> {
    const index = this.rows.findIndex((b) => b.instanceId === instanceId && b.id === bucketId);
    if (index < 0) return false;
    this.write(event);
    this.rows.splice(index, 1);
    return true;
  }

  private row(instanceId: Id, bucketId: Id): (Bucket & { instanceId: Id }) | undefined {
    return this.rows.find((b) => b.instanceId === instanceId && b.id === bucketId);
  }
}

export class InMemoryLabelRepository extends EventLog implements LabelRepository {
  readonly rows: (Label & { instanceId: Id })[] = [];
  /** Labels on buckets, as [instanceId, bucketId, labelId]. */
  readonly attached: [Id, Id, Id][] = [];

  put(instanceId: Id, label: Label): void {
    this.rows.push({ instanceId, ...label });
  }

  async list(instanceId: Id, orgIds: readonly Id[] | 'all', filter: { orgId?: Id; name?: string }): Promise<Label[]> {
    return this.rows
      .filter((l) => l.instanceId === instanceId && (orgIds === 'all' || orgIds.includes(l.orgId)))
      .filter((l) => (filter.orgId ?? l.orgId) === l.orgId && (filter.name ?? l.name) === l.name)
      .map(plainLabel);
  }

  async find(instanceId: Id, labelId: Id): Promise<Label | null> {
    const row = this.row(instanceId, labelId);
    return row ? plainLabel(row) : null;
  }

  async create(instanceId: Id, label: Label, event: PlannedEvent): Promise<Label> {
    if (this.nameTaken(instanceId, label.orgId, label.name, label.id)) {
      throw new DomainError(ErrorCode.Conflict, `label with name ${label.name} already exists`);
    }
    this.write(event);
    this.put(instanceId, label);
    return { ...label };
  }

  async update(instanceId: Id, labelId: Id, changes: LabelChanges, event: PlannedEvent): Promise<Label | null> {
    const row = this.row(instanceId, labelId);
    if (!row) return null;
    if (changes.name !== undefined && this.nameTaken(instanceId, row.orgId, changes.name, labelId)) {
      throw new DomainError(ErrorCode.Conflict, `label with name ${changes.name} already exists`);
    }
    this.write(event);
    Object.assign(row, changes);
    return plainLabel(row);
  }

  async delete(instanceId: Id, labelId: Id, event: PlannedEvent): Promise<boolean> {
    const index = this.rows.findIndex((l) => l.instanceId === instanceId && l.id === labelId);
    if (index < 0) return false;
    this.write(event);
    this.rows.splice(index, 1);
    return true;
  }

  async listForBucket(instanceId: Id, bucketId: Id): Promise<Label[]> {
    const ids = this.attached.filter(([i, b]) => i === instanceId && b === bucketId).map(([, , l]) => l);
    return this.rows.filter((l) => l.instanceId === instanceId && ids.includes(l.id)).map(plainLabel);
  }

  async addToBucket(instanceId: Id, bucketId: Id, labelId: Id): Promise<void> {
    if (this.attached.some(([i, b, l]) => i === instanceId && b === bucketId && l === labelId)) {
      throw new DomainError(ErrorCode.Conflict, 'label is already on this bucket');
    }
    this.attached.push([instanceId, bucketId, labelId]);
  }

  async removeFromBucket(instanceId: Id, bucketId: Id, labelId: Id): Promise<boolean> {
    const index = this.attached.findIndex(([i, b, l]) => i === instanceId && b === bucketId && l === labelId);
    if (index >= 0) this.attached.splice(index, 1);
    return index >= 0;
  }

  private nameTaken(instanceId: Id, orgId: Id, name: string, exceptId: Id): boolean {
    return this.rows.some(
      (l) =>
        l.instanceId === instanceId &&
        l.orgId === orgId &&
        l.id !== exceptId &&
        l.name.toLowerCase() === name.toLowerCase(),
    );
  }

  private row(instanceId: Id, labelId: Id): (Label & { instanceId: Id }) | undefined {
    return this.rows.find((l) => l.instanceId === instanceId && l.id === labelId);
  }
}

function plain({ instanceId: _instance, ...bucket }: Bucket & { instanceId: Id }): Bucket {
  return { ...bucket, labels: [...bucket.labels] };
}

function plainLabel({ instanceId: _instance, ...label }: Label & { instanceId: Id }): Label {
  return { ...label, properties: { ...label.properties } };
}
