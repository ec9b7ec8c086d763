import 'reflect-metadata';

import { Argon2PasswordHasher } from '@app/infrastructure/crypto/argon2-password-hasher';
import { RsaKeyPairGenerator } from '@app/infrastructure/crypto/rsa-key-pair-generator';

export interface CeilingResult {
  parallelism: number;
  seconds: number;
  pairs: number;
  pairsPerSecond: number;
}

/**
 * The machine's best rate of the work no instance can avoid: an RSA-2048 key pair plus an argon2id hash (the
 * project's classes and ARGON2_OPTIONS). `parallelism` lanes (2 × cores by default) each make a key pair and a hash
 * at the same time, again and again, so that neither the key generation's nor the hash's threads sit idle.
 * Lanes start no new pair after `seconds`; the rate counts every pair finished, over the time until the last one.
 */
export async function measureCeiling(parallelism: number, seconds: number): Promise<CeilingResult> {
  const keys = new RsaKeyPairGenerator();
  const hasher = new Argon2PasswordHasher();
  await hasher.hash('warm-up'); // loads the native module outside the measured time
  let pairs = 0;
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  const lane = async (): Promise<void> => {
    for (let i = 0; performance.now() < stopAt; i++) {
      await Promise.all([keys.generateRsa2048(), hasher.hash(`Pw-ceiling-${i}-s3cret!`)]);
      pairs++;
    }
  };
  await Promise.all(Array.from({ length: parallelism }, lane));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return { parallelism, seconds: elapsedSeconds, pairs, pairsPerSecond: pairs / elapsedSeconds };
}
