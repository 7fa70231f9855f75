import { DEFAULT_MAX_IDLE_MS, IdleBackoff } from './idle-backoff';

describe('IdleBackoff', () => {
  it('doubles the pause while polls find nothing, up to the cap', () => {
    const backoff = new IdleBackoff(20, 200);
    expect([false, false, false, false, false].map((found) => backoff.next(found))).toEqual([40, 80, 160, 200, 200]);
  });

  it('goes back to the shortest pause as soon as a poll finds work', () => {
    const backoff = new IdleBackoff(20, 200);
    backoff.next(false);
    backoff.next(false);
    expect(backoff.next(true)).toBe(20);
    expect(backoff.next(false)).toBe(40);
  });

  it('caps at DEFAULT_MAX_IDLE_MS unless told, and never below the shortest pause', () => {
    const backoff = new IdleBackoff(10);
    for (let i = 0; i < 20; i++) backoff.next(false);
    expect(backoff.next(false)).toBe(DEFAULT_MAX_IDLE_MS);
    expect(new IdleBackoff(500).next(false)).toBe(500);
  });

  it('grows from a zero pause too', () => {
    const backoff = new IdleBackoff(0, 8);
    expect([false, false, false, false, false].map((found) => backoff.next(found))).toEqual([2, 4, 8, 8, 8]);
  });
});
