import { type Permission } from '../authorization/permission';
import { type Id } from '../shared/id';

export interface CallerUser {
  readonly id: Id;
  readonly name: string;
  readonly status: 'active' | 'inactive';
}

/** Who calls the tenant API, in which instance, with which permissions. */
export interface TenantCaller {
  readonly instanceId: Id;
  readonly kind: 'token' | 'session' | 'anonymous';
  readonly user: CallerUser | null;
  /** The authorization (or PAT) the request came with; null for sessions and anonymous callers. */
  readonly tokenId: Id | null;
  /** The session the request came with (signout ends it). */
  readonly sessionId: Id | null;
  readonly permissions: readonly Permission[];
}

export function anonymousCaller(instanceId: Id): TenantCaller {
  return { instanceId, kind: 'anonymous', user: null, tokenId: null, sessionId: null, permissions: [] };
}
