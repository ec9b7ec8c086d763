import { createContextKey, type Interceptor } from '@connectrpc/connect';

import { type SystemAuthenticator, type SystemCallerIdentity } from '../auth/system-authenticator';
import { assertRoleMayChange } from '../auth/system-roles';
import { toConnectError } from './grpc-errors';

/** SystemService methods that only read: what SYSTEM_OWNER_VIEWER may call. */
export const READ_ONLY_METHODS = new Set([
  'Healthz',
  'ListInstances',
  'GetInstance',
  'ListDomains',
  'ExistsDomain',
  'ListIAMMembers',
  'ListViews',
  'ListFailedEvents',
]);

/** The authenticated caller, set by the interceptor below for the service implementation. */
export const SYSTEM_CALLER = createContextKey<SystemCallerIdentity | null>(null, { description: 'System API caller' });

/**
 * Authenticates every call with the REST surface's SystemAuthenticator (the `authorization` header or metadata),
 * applies the caller's role to the method, and turns every error into a gRPC status (see toConnectError).
 */
export function systemGrpcInterceptor(authenticator: SystemAuthenticator): Interceptor {
  return (next) => async (request) => {
    try {
      const caller = await authenticator.authenticate(request.header.get('authorization'));
      if (!READ_ONLY_METHODS.has(request.method.name)) assertRoleMayChange(caller.role);
      request.contextValues.set(SYSTEM_CALLER, caller);
      return await next(request);
    } catch (error) {
      throw toConnectError(error, `${request.service.typeName}/${request.method.name}`);
    }
  };
}
