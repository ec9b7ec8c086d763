import { ErrorCode } from '../errors';
import { systemCreateAdmission, tenantSetupAdmission, TooMuchPendingWorkError } from './pending-work';

describe('pending work admissions', () => {
  it.each([
    ['tenant setups', tenantSetupAdmission],
    ['system creates', systemCreateAdmission],
  ])('admit %s below the limit and refuse at it with 429 and a retry hint', (_, admission) => {
    expect(() => admission(3)(0)).not.toThrow();
    expect(() => admission(3)(2)).not.toThrow();
    let refusal: unknown;
    try {
      admission(3)(3);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TooMuchPendingWorkError);
    expect((refusal as TooMuchPendingWorkError).code).toBe(ErrorCode.ResourceExhausted);
    expect((refusal as TooMuchPendingWorkError).retryAfterSeconds).toBeGreaterThan(0);
    expect((refusal as TooMuchPendingWorkError).message).toMatch(/retry/);
  });
});
