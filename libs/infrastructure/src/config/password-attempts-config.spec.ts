import { AppConfig } from './app-config';

const config = (env: Record<string, string>) => AppConfig.fromEnvironment({ NODE_ENV: 'test', ...env });

describe('PASSWORD_ATTEMPTS_PER_MINUTE and PASSWORD_ATTEMPTS_PER_ADDRESS_PER_MINUTE', () => {
  it('default to 10 per user and 100 per address', () => {
    expect(config({})).toMatchObject({ passwordAttemptsPerMinute: 10, passwordAttemptsPerAddressPerMinute: 100 });
  });

  it('still read the former name SIGNIN_ATTEMPTS_PER_MINUTE, which the new name overrides', () => {
    expect(config({ SIGNIN_ATTEMPTS_PER_MINUTE: '4' }).passwordAttemptsPerMinute).toBe(4);
    expect(
      config({ SIGNIN_ATTEMPTS_PER_MINUTE: '4', PASSWORD_ATTEMPTS_PER_MINUTE: '7' }).passwordAttemptsPerMinute,
    ).toBe(7);
  });

  it.each([
    ['PASSWORD_ATTEMPTS_PER_MINUTE', '0'],
    ['SIGNIN_ATTEMPTS_PER_MINUTE', 'ten'],
    ['PASSWORD_ATTEMPTS_PER_ADDRESS_PER_MINUTE', '0'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => config({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });
});
