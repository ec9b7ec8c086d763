import { createHmac } from 'node:crypto';

import { newWebhookSecret, signWebhook, verifyWebhook, webhookSigningKey } from './webhook-signature';

describe('signWebhook', () => {
  it('matches the Standard Webhooks reference test vector', () => {
    // From the standard-webhooks reference libraries' tests (checked with openssl dgst -hmac).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('is the base64 HMAC-SHA256 of "<id>.<timestamp>.<body>" keyed with the decoded secret', () => {
    const key = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
    const secret = `whsec_${key.toString('base64')}`;
    const body =
      '{"type":"instance.created","timestamp":"2026-01-01T00:00:00.000Z","data":{"instanceId":"00000000000000aa"}}';
    const expected = createHmac('sha256', key).update(`0123456789abcdef.1767225600.${body}`).digest('base64');

    expect(signWebhook(secret, '0123456789abcdef', 1767225600, body)).toBe(`v1,${expected}`);
  });

  it('changes with every part it signs', () => {
    const secret = newWebhookSecret();
    const base = signWebhook(secret, 'a', 1, 'body');
    expect(signWebhook(secret, 'b', 1, 'body')).not.toBe(base);
    expect(signWebhook(secret, 'a', 2, 'body')).not.toBe(base);
    expect(signWebhook(secret, 'a', 1, 'bodY')).not.toBe(base);
    expect(signWebhook(newWebhookSecret(), 'a', 1, 'body')).not.toBe(base);
  });
});

describe('newWebhookSecret', () => {
  it('is whsec_ and the base64 of 32 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSigningKey(secret)).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});

describe('verifyWebhook', () => {
  const secret = newWebhookSecret();
  const now = 1_767_225_600;
  const body = '{"type":"operation.finished"}';
  const headers = { id: 'msg1', timestamp: String(now), signature: signWebhook(secret, 'msg1', now, body) };

  it('accepts the signature it made', () => {
    expect(verifyWebhook(secret, headers, body, now)).toBe(true);
  });

  it('refuses a tampered body, id or timestamp, and another secret', () => {
    expect(verifyWebhook(secret, headers, body.replace('finished', 'started'), now)).toBe(false);
    expect(verifyWebhook(secret, { ...headers, id: 'msg2' }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { ...headers, timestamp: String(now + 1) }, body, now)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, body, now)).toBe(false);
  });

  it('refuses a timestamp outside the tolerance', () => {
    expect(verifyWebhook(secret, headers, body, now + 301)).toBe(false);
    expect(verifyWebhook(secret, headers, body, now - 301)).toBe(false);
  });

  it('accepts any one of several space-separated signatures and ignores other versions', () => {
    const several = { ...headers, signature: `v1a,abc v1,${Buffer.alloc(32).toString('base64')} ${headers.signature}` };
    expect(verifyWebhook(secret, several, body, now)).toBe(true);
    expect(verifyWebhook(secret, { ...headers, signature: headers.signature.replace('v1,', 'v2,') }, body, now)).toBe(
      false,
    );
  });
});
