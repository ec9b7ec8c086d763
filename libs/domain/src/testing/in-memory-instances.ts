/**
 * In-memory fake of the System API's instance administration port, for unit specs only (nothing in the app imports
 * this file). It models what the specs here rely on: each instance's state and limits, and which domains are taken.
 * The search, rename and domain changes are not modelled and throw.
 */
import { InstanceState } from '../instances/instance-state';
import {
  type InstanceAdminRepository,
  type InstanceDomainView,
  type InstanceLimits,
  type InstanceMemberRepository,
  type InstanceMemberView,
  type InstanceRepository,
  type InstanceView,
} from '../ports';
import { type Id } from '../shared/id';

const NO_LIMITS: InstanceLimits = { block: false, maxUsers: null, maxOrgs: null, maxBuckets: null };

export class InMemoryInstanceAdminRepository implements InstanceAdminRepository {
  readonly states = new Map<Id, InstanceState>();
  readonly limitsOf = new Map<Id, InstanceLimits>();
  /** domain → instance id */
  readonly domains = new Map<string, Id>();

  put(instanceId: Id, state = InstanceState.Running, domains: string[] = []): void {
    this.states.set(instanceId, state);
    domains.forEach((d) => this.domains.set(d, instanceId));
  }

  async state(instanceId: Id): Promise<InstanceState | null> {
    return this.states.get(instanceId) ?? null;
  }

  async limits(instanceId: Id): Promise<InstanceLimits> {
    return this.limitsOf.get(instanceId) ?? NO_LIMITS;
  }

  async setLimits(instanceId: Id, limits: InstanceLimits): Promise<void> {
    this.limitsOf.set(instanceId, limits);
  }

  async domainExists(domain: string): Promise<boolean> {
    return this.domains.has(domain);
  }

  search(): Promise<{ total: number; instances: InstanceView[] }> {
    return notModelled('search');
  }

  rename(): Promise<void> {
    return notModelled('rename');
  }

  searchDomains(): Promise<InstanceDomainView[]> {
    return notModelled('searchDomains');
  }

  addDomain(): Promise<void> {
    return notModelled('addDomain');
  }

  removeDomain(): Promise<boolean> {
    return notModelled('removeDomain');
  }

  setPrimaryDomain(): Promise<boolean> {
    return notModelled('setPrimaryDomain');
  }
}

function notModelled(method: string): never {
  throw new Error(`InMemoryInstanceAdminRepository does not model ${method}`);
}

/** Owners of each instance in the order they were put, oldest membership first, as the real query orders them. */
export class InMemoryInstanceMemberRepository implements InstanceMemberRepository {
  readonly ownersOf = new Map<Id, InstanceMemberView[]>();

  put(instanceId: Id, member: InstanceMemberView): void {
    this.ownersOf.set(instanceId, [...(this.ownersOf.get(instanceId) ?? []), member]);
  }

  async owners(instanceId: Id): Promise<InstanceMemberView[]> {
    return [...(this.ownersOf.get(instanceId) ?? [])];
  }
}

/** Instances as the System API shows them, by id. */
export class InMemoryInstanceRepository implements InstanceRepository {
  readonly views = new Map<Id, InstanceView>();

  put(view: InstanceView): void {
    this.views.set(view.id, view);
  }

  async findById(instanceId: Id): Promise<InstanceView | null> {
    return this.views.get(instanceId) ?? null;
  }
}
