import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCode } from '../../errors';
import { hostWithoutPort } from '../../instances/domain-name';
import { InstanceState } from '../../instances/instance-state';
import { Clock, TenantAuthRepository, TokenGenerator, TokenGrant } from '../../ports';
import { anonymousCaller, TenantCaller } from '../../tenancy/tenant-caller';
import { ResolveTenantCallerQuery } from './resolve-tenant-caller.query';
import { preview } from '../../shared/text';

const unauthorized = (message = 'unauthorized access') => new DomainError(ErrorCode.Unauthenticated, message);
const blocked = () => new DomainError(ErrorCode.ResourceExhausted, 'this instance is blocked by its operator; no request is served until it is unblocked');

/**
 * Finds the instance of a tenant request (from its token when one is sent, else from its host) and who calls.
 * A token presented on another instance's domain is refused.
 */
@QueryHandler(ResolveTenantCallerQuery)
export class ResolveTenantCallerHandler implements IQueryHandler<ResolveTenantCallerQuery> {
  constructor(
    private readonly auth: TenantAuthRepository,
    private readonly tokens: TokenGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ host, credential }: ResolveTenantCallerQuery): Promise<TenantCaller> {
    const hostName = host ? hostWithoutPort(host) : '';
    const route = hostName ? await this.auth.findInstanceByHost(hostName) : null;
    if (!credential) {
      if (!route || route.state !== InstanceState.Running) {
        throw DomainError.notFound(`no instance serves host "${preview(hostName)}"`);
      }
      if (route.blocked) throw blocked();
      return anonymousCaller(route.instanceId);
    }
    const grant = await this.auth.findTokenByDigest(this.tokens.digest(credential.value));
    if (!grant || !this.usable(grant, credential.via)) throw unauthorized();
    if (route && route.instanceId !== grant.instanceId) throw unauthorized('token is not valid for this instance');
    const instance = await this.auth.findInstanceById(grant.instanceId);
    if (!instance || instance.state !== InstanceState.Running) throw unauthorized();
    if (instance.blocked) throw blocked();
    if (grant.user.status !== 'active') throw new DomainError(ErrorCode.PermissionDenied, 'User is inactive');
    const session = grant.kind === 'session';
    return {
      instanceId: grant.instanceId,
      kind: session ? 'session' : 'token',
      user: grant.user,
      tokenId: session ? null : grant.tokenId,
      sessionId: session ? grant.tokenId : null,
      permissions: session ? await this.auth.sessionPermissions(grant.instanceId, grant.user.id) : grant.permissions,
    };
  }

  private usable(grant: TokenGrant, via: 'header' | 'cookie'): boolean {
    const expired = grant.expiresAt !== null && grant.expiresAt.getTime() <= this.clock.now().getTime();
    const rightCarrier = via === 'cookie' ? grant.kind === 'session' : grant.kind !== 'session';
    return grant.status === 'active' && !expired && rightCarrier;
  }
}
