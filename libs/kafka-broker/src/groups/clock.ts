/** A pending timer; cancel() is idempotent. */
export interface Timer {
  cancel(): void;
}

/** Time as an input, so the coordinator's timeouts run under a fake clock in unit tests. */
export interface Clock {
  now(): number;
  schedule(delayMs: number, fire: () => void): Timer;
}

// setTimeout fires at once for delays past 2^31-1 ms; a client asking for a longer timeout gets the longest.
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Wall-clock time; timers are unref'd so a forgotten one never keeps the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(delayMs, fire) {
    const handle = setTimeout(fire, Math.min(MAX_DELAY_MS, Math.max(0, delayMs)));
    handle.unref();
    return { cancel: () => clearTimeout(handle) };
  },
};
