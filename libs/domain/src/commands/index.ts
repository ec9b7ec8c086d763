import { CreateBucketHandler } from './create-bucket/create-bucket.handler';
import { CreateInstanceHandler } from './create-instance/create-instance.handler';
import { DeleteBucketHandler } from './delete-bucket/delete-bucket.handler';
import { UpdateBucketHandler } from './update-bucket/update-bucket.handler';
import { EnsureDefaultInstanceHandler } from './ensure-default-instance/ensure-default-instance.handler';
import { EraseExpiredSecretsHandler } from './erase-expired-secrets/erase-expired-secrets.handler';
import { OnboardHandler } from './onboard/onboard.handler';
import { ProvisionInstanceHandler } from './provision-instance/provision-instance.handler';
import { SetupInstanceHandler } from './setup-instance/setup-instance.handler';

export * from './create-bucket/create-bucket.command';
export * from './create-bucket/create-bucket.handler';
export * from './delete-bucket/delete-bucket.command';
export * from './delete-bucket/delete-bucket.handler';
export * from './update-bucket/update-bucket.command';
export * from './update-bucket/update-bucket.handler';
export * from './create-instance/create-instance.command';
export * from './create-instance/create-instance.handler';
export * from './ensure-default-instance/ensure-default-instance.command';
export * from './ensure-default-instance/ensure-default-instance.handler';
export * from './erase-expired-secrets/erase-expired-secrets.command';
export * from './erase-expired-secrets/erase-expired-secrets.handler';
export * from './provision-instance/provision-instance.command';
export * from './provision-instance/provision-instance.handler';
export * from './provision-instance/failure-from-error';
export * from './onboard/onboard.command';
export * from './onboard/onboard.handler';
export * from './setup-instance/setup-instance.command';
export * from './setup-instance/setup-instance.handler';

/** Handlers the API runs. */
export const apiCommandHandlers = [
  CreateInstanceHandler,
  EnsureDefaultInstanceHandler,
  SetupInstanceHandler,
  CreateBucketHandler,
  UpdateBucketHandler,
  DeleteBucketHandler,
];
/** Handlers the worker runs. */
export const workerCommandHandlers = [
  ProvisionInstanceHandler,
  OnboardHandler,
  EraseExpiredSecretsHandler,
];
