export abstract class ProvisioningSettings {
  abstract readonly baseDomain: string;
  abstract readonly defaultBucketName: string;
  abstract readonly secretRetentionSeconds: number;
}
