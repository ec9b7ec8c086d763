/** Every queue and job the service runs. The worker checks at start that each job name has exactly one processor. */
export enum QueueName {
  Provisioning = 'provisioning',
  Maintenance = 'maintenance',
}

export enum JobName {
  ProvisionInstance = 'provision-instance',
  Onboard = 'onboard',
  EraseExpiredSecrets = 'erase-expired-secrets',
}

/** Job payloads are ids only: never a secret, never a whole request. */
export interface JobPayloads {
  [JobName.ProvisionInstance]: { operationId: string };
  [JobName.Onboard]: { operationId: string };
  [JobName.EraseExpiredSecrets]: Record<string, never>;
}

export const JOBS_BY_QUEUE: Record<QueueName, JobName[]> = {
  [QueueName.Provisioning]: [JobName.ProvisionInstance, JobName.Onboard],
  [QueueName.Maintenance]: [JobName.EraseExpiredSecrets],
};
