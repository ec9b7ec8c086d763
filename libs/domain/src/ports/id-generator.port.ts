import { type Id } from '../shared/id';

export abstract class IdGenerator {
  abstract newId(): Id;
  /** Lowercase [a-z0-9] characters for generated domain names. */
  abstract randomSuffix(length: number): string;
}
