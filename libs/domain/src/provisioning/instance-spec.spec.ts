import { DomainError, ErrorCode } from '../errors';
import { type CreateInstanceInput } from './create-instance-input';
import { type InstanceSpec, instanceSpecFrom, specAwaitsSetup } from './instance-spec';

const NOW = new Date('2025-01-15T12:00:00.000Z');
const PASSWORD = 'Correct-Horse-9';

function fullInput(): CreateInstanceInput {
  return {
    instanceName: 'ACME Corp',
    firstOrgName: 'ACME Org',
    customDomain: 'Login.ACME.example.com',
    defaultLanguage: 'de',
    human: {
      userName: 'admin',
      email: { email: 'admin@acme.example.com', isEmailVerified: true },
      profile: { firstName: ' Ada ', lastName: 'Lovelace', preferredLanguage: 'en' },
      password: { password: PASSWORD, passwordChangeRequired: true },
    },
    machine: {
      userName: 'robot',
      name: 'Robot',
      personalAccessToken: { expirationDate: '2030-01-01T00:00:00Z' },
      machineKey: { type: 'KEY_TYPE_JSON', expirationDate: '2031-06-30T10:00:00+02:00' },
    },
  };
}

/** The DomainError instanceSpecFrom throws for this input, or a failed expectation when it throws none. */
function errorFor(input: CreateInstanceInput): DomainError {
  try {
    instanceSpecFrom(input, NOW);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected instanceSpecFrom to throw a DomainError');
}

describe('instanceSpecFrom', () => {
  describe('a full request', () => {
    it('checks and normalises every field', () => {
      const { spec } = instanceSpecFrom(fullInput(), NOW);
      expect(spec).toEqual<InstanceSpec>({
        instanceName: 'ACME Corp',
        firstOrgName: 'ACME Org',
        customDomain: 'login.acme.example.com',
        defaultLanguage: 'de',
        human: {
          userName: 'admin',
          email: 'admin@acme.example.com',
          isEmailVerified: true,
          firstName: 'Ada',
          lastName: 'Lovelace',
          preferredLanguage: 'en',
          passwordChangeRequired: true,
          hasPassword: true,
        },
        machine: {
          userName: 'robot',
          name: 'Robot',
          personalAccessToken: { expirationDate: '2030-01-01T00:00:00.000Z' },
          machineKey: { type: 'KEY_TYPE_JSON', expirationDate: '2031-06-30T08:00:00.000Z' },
        },
      });
    });

    it('puts the password only in secrets, never in the spec', () => {
      const { spec, secrets } = instanceSpecFrom(fullInput(), NOW);
      expect(secrets).toEqual({ humanPassword: PASSWORD });
      expect(JSON.stringify(spec)).not.toContain(PASSWORD);
    });
  });

  describe('defaults', () => {
    const minimal: CreateInstanceInput = { instanceName: '  Solo  ' };

    it('falls back to the instance name for firstOrgName', () => {
      expect(instanceSpecFrom(minimal, NOW).spec.firstOrgName).toBe('Solo');
      expect(instanceSpecFrom({ ...minimal, firstOrgName: '   ' }, NOW).spec.firstOrgName).toBe('Solo');
    });

    it('uses "en" as the default language', () => {
      expect(instanceSpecFrom(minimal, NOW).spec.defaultLanguage).toBe('en');
      expect(instanceSpecFrom({ ...minimal, defaultLanguage: '' }, NOW).spec.defaultLanguage).toBe('en');
    });

    it('has no custom domain when none or an empty one is given', () => {
      expect(instanceSpecFrom(minimal, NOW).spec.customDomain).toBeNull();
      expect(instanceSpecFrom({ ...minimal, customDomain: '' }, NOW).spec.customDomain).toBeNull();
    });

    it('gives the human the default language and an empty profile when none is given', () => {
      const { spec } = instanceSpecFrom(
        { instanceName: 'x', defaultLanguage: 'fr', human: { userName: 'u', email: { email: 'u@x.io' } } },
        NOW,
      );
      expect(spec.human).toEqual({
        userName: 'u',
        email: 'u@x.io',
        isEmailVerified: false,
        firstName: '',
        lastName: '',
        preferredLanguage: 'fr',
        passwordChangeRequired: false,
        hasPassword: false,
      });
    });

    it('treats an empty password as no password', () => {
      const { spec, secrets } = instanceSpecFrom(
        { instanceName: 'x', human: { userName: 'u', email: { email: 'u@x.io' }, password: { password: '' } } },
        NOW,
      );
      expect(spec.human?.hasPassword).toBe(false);
      expect(secrets.humanPassword).toBeNull();
    });

    it('turns KEY_TYPE_UNSPECIFIED into KEY_TYPE_JSON', () => {
      const { spec } = instanceSpecFrom(
        { instanceName: 'x', machine: { userName: 'm', machineKey: { type: 'KEY_TYPE_UNSPECIFIED' } } },
        NOW,
      );
      expect(spec.machine?.machineKey).toEqual({ type: 'KEY_TYPE_JSON', expirationDate: null });
    });

    it('turns a machine key without type into KEY_TYPE_JSON', () => {
      const { spec } = instanceSpecFrom({ instanceName: 'x', machine: { userName: 'm', machineKey: {} } }, NOW);
      expect(spec.machine?.machineKey).toEqual({ type: 'KEY_TYPE_JSON', expirationDate: null });
    });

    it('names the machine after its user name, with no PAT and no key unless asked', () => {
      const { spec } = instanceSpecFrom({ instanceName: 'x', machine: { userName: ' bot ', name: '  ' } }, NOW);
      expect(spec.machine).toEqual({ userName: 'bot', name: 'bot', personalAccessToken: null, machineKey: null });
    });

    it('gives a PAT without expiry a null expirationDate (never expires)', () => {
      const { spec } = instanceSpecFrom(
        { instanceName: 'x', machine: { userName: 'm', personalAccessToken: {} } },
        NOW,
      );
      expect(spec.machine?.personalAccessToken).toEqual({ expirationDate: null });
    });

    it('has no secrets without a human password', () => {
      expect(instanceSpecFrom({ instanceName: 'x', machine: { userName: 'm' } }, NOW).secrets).toEqual({
        humanPassword: null,
      });
    });
  });

  describe('invalid fields', () => {
    const human = { userName: 'admin', email: { email: 'admin@example.com' } };
    const cases: [string, CreateInstanceInput, string][] = [
      ['a missing instance name', { instanceName: undefined }, 'instanceName'],
      ['a blank instance name', { instanceName: '   ' }, 'instanceName'],
      ['an instance name of 201 characters', { instanceName: 'n'.repeat(201) }, 'instanceName'],
      ['a firstOrgName of 201 characters', { instanceName: 'x', firstOrgName: 'o'.repeat(201) }, 'firstOrgName'],
      ['a malformed customDomain', { instanceName: 'x', customDomain: 'not a domain!' }, 'customDomain'],
      ['a customDomain with an empty label', { instanceName: 'x', customDomain: 'a..example.com' }, 'customDomain'],
      ['a malformed defaultLanguage', { instanceName: 'x', defaultLanguage: 'english please' }, 'defaultLanguage'],
      ['a human without user name', { instanceName: 'x', human: { email: { email: 'a@b.co' } } }, 'human.userName'],
      ['a human without email', { instanceName: 'x', human: { userName: 'admin' } }, 'human.email.email'],
      [
        'a malformed human email',
        { instanceName: 'x', human: { userName: 'admin', email: { email: 'admin-at-example' } } },
        'human.email.email',
      ],
      [
        'a malformed preferredLanguage',
        { instanceName: 'x', human: { ...human, profile: { preferredLanguage: 'x_Y!' } } },
        'human.profile.preferredLanguage',
      ],
      [
        'a 7-byte password',
        { instanceName: 'x', human: { ...human, password: { password: 'short12' } } },
        'human.password.password',
      ],
      [
        'a 73-byte password',
        { instanceName: 'x', human: { ...human, password: { password: 'p'.repeat(73) } } },
        'human.password.password',
      ],
      [
        'an 80-byte password of 20 emoji',
        { instanceName: 'x', human: { ...human, password: { password: '🔐'.repeat(20) } } },
        'human.password.password',
      ],
      ['a machine without user name', { instanceName: 'x', machine: { name: 'Robot' } }, 'machine.userName'],
      [
        'a PAT expirationDate in the past',
        {
          instanceName: 'x',
          machine: { userName: 'm', personalAccessToken: { expirationDate: '2024-12-31T23:59:59Z' } },
        },
        'machine.personalAccessToken.expirationDate',
      ],
      [
        'a PAT expirationDate equal to now',
        { instanceName: 'x', machine: { userName: 'm', personalAccessToken: { expirationDate: NOW.toISOString() } } },
        'machine.personalAccessToken.expirationDate',
      ],
      [
        'a machineKey expirationDate that is not a date',
        { instanceName: 'x', machine: { userName: 'm', machineKey: { expirationDate: 'next tuesday' } } },
        'machine.machineKey.expirationDate',
      ],
      [
        'a machineKey expirationDate in the past',
        { instanceName: 'x', machine: { userName: 'm', machineKey: { expirationDate: '2020-01-01T00:00:00Z' } } },
        'machine.machineKey.expirationDate',
      ],
      [
        'an unknown machineKey type',
        { instanceName: 'x', machine: { userName: 'm', machineKey: { type: 'KEY_TYPE_PEM' } } },
        'machine.machineKey.type',
      ],
      [
        'a machine user name equal to the human one',
        { instanceName: 'x', human, machine: { userName: 'admin' } },
        'machine.userName',
      ],
      [
        'a machine user name equal to the human one but for case',
        { instanceName: 'x', human, machine: { userName: ' ADMIN ' } },
        'machine.userName',
      ],
    ];

    it.each(cases)('refuses %s, naming the field', (_label, input, field) => {
      const error = errorFor(input);
      expect(error.code).toBe(ErrorCode.InvalidArgument);
      expect(error.fieldViolations).toEqual([{ field, description: expect.any(String) }]);
      expect(error.message).toContain(field);
    });

    it('says why a past date is refused', () => {
      const error = errorFor({
        instanceName: 'x',
        machine: { userName: 'm', personalAccessToken: { expirationDate: '2000-01-01T00:00:00Z' } },
      });
      expect(error.fieldViolations[0].description).toBe('must be in the future');
    });

    it('says why a non-date is refused', () => {
      const error = errorFor({ instanceName: 'x', machine: { userName: 'm', machineKey: { expirationDate: 'soon' } } });
      expect(error.fieldViolations[0].description).toBe('must be an RFC 3339 date-time');
    });

    it('never puts the password into an error message', () => {
      const password = 'p'.repeat(73);
      const error = errorFor({ instanceName: 'x', human: { ...human, password: { password } } });
      expect(error.message).not.toContain(password);
      expect(JSON.stringify(error.fieldViolations)).not.toContain(password);
    });

    it('treats "customDomain": null as absent, as protojson does for null', () => {
      // The System API follows protojson (design 1), where null means the field's default. The DTO lets null
      // through (@IsOptional), firstOrgName and defaultLanguage already treat null as absent, customDomain refuses it.
      const input = JSON.parse('{"instanceName":"x","customDomain":null}') as CreateInstanceInput;
      expect(instanceSpecFrom(input, NOW).spec.customDomain).toBeNull();
    });

    it('refuses an expirationDate that is not an RFC 3339 date-time ("2030")', () => {
      // new Date() accepts "2030", "2030-06-01", "June 1, 2030" and offset-less "2030-06-01T00:00:00" (local time).
      const error = errorFor({
        instanceName: 'x',
        machine: { userName: 'm', personalAccessToken: { expirationDate: '2030' } },
      });
      expect(error.fieldViolations).toEqual([
        { field: 'machine.personalAccessToken.expirationDate', description: 'must be an RFC 3339 date-time' },
      ]);
    });
  });
});

describe('specAwaitsSetup', () => {
  it('is true without human and machine', () => {
    expect(specAwaitsSetup(instanceSpecFrom({ instanceName: 'Waiting' }, NOW).spec)).toBe(true);
  });

  it('is false with a human', () => {
    expect(
      specAwaitsSetup(
        instanceSpecFrom({ instanceName: 'x', human: { userName: 'u', email: { email: 'u@x.io' } } }, NOW).spec,
      ),
    ).toBe(false);
  });

  it('is false with a machine', () => {
    expect(specAwaitsSetup(instanceSpecFrom({ instanceName: 'x', machine: { userName: 'm' } }, NOW).spec)).toBe(false);
  });
});
