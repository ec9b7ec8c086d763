import { type Id } from '../shared/id';

/** ZITADEL never lets a key live forever; a key without expiry gets this date in its key file. */
export const NO_EXPIRY = '9999-12-31T23:59:59Z';

export interface MachineKeyFile {
  readonly type: 'serviceaccount';
  readonly keyId: Id;
  readonly key: string;
  readonly expirationDate: string;
  readonly userId: Id;
}

/** The JSON key file ZITADEL hands out for a machine key, base64 encoded as protojson `bytes`. */
export function encodeMachineKeyFile(file: MachineKeyFile): string {
  return Buffer.from(JSON.stringify(file), 'utf8').toString('base64');
}
