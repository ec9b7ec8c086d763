/**
 * In-memory fake of the tenant auth port, for unit specs only (nothing in the app imports this file). Tokens are
 * found by digest with their user as stored now; a signed-in user's roles are its instance ownership and org
 * memberships (bucket memberships are not modelled); the domain turns them into permissions.
 */
import { type UserRoles } from '../authorization/permission';
import { InstanceState } from '../instances/instance-state';
import { type OrgRole } from '../orgs/org';
import { type InstanceRoute, type TenantAuthRepository, type TokenGrant } from '../ports';
import { type Id } from '../shared/id';

export class InMemoryTenantAuthRepository implements TenantAuthRepository {
  readonly instances = new Map<Id, InstanceRoute>();
  /** domain → instance id; domains are unique across the service. */
  readonly domains = new Map<string, Id>();
  readonly tokens = new Map<string, TokenGrant>();
  /** Instance owners (operators), as `<instance> <user>`. */
  readonly operators = new Set<string>();
  readonly orgRoles: { instanceId: Id; userId: Id; orgId: Id; role: OrgRole }[] = [];

  putInstance(instanceId: Id, domains: string[], route: Partial<Omit<InstanceRoute, 'instanceId'>> = {}): void {
    this.instances.set(instanceId, {
      instanceId,
      state: InstanceState.Running,
      isDefault: false,
      blocked: false,
      ...route,
    });
    domains.forEach((d) => this.domains.set(d, instanceId));
  }

  putToken(digest: string, grant: TokenGrant): void {
    this.tokens.set(digest, grant);
  }

  async findTokenByDigest(digest: string): Promise<TokenGrant | null> {
    return this.tokens.get(digest) ?? null;
  }

  async userRoles(instanceId: Id, userId: Id): Promise<UserRoles> {
    return {
      instanceOwner: this.operators.has(`${instanceId} ${userId}`),
      orgs: this.orgRoles
        .filter((m) => m.instanceId === instanceId && m.userId === userId)
        .map((m) => ({ orgId: m.orgId, role: m.role })),
      buckets: [],
    };
  }

  async findInstanceByHost(host: string): Promise<InstanceRoute | null> {
    const id = this.domains.get(host);
    return (id && this.instances.get(id)) || null;
  }

  async findInstanceById(instanceId: Id): Promise<InstanceRoute | null> {
    return this.instances.get(instanceId) ?? null;
  }

  /** At most one default instance (the unique index instances_one_default). */
  async ensureDefaultInstance(domain: string, newId: Id): Promise<Id> {
    const existing = [...this.instances.values()].find((i) => i.isDefault);
    if (existing) return existing.instanceId;
    this.putInstance(newId, [domain], { isDefault: true });
    return newId;
  }
}
