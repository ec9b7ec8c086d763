import { DomainError } from '../../errors';
import { type InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { type Id, isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { InstanceState } from '../instance-state';

/** The state of an instance the System API may still change; 404 for unknown and stopped ones. */
export async function requireLiveInstance(instances: InstanceAdminRepository, instanceId: Id): Promise<InstanceState> {
  const state = isId(instanceId) ? await instances.state(instanceId) : null;
  if (!state || state === InstanceState.Stopped)
    throw DomainError.notFound(`instance ${preview(instanceId)} not found`);
  return state;
}
