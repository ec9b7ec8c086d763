export abstract class ProvisioningSettings {
  abstract readonly baseDomain: string;
  abstract readonly defaultBucketName: string;
  abstract readonly secretRetentionSeconds: number;
  /** MAX_PENDING_TENANT_OPERATIONS: unfinished setups one instance may queue. */
  abstract readonly maxPendingTenantOperations: number;
  /** MAX_PENDING_CREATES_PER_CALLER: unfinished instance creations one System API caller may queue. */
  abstract readonly maxPendingCreatesPerCaller: number;
  /** ONBOARD_DEFAULT_INSTANCE: whether BASE_DOMAIN serves an open default instance that anyone may claim. */
  abstract readonly onboardDefaultInstance: boolean;
  /** MACHINE_KEY_POOL_SIZE: RSA key pairs kept ready for creates; 0 makes every pair when it is needed. */
  abstract readonly machineKeyPoolSize: number;
}
