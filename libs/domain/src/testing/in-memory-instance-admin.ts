/** In-memory fake of the instance administration ports, for unit specs only (nothing in the app imports this file). */
import { DomainError } from '../errors';
import { InstanceState } from '../instances/instance-state';
import { type ObjectDetails } from '../operations/operation';
import {
  type InstanceAdminRepository,
  type InstanceDomainView,
  type InstanceLimits,
  type InstanceRepository,
  type InstanceSearch,
  type InstanceView,
} from '../ports';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

interface StoredDomain {
  domain: string;
  primary: boolean;
  generated: boolean;
}

interface StoredInstance {
  id: Id;
  name: string;
  state: InstanceState;
  domains: StoredDomain[];
  limits: InstanceLimits;
}

const NO_LIMITS: InstanceLimits = { block: false, maxUsers: null, maxOrgs: null, maxBuckets: null };

/** Both instance ports over one map, so that a spec sees a change through either; records the events it was given. */
export class InMemoryInstanceAdminRepository implements InstanceAdminRepository, InstanceRepository {
  readonly rows = new Map<Id, StoredInstance>();
  readonly events: PlannedEvent[] = [];

  /** An instance with its generated domain as primary. */
  put(id: Id, name = 'Acme', state: InstanceState = InstanceState.Running): void {
    this.rows.set(id, {
      id,
      name,
      state,
      domains: [{ domain: `${id}.generated.localhost`, primary: true, generated: true }],
      limits: NO_LIMITS,
    });
  }

  async findById(instanceId: Id): Promise<InstanceView | null> {
    const row = this.rows.get(instanceId);
    if (!row) return null;
    const details: ObjectDetails = {
      sequence: String(this.events.length),
      creationDate: new Date(0),
      changeDate: new Date(0),
      resourceOwner: instanceId,
    };
    return {
      id: row.id,
      name: row.name,
      state: row.state,
      defaultLanguage: 'en',
      domains: row.domains.map((d) => ({ ...d, details })),
      details,
    };
  }

  async search(search: InstanceSearch): Promise<{ total: number; instances: InstanceView[] }> {
    const ids = [...this.rows.values()]
      .filter((r) => search.includeStopped || r.state !== InstanceState.Stopped)
      .filter((r) => !search.ids?.length || search.ids.includes(r.id))
      .map((r) => r.id);
    const views = await Promise.all(
      ids.slice(search.offset, search.offset + search.limit).map((id) => this.findById(id)),
    );
    return { total: ids.length, instances: views.filter((v): v is InstanceView => v !== null) };
  }

  async rename(instanceId: Id, name: string, event: PlannedEvent): Promise<void> {
    const row = this.rows.get(instanceId);
    if (!row) return;
    row.name = name;
    this.events.push(event);
  }

  async searchDomains(instanceId: Id, domains?: readonly string[]): Promise<InstanceDomainView[]> {
    const view = await this.findById(instanceId);
    return (view?.domains ?? []).filter((d) => !domains || domains.includes(d.domain));
  }

  async addDomain(instanceId: Id, domain: string, event: PlannedEvent): Promise<void> {
    if (await this.domainExists(domain)) throw DomainError.alreadyExists(`domain "${domain}" is already taken`);
    const row = this.rows.get(instanceId);
    if (!row) return;
    row.domains.push({ domain, primary: false, generated: false });
    this.events.push(event);
  }

  async removeDomain(instanceId: Id, domain: string, event: PlannedEvent): Promise<boolean> {
    const row = this.rows.get(instanceId);
    const index = row?.domains.findIndex((d) => d.domain === domain && !d.generated) ?? -1;
    if (!row || index < 0) return false;
    row.domains.splice(index, 1);
    if (!row.domains.some((d) => d.primary)) row.domains.forEach((d) => (d.primary = d.generated));
    this.events.push(event);
    return true;
  }

  async setPrimaryDomain(instanceId: Id, domain: string, event: PlannedEvent): Promise<boolean> {
    const row = this.rows.get(instanceId);
    if (!row?.domains.some((d) => d.domain === domain)) return false;
    row.domains.forEach((d) => (d.primary = d.domain === domain));
    this.events.push(event);
    return true;
  }

  async domainExists(domain: string): Promise<boolean> {
    return [...this.rows.values()].some((r) => r.domains.some((d) => d.domain === domain));
  }

  async limits(instanceId: Id): Promise<InstanceLimits> {
    return this.rows.get(instanceId)?.limits ?? NO_LIMITS;
  }

  async setLimits(instanceId: Id, limits: InstanceLimits, event: PlannedEvent): Promise<void> {
    const row = this.rows.get(instanceId);
    if (!row) return;
    row.limits = limits;
    this.events.push(event);
  }

  async state(instanceId: Id): Promise<InstanceState | null> {
    return this.rows.get(instanceId)?.state ?? null;
  }
}
