import { parseBasicCredentials } from './basic-credentials.decorator';

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('parseBasicCredentials', () => {
  it('splits at the first colon: a password may hold colons', () => {
    expect(parseBasicCredentials(basic('ada:pa:ss:word'))).toEqual({ name: 'ada', password: 'pa:ss:word' });
  });

  it('reads UTF-8 and any case of the scheme', () => {
    expect(parseBasicCredentials(basic('jürgen:pässwörd').replace('Basic', 'bAsIc'))).toEqual({
      name: 'jürgen',
      password: 'pässwörd',
    });
  });

  it('keeps an empty password', () => {
    expect(parseBasicCredentials(basic('ada:'))).toEqual({ name: 'ada', password: '' });
  });

  it.each([undefined, '', 'Token abc', 'Basic', 'Basic !!!', basic('no-colon')])('gives null for %p', (header) => {
    expect(parseBasicCredentials(header)).toBeNull();
  });
});
