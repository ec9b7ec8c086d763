import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { permissionsFromRoles } from '../../authorization/permission';
import { DomainError, ErrorCode, QuotaExhaustedError } from '../../errors';
import { hostWithoutPort } from '../../instances/domain-name';
import { InstanceState } from '../../instances/instance-state';
import {
  Clock,
  InstanceRoute,
  ProvisioningSettings,
  TenantAuthRepository,
  TokenGenerator,
  TokenGrant,
} from '../../ports';
import { preview } from '../../shared/text';
import { anonymousCaller, TenantCaller } from '../../tenancy/tenant-caller';
import { ResolveTenantCallerQuery } from './resolve-tenant-caller.query';

const unauthorized = (message = 'unauthorized access') => new DomainError(ErrorCode.Unauthenticated, message);
const defaultInstanceOff = (host: string) =>
  DomainError.notFound(
    `no instance serves host "${host}": the default instance is turned off (ONBOARD_DEFAULT_INSTANCE=false)`,
  );
const blocked = () =>
  new QuotaExhaustedError('this instance is blocked by its operator; no request is served until it is unblocked');

/**
 * Finds the instance of a tenant request and who calls. On an instance's own domain (generated or custom) only that
 * instance's tokens count. On the service's shared address (BASE_DOMAIN) and on hosts that name no instance, a token
 * selects its own instance, as InfluxDB Cloud's shared URL does; without a token, BASE_DOMAIN is the default instance.
 */
@QueryHandler(ResolveTenantCallerQuery)
export class ResolveTenantCallerHandler implements IQueryHandler<ResolveTenantCallerQuery> {
  constructor(
    private readonly auth: TenantAuthRepository,
    private readonly tokens: TokenGenerator,
    private readonly clock: Clock,
    private readonly settings: ProvisioningSettings,
  ) {}

  async execute({ host, credential }: ResolveTenantCallerQuery): Promise<TenantCaller> {
    const hostName = host ? hostWithoutPort(host) : '';
    const route = hostName ? await this.auth.findInstanceByHost(hostName) : null;
    if (!credential) {
      if (this.isTurnedOffDefault(hostName, route)) throw defaultInstanceOff(hostName);
      if (!route || route.state !== InstanceState.Running) {
        throw DomainError.notFound(`no instance serves host "${preview(hostName)}"`);
      }
      if (route.blocked) throw blocked();
      return anonymousCaller(route.instanceId);
    }
    const grant = await this.auth.findTokenByDigest(this.tokens.digest(credential.value));
    if (!grant || !this.usable(grant, credential.via)) throw unauthorized();
    const ownDomain = route !== null && hostName !== hostWithoutPort(this.settings.baseDomain);
    if (ownDomain && route.instanceId !== grant.instanceId) throw unauthorized('token is not valid for this instance');
    const instance = await this.auth.findInstanceById(grant.instanceId);
    if (!instance || instance.state !== InstanceState.Running) throw unauthorized();
    if (this.isTurnedOffDefault(hostName, instance)) throw defaultInstanceOff(hostName);
    if (instance.blocked) throw blocked();
    if (grant.user.status !== 'active') throw new DomainError(ErrorCode.PermissionDenied, 'User is inactive');
    const session = grant.kind === 'session';
    return {
      instanceId: grant.instanceId,
      kind: session ? 'session' : 'token',
      user: grant.user,
      tokenId: session ? null : grant.tokenId,
      sessionId: session ? grant.tokenId : null,
      // Sessions and OAuth access tokens carry what their user holds now, so a lost role takes effect at once.
      permissions:
        session || grant.kind === 'oauth_access'
          ? permissionsFromRoles(grant.user.id, await this.auth.userRoles(grant.instanceId, grant.user.id))
          : grant.permissions,
    };
  }

  /** With ONBOARD_DEFAULT_INSTANCE=false, BASE_DOMAIN and a default instance created by an earlier start are not served. */
  private isTurnedOffDefault(hostName: string, route: InstanceRoute | null): boolean {
    if (this.settings.onboardDefaultInstance) return false;
    return route?.isDefault === true || (route === null && hostName === hostWithoutPort(this.settings.baseDomain));
  }

  private usable(grant: TokenGrant, via: 'header' | 'cookie'): boolean {
    const expired = grant.expiresAt !== null && grant.expiresAt.getTime() <= this.clock.now().getTime();
    const rightCarrier = via === 'cookie' ? grant.kind === 'session' : grant.kind !== 'session';
    return grant.status === 'active' && !expired && rightCarrier;
  }
}
