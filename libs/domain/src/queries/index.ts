import { DomainExistsHandler } from './domain-exists/domain-exists.handler';
import { GetAuthorizationHandler } from './get-authorization/get-authorization.handler';
import { GetBucketHandler } from './get-bucket/get-bucket.handler';
import { GetInstanceHandler } from './get-instance/get-instance.handler';
import { GetInstanceLimitsHandler } from './get-instance-limits/get-instance-limits.handler';
import { GetLabelHandler } from './get-label/get-label.handler';
import { GetMeHandler } from './get-me/get-me.handler';
import { GetOperationHandler } from './get-operation/get-operation.handler';
import { GetOrgHandler } from './get-org/get-org.handler';
import { GetSetupOperationHandler } from './get-setup-operation/get-setup-operation.handler';
import { GetSetupStatusHandler } from './get-setup-status/get-setup-status.handler';
import { GetUserHandler } from './get-user/get-user.handler';
import { GetWebhookHandler } from './get-webhook/get-webhook.handler';
import { ListAuthorizationsHandler } from './list-authorizations/list-authorizations.handler';
import { ListBucketLabelsHandler } from './list-bucket-labels/list-bucket-labels.handler';
import { ListBucketMembersHandler } from './list-bucket-members/list-bucket-members.handler';
import { ListBucketsHandler } from './list-buckets/list-buckets.handler';
import { ListInstanceMembersHandler } from './list-instance-members/list-instance-members.handler';
import { ListLabelsHandler } from './list-labels/list-labels.handler';
import { ListOperationsHandler } from './list-operations/list-operations.handler';
import { ListOrgMembersHandler } from './list-org-members/list-org-members.handler';
import { ListOrgsHandler } from './list-orgs/list-orgs.handler';
import { ListUsersHandler } from './list-users/list-users.handler';
import { ListWebhookDeliveriesHandler } from './list-webhook-deliveries/list-webhook-deliveries.handler';
import { ListWebhooksHandler } from './list-webhooks/list-webhooks.handler';
import { ResolveTenantCallerHandler } from './resolve-tenant-caller/resolve-tenant-caller.handler';
import { SearchInstanceDomainsHandler } from './search-instance-domains/search-instance-domains.handler';
import { SearchInstancesHandler } from './search-instances/search-instances.handler';

export * from './domain-exists/domain-exists.handler';
export * from './domain-exists/domain-exists.query';
export * from './get-authorization/get-authorization.handler';
export * from './get-authorization/get-authorization.query';
export * from './get-bucket/get-bucket.handler';
export * from './get-bucket/get-bucket.query';
export * from './get-instance/get-instance.handler';
export * from './get-instance/get-instance.query';
export * from './get-instance-limits/get-instance-limits.handler';
export * from './get-instance-limits/get-instance-limits.query';
export * from './get-label/get-label.handler';
export * from './get-label/get-label.query';
export * from './get-me/get-me.handler';
export * from './get-me/get-me.query';
export * from './get-operation/get-operation.handler';
export * from './get-operation/get-operation.query';
export * from './get-org/get-org.handler';
export * from './get-org/get-org.query';
export * from './get-setup-operation/get-setup-operation.handler';
export * from './get-setup-operation/get-setup-operation.query';
export * from './get-setup-status/get-setup-status.handler';
export * from './get-setup-status/get-setup-status.query';
export * from './get-user/get-user.handler';
export * from './get-user/get-user.query';
export * from './get-webhook/get-webhook.handler';
export * from './get-webhook/get-webhook.query';
export * from './list-authorizations/list-authorizations.handler';
export * from './list-authorizations/list-authorizations.query';
export * from './list-bucket-labels/list-bucket-labels.handler';
export * from './list-bucket-labels/list-bucket-labels.query';
export * from './list-bucket-members/list-bucket-members.handler';
export * from './list-bucket-members/list-bucket-members.query';
export * from './list-buckets/list-buckets.handler';
export * from './list-buckets/list-buckets.query';
export * from './list-instance-members/list-instance-members.handler';
export * from './list-instance-members/list-instance-members.query';
export * from './list-labels/list-labels.handler';
export * from './list-labels/list-labels.query';
export * from './list-operations/list-operations.handler';
export * from './list-operations/list-operations.query';
export * from './list-org-members/list-org-members.handler';
export * from './list-org-members/list-org-members.query';
export * from './list-orgs/list-orgs.handler';
export * from './list-orgs/list-orgs.query';
export * from './list-users/list-users.handler';
export * from './list-users/list-users.query';
export * from './list-webhook-deliveries/list-webhook-deliveries.handler';
export * from './list-webhook-deliveries/list-webhook-deliveries.query';
export * from './list-webhooks/list-webhooks.handler';
export * from './list-webhooks/list-webhooks.query';
export * from './resolve-tenant-caller/resolve-tenant-caller.handler';
export * from './resolve-tenant-caller/resolve-tenant-caller.query';
export * from './search-instance-domains/search-instance-domains.handler';
export * from './search-instance-domains/search-instance-domains.query';
export * from './search-instances/search-instances.handler';
export * from './search-instances/search-instances.query';

export const queryHandlers = [
  ListInstanceMembersHandler,
  GetInstanceHandler,
  ListOperationsHandler,
  SearchInstancesHandler,
  SearchInstanceDomainsHandler,
  DomainExistsHandler,
  GetInstanceLimitsHandler,
  GetOperationHandler,
  GetSetupOperationHandler,
  ResolveTenantCallerHandler,
  GetSetupStatusHandler,
  GetBucketHandler,
  ListBucketsHandler,
  GetLabelHandler,
  ListLabelsHandler,
  ListBucketLabelsHandler,
  ListBucketMembersHandler,
  ListUsersHandler,
  GetUserHandler,
  GetMeHandler,
  ListOrgsHandler,
  GetOrgHandler,
  ListOrgMembersHandler,
  ListAuthorizationsHandler,
  GetAuthorizationHandler,
  ListWebhooksHandler,
  GetWebhookHandler,
  ListWebhookDeliveriesHandler,
];
