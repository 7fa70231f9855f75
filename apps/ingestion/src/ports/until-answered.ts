import { ProblemException, type PlatformLogger } from '@cfc/platform';

export interface Patience {
  /** True once the service is stopping: give up waiting (the message is redelivered to the next owner). */
  stopping(): boolean;
  logger: PlatformLogger;
  /** Called once per failed attempt (a metric). */
  onWait?(what: string): void;
}

/**
 * Calls a dependency (binding, identity) until it answers. A provider message is never refused because a
 * CFC service was briefly away: while binding restarts, the partition waits (backpressure) instead of
 * dead-lettering valid statistics. A 4xx answer is our mistake, not an outage: thrown at once.
 */
export async function untilAnswered<T>(what: string, call: () => Promise<T>, patience: Patience): Promise<T> {
  let delay = 200;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() < 500) throw error;
      if (patience.stopping()) throw error;
      patience.onWait?.(what);
      if (attempt === 1 || attempt % 10 === 0) patience.logger.warn({ err: error, attempt }, `${what} did not answer; waiting and asking again`);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}
