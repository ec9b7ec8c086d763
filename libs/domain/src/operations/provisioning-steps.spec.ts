import { type InstanceSpec, instanceSpecFrom } from '../provisioning/instance-spec';
import { ProvisioningStep, provisioningStepsFor } from './provisioning-steps';

const NOW = new Date('2025-01-15T12:00:00.000Z');
const human = { userName: 'admin', email: { email: 'admin@example.com' } };
const specOf = (input: Parameters<typeof instanceSpecFrom>[0]): InstanceSpec => instanceSpecFrom(input, NOW).spec;

describe('provisioningStepsFor', () => {
  it('has only WRITE_INSTANCE for an instance awaiting setup', () => {
    expect(provisioningStepsFor(specOf({ instanceName: 'x' }))).toEqual([ProvisioningStep.WriteInstance]);
  });

  it('has only WRITE_INSTANCE for a human without password', () => {
    expect(provisioningStepsFor(specOf({ instanceName: 'x', human }))).toEqual([ProvisioningStep.WriteInstance]);
  });

  it('hashes a password when the human has one', () => {
    expect(
      provisioningStepsFor(specOf({ instanceName: 'x', human: { ...human, password: { password: 'Passw0rd!' } } })),
    ).toEqual([ProvisioningStep.HashPassword, ProvisioningStep.WriteInstance]);
  });

  it('lists every step, in order, for a full request', () => {
    const spec = specOf({
      instanceName: 'x',
      human: { ...human, password: { password: 'Passw0rd!' } },
      machine: { userName: 'bot', personalAccessToken: {}, machineKey: {} },
    });
    expect(provisioningStepsFor(spec)).toEqual([
      ProvisioningStep.GenerateMachineKey,
      ProvisioningStep.HashPassword,
      ProvisioningStep.GeneratePersonalAccessToken,
      ProvisioningStep.WriteInstance,
    ]);
  });

  it('generates a PAT only when asked', () => {
    expect(
      provisioningStepsFor(specOf({ instanceName: 'x', machine: { userName: 'bot', personalAccessToken: {} } })),
    ).toEqual([ProvisioningStep.GeneratePersonalAccessToken, ProvisioningStep.WriteInstance]);
  });

  it('generates a machine key only when asked', () => {
    expect(provisioningStepsFor(specOf({ instanceName: 'x', machine: { userName: 'bot', machineKey: {} } }))).toEqual([
      ProvisioningStep.GenerateMachineKey,
      ProvisioningStep.WriteInstance,
    ]);
  });
});
