import { crossedThreshold, quotaPeriod } from './quota';

describe('quota periods and thresholds', () => {
  const from = new Date('2030-01-01T00:00:00Z');
  const hour = 3_600_000;

  it('finds the period of a moment: from + k * interval, and none before from', () => {
    expect(quotaPeriod({ from, resetIntervalMs: hour }, new Date('2030-01-01T02:30:00Z'))).toEqual({
      start: new Date('2030-01-01T02:00:00Z'),
      end: new Date('2030-01-01T03:00:00Z'),
    });
    expect(quotaPeriod({ from, resetIntervalMs: hour }, from)?.start).toEqual(from);
    expect(quotaPeriod({ from, resetIntervalMs: hour }, new Date(from.getTime() - 1))).toBeNull();
  });

  it('crosses a threshold once without repeat', () => {
    const crossed = [1, 2, 3, 4, 5, 6].map((usage) => crossedThreshold({ percent: 50, repeat: false }, 4, usage));
    expect(crossed).toEqual([null, 50, null, null, null, null]);
  });

  it('crosses each multiple of percent once with repeat, and reports the highest when one request crosses several', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((u) => crossedThreshold({ percent: 50, repeat: true }, 4, u))).toEqual([
      null,
      50,
      null,
      100,
      null,
      150,
      null,
    ]);
    expect(crossedThreshold({ percent: 50, repeat: true }, 1, 1)).toBe(100);
    expect(crossedThreshold({ percent: 100, repeat: false }, 3, 3)).toBe(100);
  });
});
