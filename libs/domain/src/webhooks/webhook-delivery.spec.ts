import { DeliveryStatus, statusAfterAttempt, webhookRetryDelayMs } from './webhook-delivery';

describe('webhookRetryDelayMs', () => {
  it('doubles from the base delay and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => webhookRetryDelayMs(n, 100, 500))).toEqual([100, 200, 400, 500]);
  });

  it('spreads 15 attempts over almost a day with the defaults', () => {
    const delays = Array.from({ length: 14 }, (_, i) => webhookRetryDelayMs(i + 1, 5000, 12 * 3600 * 1000));
    const hours = delays.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(hours).toBeGreaterThan(22);
    expect(hours).toBeLessThanOrEqual(24);
  });
});

describe('statusAfterAttempt', () => {
  it('keeps a failed delivery pending until its last attempt', () => {
    expect(statusAfterAttempt(true, false)).toBe(DeliveryStatus.Succeeded);
    expect(statusAfterAttempt(false, false)).toBe(DeliveryStatus.Pending);
    expect(statusAfterAttempt(false, true)).toBe(DeliveryStatus.Failed);
  });
});
