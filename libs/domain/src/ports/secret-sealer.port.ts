/** Authenticated encryption with the service key, for secrets an operation must hand back later. */
export abstract class SecretSealer {
  abstract seal(plaintext: string): string;
  abstract open(sealed: string): string;
}
