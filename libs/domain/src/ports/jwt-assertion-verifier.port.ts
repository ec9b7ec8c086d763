/** What a JWT assertion says about itself, read before its signature is checked. */
export interface DecodedAssertion {
  readonly keyId: string | null;
  readonly algorithm: string;
  readonly issuer: string | null;
  readonly subject: string | null;
  /** `aud` as a list (a single string becomes one element). */
  readonly audience: readonly string[];
  /** Seconds since the epoch, or null when absent or not a number. */
  readonly issuedAt: number | null;
  readonly expiresAt: number | null;
  readonly jwtId: string | null;
}

/**
 * Reads and verifies RFC 7523 JWT assertions. The claims are checked by the domain; the adapter only parses the
 * compact serialization and checks the RS256 signature, so that the domain needs no JOSE library.
 */
export abstract class JwtAssertionVerifier {
  /** The header and claims, or null when the text is not a JWS compact serialization with a JSON payload. */
  abstract decode(assertion: string): DecodedAssertion | null;
  /** True when the assertion carries a valid RS256 signature by the key whose public half this SPKI PEM is. */
  abstract verifySignature(assertion: string, publicKeyPem: string): Promise<boolean>;
}
