/**
 * In-memory fakes of the bucket and bucket member ports, for unit specs only (nothing in the app imports this file).
 * Reads apply visibility, filters, order and paging as the real queries do; bucket writes keep the name rule and
 * record the events they were given, so that command specs can assert what was planned (`events`) and that a
 * refused command wrote nothing (`writes`). Bucket member writes are not modelled and throw.
 */
import { type Bucket } from '../buckets/bucket';
import { DomainError, ErrorCode } from '../errors';
import {
  type BucketChanges,
  type BucketFilter,
  type BucketMember,
  type BucketMemberRepository,
  type BucketRepository,
  type BucketRole,
  type BucketVisibility,
  type NewBucket,
} from '../ports';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { InMemoryLabelRepository } from './in-memory-labels';
import { InMemoryOrgRepository } from './in-memory-orgs';
import { InMemoryUserRepository } from './in-memory-users';

/** A bucket's labels are not stored with it: they are read from the label repository, as the real query joins them. */
interface StoredBucket extends Omit<Bucket, 'labels'> {
  readonly instanceId: Id;
}

/**
 * Buckets of the orgs kept by an InMemoryOrgRepository (none unless given or put there), with the labels of an
 * InMemoryLabelRepository.
 */
export class InMemoryBucketRepository implements BucketRepository {
  readonly rows: StoredBucket[] = [];
  readonly events: PlannedEvent[] = [];
  writes = 0;

  constructor(
    readonly orgs = new InMemoryOrgRepository(new InMemoryUserRepository()),
    readonly labels = new InMemoryLabelRepository(),
  ) {}

  /**
   * Stores a bucket with InfluxDB's defaults for what is not given, without an event: for arranging a spec. Labels
   * given go to the label repository, stored there unless they are already, and put on the bucket.
   */
  put(instanceId: Id, { labels = [], ...bucket }: Pick<Bucket, 'id' | 'orgId' | 'name'> & Partial<Bucket>): void {
    this.rows.push({
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
    for (const label of labels) {
      if (!this.labels.rows.some((l) => l.instanceId === instanceId && l.id === label.id)) {
        this.labels.put(instanceId, label);
      }
      this.labels.attach(instanceId, bucket.id, label.id);
    }
  }

  /** Visibility and filters apply before paging; a named bucket counts only while it is in the org its permission names. */
  async list(instanceId: Id, visibility: BucketVisibility, filter: BucketFilter): Promise<Bucket[]> {
    const visible = (b: StoredBucket) =>
      visibility.all ||
      visibility.orgIds.includes(b.orgId) ||
      visibility.buckets.some((v) => v.id === b.id && (v.orgId === null || v.orgId === b.orgId));
    const after = (b: StoredBucket) =>
      filter.after === undefined || (filter.descending ? b.id < filter.after : b.id > filter.after);
    const found = this.rows
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
    const row = this.row(instanceId, bucketId);
    return row ? this.withLabels(row) : null;
  }

  async orgIdByName(instanceId: Id, orgName: string): Promise<Id | null> {
    return (await this.orgs.findByName(instanceId, orgName))?.id ?? null;
  }

  async orgExists(instanceId: Id, orgId: Id): Promise<boolean> {
    return (await this.orgs.findById(instanceId, orgId)) !== null;
  }

  /** Bucket names are unique per org as written (case matters), like the unique index buckets_name_key. */
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
    return this.withLabels(row);
  }

  async delete(instanceId: Id, bucketId: Id, event: PlannedEvent): Promise<boolean> {
    const index = this.rows.findIndex((b) => b.instanceId === instanceId && b.id === bucketId);
    if (index < 0) return false;
    this.write(event);
    this.rows.splice(index, 1);
    return true;
  }

  private write(event: PlannedEvent): void {
    this.writes += 1;
    this.events.push(event);
  }

  private row(instanceId: Id, bucketId: Id): StoredBucket | undefined {
    return this.rows.find((b) => b.instanceId === instanceId && b.id === bucketId);
  }

  private async withLabels({ instanceId, ...bucket }: StoredBucket): Promise<Bucket> {
    return { ...bucket, labels: await this.labels.listForBucket(instanceId, bucket.id) };
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

function notModelled(method: string): never {
  throw new Error(`${method} is not modelled by the in-memory fakes`);
}
