import { createHash, randomBytes } from 'node:crypto';

import { GeneratedToken, TokenGenerator } from '@app/domain';
import { Injectable } from '@nestjs/common';

@Injectable()
export class RandomTokenGenerator extends TokenGenerator {
  generate(): GeneratedToken {
    const plaintext = randomBytes(32).toString('base64url');
    return { plaintext, digest: this.digest(plaintext) };
  }

  digest(plaintext: string): string {
    return createHash('sha256').update(plaintext, 'utf8').digest('hex');
  }
}
