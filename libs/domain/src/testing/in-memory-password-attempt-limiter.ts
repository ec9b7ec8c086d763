/** In-memory fake of the password attempt limiter, for unit specs only: counts per key, one endless window. */
import { type AttemptAdmission, type PasswordAttempt, PasswordAttemptLimiter } from '../ports';

export class InMemoryPasswordAttemptLimiter extends PasswordAttemptLimiter {
  /** Attempts counted per key: `account:<instance>:<account>` and `address:<address>`. */
  readonly counts = new Map<string, number>();
  readonly admitted: PasswordAttempt[] = [];

  constructor(
    private readonly perAccount = 3,
    private readonly perAddress = 100,
  ) {
    super();
  }

  async admit(attempt: PasswordAttempt): Promise<AttemptAdmission> {
    this.admitted.push(attempt);
    const over = this.keys(attempt).map(([key, limit]) => this.add(key, 1) > limit);
    return over.some(Boolean) ? { allowed: false, retryAfterSeconds: 42 } : { allowed: true };
  }

  async forgive(attempt: PasswordAttempt): Promise<void> {
    for (const [key] of this.keys(attempt)) this.add(key, -1);
  }

  private keys(attempt: PasswordAttempt): [string, number][] {
    return [
      [`account:${attempt.instanceId}:${attempt.account}`, this.perAccount],
      [`address:${attempt.clientAddress}`, this.perAddress],
    ];
  }

  private add(key: string, delta: number): number {
    const count = (this.counts.get(key) ?? 0) + delta;
    this.counts.set(key, count);
    return count;
  }
}
