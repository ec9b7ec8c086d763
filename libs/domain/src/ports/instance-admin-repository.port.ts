import { type InstanceState } from '../instances/instance-state';
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

/** What the System API changes on instances besides creating them; every change writes its event. */
export abstract class InstanceAdminRepository {
  abstract search(search: InstanceSearch): Promise<{ total: number; instances: InstanceView[] }>;
  abstract rename(instanceId: Id, name: string, at: Date): Promise<void>;
  abstract searchDomains(instanceId: Id, domains?: readonly string[]): Promise<InstanceDomainView[]>;
  /** ALREADY_EXISTS when any instance has the domain. */
  abstract addDomain(instanceId: Id, domain: string, at: Date): Promise<void>;
  /** false when the instance has no such domain. */
  abstract removeDomain(instanceId: Id, domain: string, at: Date): Promise<boolean>;
  abstract setPrimaryDomain(instanceId: Id, domain: string, at: Date): Promise<boolean>;
  abstract domainExists(domain: string): Promise<boolean>;
  abstract limits(instanceId: Id): Promise<InstanceLimits>;
  abstract setLimits(instanceId: Id, limits: InstanceLimits, at: Date): Promise<void>;
  abstract state(instanceId: Id): Promise<InstanceState | null>;
}
