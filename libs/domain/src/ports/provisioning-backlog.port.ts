/** How much provisioning work is waiting or running, across every worker: background work yields to it. */
export abstract class ProvisioningBacklog {
  abstract jobsWaitingOrRunning(): Promise<number>;
}
