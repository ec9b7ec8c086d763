import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

import { KeyPairGenerator, RsaKeyPair } from '@app/domain';
import { Injectable } from '@nestjs/common';

const generate = promisify(generateKeyPair);

/** RSA-2048 on libuv's thread pool, so that the event loop keeps serving while a key is made. */
@Injectable()
export class RsaKeyPairGenerator extends KeyPairGenerator {
  async generateRsa2048(): Promise<RsaKeyPair> {
    const { privateKey, publicKey } = await generate('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    });
    return { privateKeyPem: privateKey, publicKeyPem: publicKey };
  }
}
