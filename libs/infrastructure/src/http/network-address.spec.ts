import { hostRefusal, isPublicAddress } from './network-address';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '100.64.0.1',
    '169.254.169.254',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '240.0.0.1',
    '192.0.2.1',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    'fec0::1',
    '2001:db8::1',
    'not an address',
    '',
  ])('%p is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '::ffff:8.8.8.8',
    '2606:4700::1111',
    '2a00:1450:4001::1',
  ])('%p is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('hostRefusal', () => {
  it.each(['127.0.0.1', '[::1]', '[::ffff:7f00:1]', 'localhost', 'LOCALHOST.', 'db.localhost', '0.0.0.0'])(
    'refuses %p',
    (host) => {
      expect(hostRefusal(host)).toMatch(/loopback, private/);
    },
  );

  it.each(['hooks.example.com', '93.184.215.14', '[2606:4700::1111]', 'localhost.example.com', 'notlocalhost'])(
    'leaves %p to delivery time',
    (host) => {
      expect(hostRefusal(host)).toBeNull();
    },
  );
});
