import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { SecretSealer } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { AppConfig } from '../config/app-config';

const VERSION = 'v1';

/** AES-256-GCM with SECRET_KEY; the sealed form is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
@Injectable()
export class AesGcmSecretSealer extends SecretSealer {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    super();
    this.key = config.secretKey;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined)
      throw new Error('sealed secret has an unknown format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
