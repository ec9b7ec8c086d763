/**
 * In-memory fake of the label port, for unit specs only (nothing in the app imports this file). Reads filter and
 * order as the real queries do; writes keep the name rule and record the events they were given, so that command
 * specs can assert what was planned (`events`) and that a refused command wrote nothing (`writes`).
 */
import { DomainError, ErrorCode } from '../errors';
import { type Label } from '../labels/label';
import { type LabelChanges, type LabelRepository } from '../ports';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

interface StoredLabel extends Label {
  readonly instanceId: Id;
}

/** Labels of the instance, and which bucket carries which label (the InMemoryBucketRepository reads them here). */
export class InMemoryLabelRepository implements LabelRepository {
  readonly rows: StoredLabel[] = [];
  /** Labels on buckets, as [instanceId, bucketId, labelId]. */
  readonly attached: [Id, Id, Id][] = [];
  readonly events: PlannedEvent[] = [];
  writes = 0;

  /** Stores a label as given, without an event: for arranging a spec. */
  put(instanceId: Id, label: Label): Label {
    this.rows.push({ instanceId, ...label });
    return label;
  }

  /** Puts a label on a bucket without checks: for arranging a spec. */
  attach(instanceId: Id, bucketId: Id, labelId: Id): void {
    this.attached.push([instanceId, bucketId, labelId]);
  }

  /** Ordered by name whatever its case, then id. */
  async list(instanceId: Id, orgIds: readonly Id[] | 'all', filter: { orgId?: Id; name?: string }): Promise<Label[]> {
    return byName(
      this.rows.filter(
        (l) =>
          l.instanceId === instanceId &&
          (orgIds === 'all' || orgIds.includes(l.orgId)) &&
          (filter.orgId === undefined || l.orgId === filter.orgId) &&
          (filter.name === undefined || l.name === filter.name),
      ),
    ).map(plainLabel);
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

  /** Ordered by name whatever its case, then id. */
  async listForBucket(instanceId: Id, bucketId: Id): Promise<Label[]> {
    const ids = this.attached.filter(([i, b]) => i === instanceId && b === bucketId).map(([, , l]) => l);
    return byName(this.rows.filter((l) => l.instanceId === instanceId && ids.includes(l.id))).map(plainLabel);
  }

  async addToBucket(instanceId: Id, bucketId: Id, labelId: Id): Promise<void> {
    if (this.attached.some(([i, b, l]) => i === instanceId && b === bucketId && l === labelId)) {
      throw new DomainError(ErrorCode.Conflict, 'label is already on this bucket');
    }
    this.attach(instanceId, bucketId, labelId);
  }

  async removeFromBucket(instanceId: Id, bucketId: Id, labelId: Id): Promise<boolean> {
    const index = this.attached.findIndex(([i, b, l]) => i === instanceId && b === bucketId && l === labelId);
    if (index >= 0) this.attached.splice(index, 1);
    return index >= 0;
  }

  private write(event: PlannedEvent): void {
    this.writes += 1;
    this.events.push(event);
  }

  /** Label names are unique per org whatever their case, like the unique index labels_name_key. */
  private nameTaken(instanceId: Id, orgId: Id, name: string, exceptId: Id): boolean {
    return this.rows.some(
      (l) =>
        l.instanceId === instanceId &&
        l.orgId === orgId &&
        l.id !== exceptId &&
        l.name.toLowerCase() === name.toLowerCase(),
    );
  }

  private row(instanceId: Id, labelId: Id): StoredLabel | undefined {
    return this.rows.find((l) => l.instanceId === instanceId && l.id === labelId);
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
