import { DomainError } from '../errors';
import { checkDomainName, hostWithoutPort } from '../instances/domain-name';
import { checkInstanceName } from '../instances/instance-name';
import { checkEmail } from '../users/email';
import { checkPassword } from '../users/password-policy';
import { checkUserName } from '../users/user-name';
import { type CreateInstanceInput } from './create-instance-input';

export const MACHINE_KEY_TYPES = ['KEY_TYPE_UNSPECIFIED', 'KEY_TYPE_JSON'] as const;

export interface HumanSpec {
  readonly userName: string;
  readonly email: string;
  readonly isEmailVerified: boolean;
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredLanguage: string;
  readonly passwordChangeRequired: boolean;
  readonly hasPassword: boolean;
}

export interface MachineSpec {
  readonly userName: string;
  readonly name: string;
  /** Present when a PAT was asked for; null expiry means it never expires. */
  readonly personalAccessToken: { readonly expirationDate: string | null } | null;
  readonly machineKey: { readonly type: 'KEY_TYPE_JSON'; readonly expirationDate: string | null } | null;
}

/** A checked CreateInstance request without secrets: safe to store with its operation. */
export interface InstanceSpec {
  readonly instanceName: string;
  readonly firstOrgName: string;
  readonly customDomain: string | null;
  readonly defaultLanguage: string;
  readonly human: HumanSpec | null;
  readonly machine: MachineSpec | null;
}

/** The secret half of a request; it leaves the API only sealed. */
export interface InstanceSecrets {
  readonly humanPassword: string | null;
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function checkFutureDate(value: unknown, field: string, now: Date): string | null {
  if (value === undefined || value === null || value === '') return null;
  const date = typeof value === 'string' && RFC_3339.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    throw DomainError.invalidField(field, 'must be an RFC 3339 date-time');
  }
  if (date.getTime() <= now.getTime()) {
    throw DomainError.invalidField(field, 'must be in the future');
  }
  return date.toISOString();
}

function checkLanguage(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') return 'en';
  if (typeof value !== 'string' || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value)) {
    throw DomainError.invalidField(field, 'must be a BCP 47 language tag such as "en" or "de-CH"');
  }
  return value;
}

function checkHuman(human: NonNullable<CreateInstanceInput['human']>, defaultLanguage: string): HumanSpec {
  const password = human.password?.password;
  if (password !== undefined && password !== '') checkPassword(password, 'human.password.password');
  return {
    userName: checkUserName(human.userName, 'human.userName'),
    email: checkEmail(human.email?.email, 'human.email.email'),
    isEmailVerified: human.email?.isEmailVerified === true,
    firstName: human.profile?.firstName?.trim() || '',
    lastName: human.profile?.lastName?.trim() || '',
    preferredLanguage: human.profile?.preferredLanguage
      ? checkLanguage(human.profile.preferredLanguage, 'human.profile.preferredLanguage')
      : defaultLanguage,
    passwordChangeRequired: human.password?.passwordChangeRequired === true,
    hasPassword: password !== undefined && password !== '',
  };
}

function checkMachine(machine: NonNullable<CreateInstanceInput['machine']>, now: Date): MachineSpec {
  const userName = checkUserName(machine.userName, 'machine.userName');
  const keyType = machine.machineKey?.type ?? 'KEY_TYPE_UNSPECIFIED';
  if (machine.machineKey && !(MACHINE_KEY_TYPES as readonly string[]).includes(keyType)) {
    throw DomainError.invalidField('machine.machineKey.type', `must be one of ${MACHINE_KEY_TYPES.join(', ')}`);
  }
  return {
    userName,
    name: machine.name?.trim() || userName,
    personalAccessToken: machine.personalAccessToken
      ? {
          expirationDate: checkFutureDate(
            machine.personalAccessToken.expirationDate,
            'machine.personalAccessToken.expirationDate',
            now,
          ),
        }
      : null,
    machineKey: machine.machineKey
      ? {
          type: 'KEY_TYPE_JSON',
          expirationDate: checkFutureDate(machine.machineKey.expirationDate, 'machine.machineKey.expirationDate', now),
        }
      : null,
  };
}

/** Checks every field of a CreateInstance request and splits it into what may be stored and what must be sealed. */
export function instanceSpecFrom(
  input: CreateInstanceInput,
  now: Date,
): { spec: InstanceSpec; secrets: InstanceSecrets } {
  const instanceName = checkInstanceName(input.instanceName);
  const firstOrgName = input.firstOrgName?.trim()
    ? checkInstanceName(input.firstOrgName, 'firstOrgName')
    : instanceName;
  const defaultLanguage = checkLanguage(input.defaultLanguage, 'defaultLanguage');
  // A port in a custom domain is dropped: routing matches the Host header without its port.
  const customDomain =
    input.customDomain === undefined || input.customDomain === null || input.customDomain === ''
      ? null
      : hostWithoutPort(checkDomainName(input.customDomain));
  const human = input.human ? checkHuman(input.human, defaultLanguage) : null;
  const machine = input.machine ? checkMachine(input.machine, now) : null;
  if (human && machine && human.userName.toLowerCase() === machine.userName.toLowerCase()) {
    throw DomainError.invalidField('machine.userName', 'must differ from human.userName');
  }
  const password = input.human?.password?.password;
  return {
    spec: { instanceName, firstOrgName, customDomain, defaultLanguage, human, machine },
    secrets: { humanPassword: human?.hasPassword && password ? password : null },
  };
}

export function specAwaitsSetup(spec: InstanceSpec): boolean {
  return spec.human === null && spec.machine === null;
}
