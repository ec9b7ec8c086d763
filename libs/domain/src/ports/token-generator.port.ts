export interface GeneratedToken {
  /** Shown to its owner once. */
  readonly plaintext: string;
  /** SHA-256 hex digest: the only form that is stored. */
  readonly digest: string;
}

export abstract class TokenGenerator {
  abstract generate(): GeneratedToken;
  abstract digest(plaintext: string): string;
}
