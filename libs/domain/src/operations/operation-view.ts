import { type CreateInstanceSecrets, type Operation } from './operation';

/** An operation as its reader may see it: secrets only for the caller that started it, and only until they expire. */
export interface OperationView {
  readonly operation: Operation;
  readonly secrets: CreateInstanceSecrets | null;
}
