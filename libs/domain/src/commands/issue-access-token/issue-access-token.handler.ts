import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  assertionProblem,
  invalidGrant,
  invalidRequest,
  IssuedAccessToken,
  JWT_BEARER_GRANT_TYPE,
  unsupportedGrantType,
  UNVERIFIED_ASSERTION,
} from '../../oauth/jwt-bearer-grant';
import {
  AssertionReplayGuard,
  Clock,
  IdGenerator,
  JwtAssertionVerifier,
  OAuthGrantStore,
  PasswordAttempt,
  PasswordAttemptLimiter,
  TokenGenerator,
} from '../../ports';
import { IssueAccessTokenCommand } from './issue-access-token.command';

/**
 * Exchanges a JWT signed with a machine key for an opaque access token of its machine user (RFC 7523, as ZITADEL's
 * `ServiceAccount.authenticate()` sends it). Failed grants count in the password attempt limiter, per instance and
 * key id and per client address, so that keys cannot be guessed at faster than passwords.
 */
@CommandHandler(IssueAccessTokenCommand)
export class IssueAccessTokenHandler implements ICommandHandler<IssueAccessTokenCommand> {
  constructor(
    private readonly verifier: JwtAssertionVerifier,
    private readonly grants: OAuthGrantStore,
    private readonly replays: AssertionReplayGuard,
    private readonly limiter: PasswordAttemptLimiter,
    private readonly tokens: TokenGenerator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({
    instanceId,
    issuer,
    grantType,
    assertion,
    scope,
    clientAddress,
  }: IssueAccessTokenCommand): Promise<IssuedAccessToken> {
    if (!grantType) throw invalidRequest('grant_type is required');
    if (grantType !== JWT_BEARER_GRANT_TYPE) throw unsupportedGrantType();
    if (!assertion) throw invalidRequest('assertion is required');
    const claims = this.verifier.decode(assertion);
    if (!claims) throw invalidGrant('assertion is not a JWT');
    if (!claims.keyId) throw invalidGrant('the assertion header has no kid');
    const attempt: PasswordAttempt = { instanceId, account: `machine-key:${claims.keyId}`, clientAddress };
    const admission = await this.limiter.admit(attempt);
    if (!admission.allowed) {
      throw DomainError.tooManyRequests(
        `too many failed grants: retry in ${admission.retryAfterSeconds} s`,
        admission.retryAfterSeconds,
      );
    }
    const key = await this.grants.findMachineKey(instanceId, claims.keyId);
    if (!key || claims.algorithm !== 'RS256' || !(await this.verifier.verifySignature(assertion, key.publicKeyPem))) {
      throw invalidGrant(UNVERIFIED_ASSERTION);
    }
    const now = this.clock.now();
    const problem = assertionProblem(claims, key, issuer, now);
    if (problem) throw invalidGrant(problem);
    if (
      claims.jwtId !== null &&
      !(await this.replays.firstUse(instanceId, key.user.id, claims.jwtId, new Date(claims.expiresAt! * 1000)))
    ) {
      throw invalidGrant('this assertion (jti) has already been used');
    }
    await this.limiter.forgive(attempt);
    const lifetimeEnd = now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000;
    const expiresAt = new Date(key.expiresAt ? Math.min(lifetimeEnd, key.expiresAt.getTime()) : lifetimeEnd);
    const token = this.tokens.generate();
    await this.grants.storeAccessToken(
      instanceId,
      { id: this.ids.newId(), userId: key.user.id, digest: token.digest, expiresAt },
      now,
    );
    return {
      accessToken: token.plaintext,
      expiresInSeconds: Math.floor((expiresAt.getTime() - now.getTime()) / 1000),
      scope: scope?.trim() ?? '',
    };
  }
}
