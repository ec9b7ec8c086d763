import { type InstanceSpec } from '../provisioning/instance-spec';

export enum ProvisioningStep {
  GenerateMachineKey = 'GENERATE_MACHINE_KEY',
  HashPassword = 'HASH_PASSWORD',
  GeneratePersonalAccessToken = 'GENERATE_PERSONAL_ACCESS_TOKEN',
  WriteInstance = 'WRITE_INSTANCE',
}

/** The steps a CreateInstance goes through, in order; only those the request asks for. */
export function provisioningStepsFor(spec: InstanceSpec): ProvisioningStep[] {
  const steps: ProvisioningStep[] = [];
  if (spec.machine?.machineKey) steps.push(ProvisioningStep.GenerateMachineKey);
  if (spec.human?.hasPassword) steps.push(ProvisioningStep.HashPassword);
  if (spec.machine?.personalAccessToken) steps.push(ProvisioningStep.GeneratePersonalAccessToken);
  steps.push(ProvisioningStep.WriteInstance);
  return steps;
}
