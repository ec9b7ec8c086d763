import { type InstanceState } from '../instances/instance-state';
import { type ObjectDetails } from '../operations/operation';
import { type Id } from '../shared/id';

export interface InstanceDomainView {
  readonly domain: string;
  readonly primary: boolean;
  readonly generated: boolean;
  readonly details: ObjectDetails;
}

export interface InstanceView {
  readonly id: Id;
  readonly name: string;
  readonly state: InstanceState;
  readonly defaultLanguage: string;
  readonly domains: InstanceDomainView[];
  readonly details: ObjectDetails;
}

export abstract class InstanceRepository {
  abstract findById(instanceId: Id): Promise<InstanceView | null>;
}
