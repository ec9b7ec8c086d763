import { randomBytes, randomInt } from 'node:crypto';

import { IdGenerator } from '@app/domain';
import { Injectable } from '@nestjs/common';

const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

@Injectable()
export class RandomIdGenerator extends IdGenerator {
  newId(): string {
    return randomBytes(8).toString('hex');
  }

  randomSuffix(length: number): string {
    return Array.from({ length }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join('');
  }
}
