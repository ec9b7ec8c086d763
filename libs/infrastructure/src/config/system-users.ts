import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const SYSTEM_USER_ROLES = ['SYSTEM_OWNER', 'SYSTEM_OWNER_VIEWER'] as const;
export type SystemUserRole = (typeof SYSTEM_USER_ROLES)[number];

/** A ZITADEL-style system user: it signs RS256 JWTs with the private key of `publicKey`. */
export interface SystemUser {
  readonly id: string;
  readonly publicKey: KeyObject;
  readonly role: SystemUserRole;
}

/**
 * Parses SYSTEM_API_USERS: `{"<id>": {"keyData": "<base64 of a PEM RSA public key>" | "path": "<PEM file>", "role"?: ...}}`.
 * Every error names the variable and the user id; key material is never echoed.
 */
export function parseSystemUsers(json: string | undefined): Map<string, SystemUser> {
  const users = new Map<string, SystemUser>();
  if (json === undefined || json.trim() === '') return users;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    const position = /position \d+/.exec((e as Error).message);
    throw systemUsersError(`is not valid JSON${position ? ` (error at ${position[0]})` : ''}`);
  }
  if (!isPlainObject(parsed))
    throw systemUsersError('must be a JSON object mapping user ids to {keyData | path, role}');
  for (const [id, entry] of Object.entries(parsed)) {
    try {
      users.set(id, parseSystemUser(id, entry));
    } catch (e) {
      throw systemUsersError(`user ${JSON.stringify(id)}: ${(e as Error).message}`);
    }
  }
  return users;
}

function parseSystemUser(id: string, entry: unknown): SystemUser {
  if (!/^[A-Za-z0-9._@-]{1,128}$/.test(id)) throw new Error('the user id must be 1 to 128 of [A-Za-z0-9._@-]');
  if (!isPlainObject(entry)) throw new Error('must be an object {keyData | path, role}');
  const { keyData, path, role = 'SYSTEM_OWNER', ...unknown } = entry;
  if (Object.keys(unknown).length > 0)
    throw new Error(`unknown field ${Object.keys(unknown).join(', ')} (expected keyData or path, and role)`);
  if (!SYSTEM_USER_ROLES.includes(role as SystemUserRole))
    throw new Error(`role must be one of ${SYSTEM_USER_ROLES.join(', ')}`);
  if ((keyData === undefined) === (path === undefined)) throw new Error('give exactly one of keyData and path');
  let pem: string;
  let source: string;
  if (keyData !== undefined) {
    if (typeof keyData !== 'string') throw new Error('keyData must be a string');
    pem = Buffer.from(keyData, 'base64').toString('utf8');
    source = 'keyData (base64 of a PEM RSA public key)';
  } else {
    if (typeof path !== 'string' || path === '') throw new Error('path must be a file name');
    source = `the key file ${path}`;
    try {
      pem = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`cannot read ${source} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { cause: e });
    }
  }
  if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) throw new Error(`${source} does not hold a PEM public key`);
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error(`${source} is not a valid PEM public key`);
  }
  if (publicKey.asymmetricKeyType !== 'rsa')
    throw new Error(`${source} must be an RSA key, not ${publicKey.asymmetricKeyType}`);
  if ((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
    throw new Error(`${source} must be an RSA key of at least 2048 bits`);
  return { id, publicKey, role: role as SystemUserRole };
}

function systemUsersError(why: string): Error {
  return new Error(`Invalid configuration:\n  SYSTEM_API_USERS: ${why}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
