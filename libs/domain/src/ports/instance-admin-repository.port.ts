import { type InstanceState } from '../instances/instance-state';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { type InstanceDomainView, type InstanceView } from './instance-repository.port';

export type InstanceSortColumn = 'FIELD_NAME_ID' | 'FIELD_NAME_NAME' | 'FIELD_NAME_CREATION_DATE';

export interface InstanceSearch {
  readonly offset: number;
  readonly limit: number;
  readonly asc: boolean;
  readonly sortingColumn: InstanceSortColumn;
  readonly ids?: readonly Id[];
  readonly domains?: readonly string[];
  /** Stopped instances are left out unless asked for. */
  readonly includeStopped: boolean;
}

export interface InstanceLimits {
  readonly block: boolean;
  readonly maxUsers: number | null;
  readonly maxOrgs: number | null;
  readonly maxBuckets: number | null;
}

/**
 * What the System API changes on instances besides creating them. Each change stores the facts and the event its
 * handler planned (see `instanceEvents`), in one transaction; the event is written only when something changed.
 */
export abstract class InstanceAdminRepository {
  /** Across every instance (System API search). */
  abstract search(search: InstanceSearch): Promise<{ total: number; instances: InstanceView[] }>;
  abstract rename(instanceId: Id, name: string, event: PlannedEvent, at: Date): Promise<void>;
  abstract searchDomains(instanceId: Id, domains?: readonly string[]): Promise<InstanceDomainView[]>;
  /** ALREADY_EXISTS when any instance has the domain. */
  abstract addDomain(instanceId: Id, domain: string, event: PlannedEvent, at: Date): Promise<void>;
  /** false when the instance has no such domain (or only as its generated one). */
  abstract removeDomain(instanceId: Id, domain: string, event: PlannedEvent, at: Date): Promise<boolean>;
  /** false when the instance has no such domain. */
  abstract setPrimaryDomain(instanceId: Id, domain: string, event: PlannedEvent, at: Date): Promise<boolean>;
  /** Whether any instance has the domain. */
  abstract domainExists(domain: string): Promise<boolean>;
  abstract limits(instanceId: Id): Promise<InstanceLimits>;
  abstract setLimits(instanceId: Id, limits: InstanceLimits, event: PlannedEvent, at: Date): Promise<void>;
  abstract state(instanceId: Id): Promise<InstanceState | null>;
}
