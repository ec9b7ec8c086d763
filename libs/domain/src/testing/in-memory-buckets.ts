/**
 * In-memory fakes of the bucket, bucket member and label ports, for unit specs only (nothing in the app imports
 * this file). They model the read side the query handlers rely on: visibility, filters, order and paging as the
 * real queries do them. Writes are not modelled and throw.
 */
import { type Bucket, type BucketLabel } from '../buckets/bucket';
import { type Label } from '../labels/label';
import {
  type BucketFilter,
  type BucketMember,
  type BucketMemberRepository,
  type BucketRepository,
  type BucketRole,
  type BucketVisibility,
  type LabelRepository,
} from '../ports';
import { type Id } from '../shared/id';
import { type InMemoryOrgRepository } from './in-memory-orgs';
import { type InMemoryUserRepository } from './in-memory-users';

type Stored<T> = T & { readonly instanceId: Id };

/** Labels of the instance, and which bucket carries which label. */
export class InMemoryLabelRepository implements LabelRepository {
  readonly labels: Stored<Label>[] = [];
  /** [instanceId, bucketId, labelId] */
  readonly attached: [Id, Id, Id][] = [];

  put(instanceId: Id, label: Label): Label {
    this.labels.push({ instanceId, ...label });
    return label;
  }

  attach(instanceId: Id, bucketId: Id, labelId: Id): void {
    this.attached.push([instanceId, bucketId, labelId]);
  }

  /** Ordered by name whatever its case, then id. */
  async list(instanceId: Id, orgIds: readonly Id[] | 'all', filter: { orgId?: Id; name?: string }): Promise<Label[]> {
    return byName(
      this.labels.filter(
        (l) =>
          l.instanceId === instanceId &&
          (orgIds === 'all' || orgIds.includes(l.orgId)) &&
          (filter.orgId === undefined || l.orgId === filter.orgId) &&
          (filter.name === undefined || l.name === filter.name),
      ),
    ).map(plainLabel);
  }

  async find(instanceId: Id, labelId: Id): Promise<Label | null> {
    const label = this.labels.find((l) => l.instanceId === instanceId && l.id === labelId);
    return label ? plainLabel(label) : null;
  }

  async listForBucket(instanceId: Id, bucketId: Id): Promise<Label[]> {
    const ids = this.attached.filter(([i, b]) => i === instanceId && b === bucketId).map(([, , l]) => l);
    return byName(this.labels.filter((l) => l.instanceId === instanceId && ids.includes(l.id))).map(plainLabel);
  }

  create(): Promise<Label> {
    return notModelled('LabelRepository.create');
  }
  update(): Promise<Label> {
    return notModelled('LabelRepository.update');
  }
  delete(): Promise<boolean> {
    return notModelled('LabelRepository.delete');
  }
  addToBucket(): Promise<void> {
    return notModelled('LabelRepository.addToBucket');
  }
  removeFromBucket(): Promise<boolean> {
    return notModelled('LabelRepository.removeFromBucket');
  }
}

/** Buckets of the orgs kept by an InMemoryOrgRepository, with the labels of an InMemoryLabelRepository. */
export class InMemoryBucketRepository implements BucketRepository {
  readonly buckets: Stored<Omit<Bucket, 'labels'>>[] = [];

  constructor(
    readonly orgs: InMemoryOrgRepository,
    readonly labels = new InMemoryLabelRepository(),
  ) {}

  put(instanceId: Id, bucket: Pick<Bucket, 'id' | 'orgId' | 'name'> & Partial<Bucket>): void {
    this.buckets.push({
      instanceId,
      description: '',
      type: 'user',
      retentionSeconds: 0,
      shardGroupDurationSeconds: 604_800,
      schemaType: 'implicit',
      rp: '0',
      createdAt: new Date(0),
      updatedAt: new Date(0),
      ...bucket,
    });
  }

  /** Visibility and filters apply before paging; a named bucket counts only while it is in the org its permission names. */
  async list(instanceId: Id, visibility: BucketVisibility, filter: BucketFilter): Promise<Bucket[]> {
    const visible = (b: Stored<Omit<Bucket, 'labels'>>) =>
      visibility.all ||
      visibility.orgIds.includes(b.orgId) ||
      visibility.buckets.some((v) => v.id === b.id && (v.orgId === null || v.orgId === b.orgId));
    const after = (b: { id: Id }) =>
      filter.after === undefined || (filter.descending ? b.id < filter.after : b.id > filter.after);
    const found = this.buckets
      .filter((b) => b.instanceId === instanceId && visible(b) && after(b))
      .filter((b) => filter.orgId === undefined || b.orgId === filter.orgId)
      .filter(
        (b) => (filter.name === undefined || b.name === filter.name) && (filter.id === undefined || b.id === filter.id),
      )
      .sort((a, b) => a.id.localeCompare(b.id));
    if (filter.descending) found.reverse();
    return Promise.all(found.slice(filter.offset, filter.offset + filter.limit).map((b) => this.withLabels(b)));
  }

  async find(instanceId: Id, bucketId: Id): Promise<Bucket | null> {
    const bucket = this.buckets.find((b) => b.instanceId === instanceId && b.id === bucketId);
    return bucket ? this.withLabels(bucket) : null;
  }

  async orgIdByName(instanceId: Id, orgName: string): Promise<Id | null> {
    return (await this.orgs.findByName(instanceId, orgName))?.id ?? null;
  }

  async orgExists(instanceId: Id, orgId: Id): Promise<boolean> {
    return (await this.orgs.findById(instanceId, orgId)) !== null;
  }

  create(): Promise<Bucket> {
    return notModelled('BucketRepository.create');
  }
  update(): Promise<Bucket> {
    return notModelled('BucketRepository.update');
  }
  delete(): Promise<boolean> {
    return notModelled('BucketRepository.delete');
  }

  private async withLabels({ instanceId, ...bucket }: Stored<Omit<Bucket, 'labels'>>): Promise<Bucket> {
    const labels: BucketLabel[] = await this.labels.listForBucket(instanceId, bucket.id);
    return { ...bucket, labels };
  }
}

/** Bucket roles of the users of an InMemoryUserRepository; a user that is gone takes its roles with it. */
export class InMemoryBucketMemberRepository implements BucketMemberRepository {
  readonly roles: { instanceId: Id; bucketId: Id; userId: Id; role: BucketRole }[] = [];

  constructor(readonly users: InMemoryUserRepository) {}

  /** Ordered by user name, then id. */
  async list(instanceId: Id, bucketId: Id, role: BucketRole): Promise<BucketMember[]> {
    const members: BucketMember[] = [];
    for (const r of this.roles.filter(
      (x) => x.instanceId === instanceId && x.bucketId === bucketId && x.role === role,
    )) {
      const user = await this.users.findById(instanceId, r.userId);
      if (user) members.push({ ...user, role });
    }
    return members.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  async userExists(instanceId: Id, userId: Id): Promise<boolean> {
    return (await this.users.findById(instanceId, userId)) !== null;
  }

  add(): Promise<BucketMember> {
    return notModelled('BucketMemberRepository.add');
  }
  remove(): Promise<boolean> {
    return notModelled('BucketMemberRepository.remove');
  }
}

function byName<T extends Label>(labels: T[]): T[] {
  return [...labels].sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id),
  );
}

function plainLabel({ id, orgId, name, properties }: Label): Label {
  return { id, orgId, name, properties: { ...properties } };
}

function notModelled(method: string): never {
  throw new Error(`${method} is not modelled by the in-memory fakes`);
}
