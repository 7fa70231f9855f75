// kafkajs 2.2.4 re-arms a 1 ms timer forever on every idle connection (kafkajs#1556, unfixed upstream):
// seven idle services spent most of a core on it. patches/kafkajs+2.2.4.patch (applied by patch-package
// on npm install) stops that. This checks the installed kafkajs carries the patch.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs's internal request queue has no types
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: Record<string, unknown>) => {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
};

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const queue = () => new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'spec', broker: '127.0.0.1:1', logger });

describe('kafkajs request queue (patched)', () => {
  it('arms no timer when nothing is pending and nothing is throttled', () => {
    const q = queue();
    q.scheduleCheckPendingRequests();
    const armed = q.throttleCheckTimeoutId;
    if (armed) clearTimeout(armed); // unpatched, it would re-arm itself forever and keep jest alive
    expect(armed).toBeNull();
  });

  it('still checks back for pending requests, and after a throttle', () => {
    const pending = queue();
    pending.pending.push({});
    pending.scheduleCheckPendingRequests();
    expect(pending.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(pending.throttleCheckTimeoutId!);

    const throttled = queue();
    throttled.throttledUntil = Date.now() + 60_000;
    throttled.scheduleCheckPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(throttled.throttleCheckTimeoutId!);
  });
});
