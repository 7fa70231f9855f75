/** Thrown when a key already has as many submissions in flight as the queue allows. */
export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
}

/**
 * Runs work for one key at a time, in arrival order, and refuses work beyond `maxInFlight` per key.
 * Identity serialises code submissions per challenge with it, so a flood on one challenge waits here
 * holding no database connection, instead of taking the whole pool while queued on the challenge's lock.
 */
export class PerKeyQueue {
  private readonly keys = new Map<string, { tail: Promise<void>; inFlight: number }>();

  constructor(private readonly maxInFlight: number) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const entry = this.keys.get(key) ?? { tail: Promise.resolve(), inFlight: 0 };
    if (entry.inFlight >= this.maxInFlight) throw new QueueFullError(`${entry.inFlight} submissions in flight`);
    entry.inFlight++;
    this.keys.set(key, entry);
    const settled = entry.tail.then(work).finally(() => {
      if (--entry.inFlight === 0) this.keys.delete(key);
    });
    entry.tail = settled.then(
      () => undefined,
      () => undefined,
    );
    return settled;
  }

  /** Keys with work in flight (for tests and metrics). */
  get size(): number {
    return this.keys.size;
  }
}
