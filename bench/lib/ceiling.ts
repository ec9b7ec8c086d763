import 'reflect-metadata';

import { Argon2PasswordHasher } from '@app/persistence/security/argon2-password-hasher';
import { RsaKeyPairGenerator } from '@app/persistence/security/rsa-key-pair-generator';

export interface CeilingResult {
  parallelism: number;
  seconds: number;
  pairs: number;
  pairsPerSecond: number;
}

/**
 * The machine's ceiling for the provisioning's slow work: `parallelism` lanes, each making an RSA-2048 key pair
 * and then an argon2id hash (the project's classes and ARGON2_OPTIONS) again and again, as one worker job does.
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
      await keys.generateRsa2048();
      await hasher.hash(`Pw-ceiling-${i}-s3cret!`);
      pairs++;
    }
  };
  await Promise.all(Array.from({ length: parallelism }, lane));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return { parallelism, seconds: elapsedSeconds, pairs, pairsPerSecond: pairs / elapsedSeconds };
}
