export interface RsaKeyPair {
  /** PKCS#1 PEM; handed to the caller once, never stored. */
  readonly privateKeyPem: string;
  /** SPKI PEM; the only part that is stored. */
  readonly publicKeyPem: string;
}

export abstract class KeyPairGenerator {
  abstract generateRsa2048(): Promise<RsaKeyPair>;
}
