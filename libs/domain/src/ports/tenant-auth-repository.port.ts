import { type Permission, type UserRoles } from '../authorization/permission';
import { type InstanceState } from '../instances/instance-state';
import { type Id } from '../shared/id';
import { type CallerUser } from '../tenancy/tenant-caller';

/** `oauth_access`: an access token of the JWT-bearer grant; like a session, its permissions are the user's, per request. */
export type TokenKind = 'pat' | 'authorization' | 'session' | 'oauth_access';

/** A stored token found by its digest, with its owner. */
export interface TokenGrant {
  readonly instanceId: Id;
  readonly tokenId: Id;
  readonly kind: TokenKind;
  readonly status: 'active' | 'inactive';
  readonly expiresAt: Date | null;
  readonly permissions: Permission[];
  readonly user: CallerUser;
}

export interface InstanceRoute {
  readonly instanceId: Id;
  readonly state: InstanceState;
  readonly isDefault: boolean;
  /** Blocked by the System API's limits: every tenant request is refused with 429. */
  readonly blocked: boolean;
}

export abstract class TenantAuthRepository {
  abstract findTokenByDigest(digest: string): Promise<TokenGrant | null>;
  /** The roles a user holds in its instance now; `permissionsFromRoles` turns them into permissions. */
  abstract userRoles(instanceId: Id, userId: Id): Promise<UserRoles>;
  abstract findInstanceByHost(host: string): Promise<InstanceRoute | null>;
  abstract findInstanceById(instanceId: Id): Promise<InstanceRoute | null>;
  /** Creates the default instance serving `domain` unless one exists; returns its id. */
  abstract ensureDefaultInstance(domain: string, newId: Id, at: Date): Promise<Id>;
}
