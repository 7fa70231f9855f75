/** A stream's folded state at a version, as last seen by this process after a committed append. */
export interface CachedState<State> {
  version: number;
  state: State;
}

/**
 * Bounded LRU of folded stream state. Safe to be stale: a decision taken on it is appended at its
 * version, so if the stream moved the append conflicts and the handler reloads.
 */
export class StreamStateCache<State> {
  private readonly entries = new Map<string, CachedState<State>>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): CachedState<State> | undefined {
    const hit = this.entries.get(streamId);
    if (hit) {
      this.entries.delete(streamId);
      this.entries.set(streamId, hit);
    }
    return hit;
  }

  set(streamId: string, entry: CachedState<State>): void {
    if (this.capacity <= 0) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }
}
