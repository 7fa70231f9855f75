/**
 * One at a time per stream inside this process: commands and counting checks on one authorisation
 * queue here instead of racing to a version conflict and a retry. Across processes the event store's
 * expected version still decides. (Twelve lines; a keyed mutex library would add a dependency for it.)
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const tail = previous.then(() => new Promise<void>((r) => (release = r)));
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
