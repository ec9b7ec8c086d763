import { DecodedAssertion, JwtAssertionVerifier } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { compactVerify, decodeJwt, decodeProtectedHeader, importSPKI } from 'jose';

const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const seconds = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** JwtAssertionVerifier with `jose`: parsing and the RS256 signature only; the domain checks the claims. */
@Injectable()
export class JoseJwtAssertionVerifier extends JwtAssertionVerifier {
  decode(assertion: string): DecodedAssertion | null {
    if (assertion.length > 16384 || !JWS_COMPACT.test(assertion)) return null;
    try {
      const header = decodeProtectedHeader(assertion);
      const claims = decodeJwt(assertion);
      const audience = Array.isArray(claims.aud)
        ? claims.aud.filter((a): a is string => typeof a === 'string')
        : [text(claims.aud)].filter((a): a is string => a !== null);
      return {
        keyId: text(header.kid),
        algorithm: text(header.alg) ?? '',
        issuer: text(claims.iss),
        subject: text(claims.sub),
        audience,
        issuedAt: seconds(claims.iat),
        expiresAt: seconds(claims.exp),
        jwtId: text(claims.jti),
      };
    } catch {
      return null;
    }
  }

  async verifySignature(assertion: string, publicKeyPem: string): Promise<boolean> {
    try {
      await compactVerify(assertion, await importSPKI(publicKeyPem, 'RS256'), { algorithms: ['RS256'] });
      return true;
    } catch {
      return false;
    }
  }
}
