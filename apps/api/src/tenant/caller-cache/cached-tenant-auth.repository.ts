import {
  type Id,
  type InstanceRoute,
  InstanceState,
  TenantAuthRepository,
  type TokenGrant,
  type UserRoles,
} from '@app/domain';

import { ANY_INSTANCE, type InstanceScopedCache } from './instance-scoped-cache';

/**
 * The tenant-auth port with the reads of every tenant request (the Host's instance, the token by its digest, the
 * token's instance, a signed-in user's roles) served from the instance-scoped cache. What the database found is
 * remembered under the instance it belongs to, so that the instance's change notification drops it; a host that
 * names no instance (clients pointed at the service's shared address) is remembered under ANY_INSTANCE, which every
 * instance's change drops, since a domain added to any instance may be that host.
 * Expiry, status and host checks stay in ResolveTenantCallerHandler and run on every request. Keys hold token
 * digests, never tokens.
 *
 * Instances are remembered only while running: one being provisioned or removed is rare on this path, and a client
 * that waited for it to start must find it started even if the notification is a few milliseconds late.
 */
export class CachedTenantAuthRepository extends TenantAuthRepository {
  constructor(
    private readonly inner: TenantAuthRepository,
    private readonly cache: InstanceScopedCache,
  ) {
    super();
  }

  findTokenByDigest(digest: string): Promise<TokenGrant | null> {
    return this.cache.through(
      `token:${digest}`,
      () => this.inner.findTokenByDigest(digest),
      (grant) => grant?.instanceId ?? null,
    );
  }

  userRoles(instanceId: Id, userId: Id): Promise<UserRoles> {
    return this.cache.through(
      `roles:${instanceId}:${userId}`,
      () => this.inner.userRoles(instanceId, userId),
      () => instanceId,
    );
  }

  findInstanceByHost(host: string): Promise<InstanceRoute | null> {
    return this.cache.through(
      `host:${host}`,
      () => this.inner.findInstanceByHost(host),
      (route) => (route === null ? ANY_INSTANCE : runningInstance(route)),
    );
  }

  findInstanceById(instanceId: Id): Promise<InstanceRoute | null> {
    return this.cache.through(`instance:${instanceId}`, () => this.inner.findInstanceById(instanceId), runningInstance);
  }

  ensureDefaultInstance(domain: string, newId: Id, at: Date): Promise<Id> {
    return this.inner.ensureDefaultInstance(domain, newId, at);
  }
}

const runningInstance = (route: InstanceRoute | null): Id | null =>
  route?.state === InstanceState.Running ? route.instanceId : null;
