import { DomainError } from '../../errors';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { Id, isId } from '../../shared/id';
import { InstanceState } from '../instance-state';
import { preview } from '../../shared/text';

/** The state of an instance the System API may still change; 404 for unknown and stopped ones. */
export async function requireLiveInstance(instances: InstanceAdminRepository, instanceId: Id): Promise<InstanceState> {
  const state = isId(instanceId) ? await instances.state(instanceId) : null;
  if (!state || state === InstanceState.Stopped) throw DomainError.notFound(`instance ${preview(instanceId)} not found`);
  return state;
}
