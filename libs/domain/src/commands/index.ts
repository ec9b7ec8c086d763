import { AddBucketLabelHandler } from './add-bucket-label/add-bucket-label.handler';
import { AddBucketMemberHandler } from './add-bucket-member/add-bucket-member.handler';
import { AddInstanceDomainHandler } from './add-instance-domain/add-instance-domain.handler';
import { AddOrgMemberHandler } from './add-org-member/add-org-member.handler';
import { CancelOperationHandler } from './cancel-operation/cancel-operation.handler';
import { ChangeMyPasswordHandler } from './change-my-password/change-my-password.handler';
import { CreateAuthorizationHandler } from './create-authorization/create-authorization.handler';
import { CreateBucketHandler } from './create-bucket/create-bucket.handler';
import { CreateInstanceHandler } from './create-instance/create-instance.handler';
import { CreateLabelHandler } from './create-label/create-label.handler';
import { CreateOrgHandler } from './create-org/create-org.handler';
import { CreateUserHandler } from './create-user/create-user.handler';
import { CreateWebhookHandler } from './create-webhook/create-webhook.handler';
import { DeleteAuthorizationHandler } from './delete-authorization/delete-authorization.handler';
import { DeleteBucketHandler } from './delete-bucket/delete-bucket.handler';
import { DeleteLabelHandler } from './delete-label/delete-label.handler';
import { DeleteOrgHandler } from './delete-org/delete-org.handler';
import { DeleteUserHandler } from './delete-user/delete-user.handler';
import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.handler';
import { DeliverWebhookHandler } from './deliver-webhook/deliver-webhook.handler';
import { EnsureDefaultInstanceHandler } from './ensure-default-instance/ensure-default-instance.handler';
import { EraseExpiredSecretsHandler } from './erase-expired-secrets/erase-expired-secrets.handler';
import { IssueAccessTokenHandler } from './issue-access-token/issue-access-token.handler';
import { OnboardHandler } from './onboard/onboard.handler';
import { ProvisionInstanceHandler } from './provision-instance/provision-instance.handler';
import { PurgeInstanceHandler } from './purge-instance/purge-instance.handler';
import { RefillMachineKeyPoolHandler } from './refill-machine-key-pool/refill-machine-key-pool.handler';
import { RelayWebhookOutboxHandler } from './relay-webhook-outbox/relay-webhook-outbox.handler';
import { RemoveBucketLabelHandler } from './remove-bucket-label/remove-bucket-label.handler';
import { RemoveBucketMemberHandler } from './remove-bucket-member/remove-bucket-member.handler';
import { RemoveInstanceHandler } from './remove-instance/remove-instance.handler';
import { RemoveInstanceDomainHandler } from './remove-instance-domain/remove-instance-domain.handler';
import { RemoveOrgMemberHandler } from './remove-org-member/remove-org-member.handler';
import { RenameInstanceHandler } from './rename-instance/rename-instance.handler';
import { SetInstanceLimitsHandler } from './set-instance-limits/set-instance-limits.handler';
import { SetPrimaryDomainHandler } from './set-primary-domain/set-primary-domain.handler';
import { SetUserPasswordHandler } from './set-user-password/set-user-password.handler';
import { SetupInstanceHandler } from './setup-instance/setup-instance.handler';
import { SignInHandler } from './sign-in/sign-in.handler';
import { SignOutHandler } from './sign-out/sign-out.handler';
import { UpdateAuthorizationHandler } from './update-authorization/update-authorization.handler';
import { UpdateBucketHandler } from './update-bucket/update-bucket.handler';
import { UpdateLabelHandler } from './update-label/update-label.handler';
import { UpdateOrgHandler } from './update-org/update-org.handler';
import { UpdateUserHandler } from './update-user/update-user.handler';

export * from './add-bucket-label/add-bucket-label.command';
export * from './add-bucket-label/add-bucket-label.handler';
export * from './add-bucket-member/add-bucket-member.command';
export * from './add-bucket-member/add-bucket-member.handler';
export * from './add-instance-domain/add-instance-domain.command';
export * from './add-instance-domain/add-instance-domain.handler';
export * from './add-org-member/add-org-member.command';
export * from './add-org-member/add-org-member.handler';
export * from './cancel-operation/cancel-operation.command';
export * from './cancel-operation/cancel-operation.handler';
export * from './change-my-password/change-my-password.command';
export * from './change-my-password/change-my-password.handler';
export * from './create-authorization/create-authorization.command';
export * from './create-authorization/create-authorization.handler';
export * from './create-bucket/create-bucket.command';
export * from './create-bucket/create-bucket.handler';
export * from './create-instance/create-instance.command';
export * from './create-instance/create-instance.handler';
export * from './create-label/create-label.command';
export * from './create-label/create-label.handler';
export * from './create-org/create-org.command';
export * from './create-org/create-org.handler';
export * from './create-user/create-user.command';
export * from './create-user/create-user.handler';
export * from './create-webhook/create-webhook.command';
export * from './create-webhook/create-webhook.handler';
export * from './delete-authorization/delete-authorization.command';
export * from './delete-authorization/delete-authorization.handler';
export * from './delete-bucket/delete-bucket.command';
export * from './delete-bucket/delete-bucket.handler';
export * from './delete-label/delete-label.command';
export * from './delete-label/delete-label.handler';
export * from './delete-org/delete-org.command';
export * from './delete-org/delete-org.handler';
export * from './delete-user/delete-user.command';
export * from './delete-user/delete-user.handler';
export * from './delete-webhook/delete-webhook.command';
export * from './delete-webhook/delete-webhook.handler';
export * from './deliver-webhook/deliver-webhook.command';
export * from './deliver-webhook/deliver-webhook.handler';
export * from './ensure-default-instance/ensure-default-instance.command';
export * from './ensure-default-instance/ensure-default-instance.handler';
export * from './erase-expired-secrets/erase-expired-secrets.command';
export * from './erase-expired-secrets/erase-expired-secrets.handler';
export * from './issue-access-token/issue-access-token.command';
export * from './issue-access-token/issue-access-token.handler';
export * from './onboard/onboard.command';
export * from './onboard/onboard.handler';
export * from './provision-instance/provision-instance.command';
export * from './provision-instance/provision-instance.handler';
export * from './purge-instance/purge-instance.command';
export * from './purge-instance/purge-instance.handler';
export * from './refill-machine-key-pool/refill-machine-key-pool.command';
export * from './refill-machine-key-pool/refill-machine-key-pool.handler';
export * from './relay-webhook-outbox/relay-webhook-outbox.command';
export * from './relay-webhook-outbox/relay-webhook-outbox.handler';
export * from './remove-bucket-label/remove-bucket-label.command';
export * from './remove-bucket-label/remove-bucket-label.handler';
export * from './remove-bucket-member/remove-bucket-member.command';
export * from './remove-bucket-member/remove-bucket-member.handler';
export * from './remove-instance/remove-instance.command';
export * from './remove-instance/remove-instance.handler';
export * from './remove-instance-domain/remove-instance-domain.command';
export * from './remove-instance-domain/remove-instance-domain.handler';
export * from './remove-org-member/remove-org-member.command';
export * from './remove-org-member/remove-org-member.handler';
export * from './rename-instance/rename-instance.command';
export * from './rename-instance/rename-instance.handler';
export * from './set-instance-limits/set-instance-limits.command';
export * from './set-instance-limits/set-instance-limits.handler';
export * from './set-primary-domain/set-primary-domain.command';
export * from './set-primary-domain/set-primary-domain.handler';
export * from './set-user-password/set-user-password.command';
export * from './set-user-password/set-user-password.handler';
export * from './setup-instance/setup-instance.command';
export * from './setup-instance/setup-instance.handler';
export * from './sign-in/sign-in.command';
export * from './sign-in/sign-in.handler';
export * from './sign-out/sign-out.command';
export * from './sign-out/sign-out.handler';
export * from './update-authorization/update-authorization.command';
export * from './update-authorization/update-authorization.handler';
export * from './update-bucket/update-bucket.command';
export * from './update-bucket/update-bucket.handler';
export * from './update-label/update-label.command';
export * from './update-label/update-label.handler';
export * from './update-org/update-org.command';
export * from './update-org/update-org.handler';
export * from './update-user/update-user.command';
export * from './update-user/update-user.handler';

/** Handlers the API runs. */
export const apiCommandHandlers = [
  CreateInstanceHandler,
  CancelOperationHandler,
  RemoveInstanceHandler,
  RenameInstanceHandler,
  AddInstanceDomainHandler,
  RemoveInstanceDomainHandler,
  SetPrimaryDomainHandler,
  SetInstanceLimitsHandler,
  EnsureDefaultInstanceHandler,
  SetupInstanceHandler,
  CreateBucketHandler,
  UpdateBucketHandler,
  DeleteBucketHandler,
  CreateLabelHandler,
  UpdateLabelHandler,
  DeleteLabelHandler,
  AddBucketLabelHandler,
  RemoveBucketLabelHandler,
  AddBucketMemberHandler,
  RemoveBucketMemberHandler,
  CreateUserHandler,
  UpdateUserHandler,
  DeleteUserHandler,
  SetUserPasswordHandler,
  ChangeMyPasswordHandler,
  SignInHandler,
  SignOutHandler,
  IssueAccessTokenHandler,
  CreateOrgHandler,
  UpdateOrgHandler,
  DeleteOrgHandler,
  AddOrgMemberHandler,
  RemoveOrgMemberHandler,
  CreateAuthorizationHandler,
  UpdateAuthorizationHandler,
  DeleteAuthorizationHandler,
  CreateWebhookHandler,
  DeleteWebhookHandler,
];
/** Handlers the worker runs. */
export const workerCommandHandlers = [
  ProvisionInstanceHandler,
  OnboardHandler,
  PurgeInstanceHandler,
  EraseExpiredSecretsHandler,
  RefillMachineKeyPoolHandler,
  RelayWebhookOutboxHandler,
  DeliverWebhookHandler,
];
