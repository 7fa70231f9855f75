import { LoginThrottle } from './login.throttle';

describe('failed-login throttle', () => {
  it('blocks an address after the limit until its failures leave the window, other addresses unaffected', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(3, 60_000, () => now);
    expect([throttle.recordFailure('10.0.0.1'), throttle.recordFailure('10.0.0.1')]).toEqual([false, false]);
    expect(throttle.blocked('10.0.0.1')).toBe(false);
    expect(throttle.recordFailure('10.0.0.1')).toBe(true);
    expect(throttle.blocked('10.0.0.1')).toBe(true);
    expect(throttle.blocked('10.0.0.2')).toBe(false);
    now += 60_001;
    expect(throttle.blocked('10.0.0.1')).toBe(false);
  });
});
