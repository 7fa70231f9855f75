import type { StoredMonth } from './statistics.repository';

/**
 * Parsed statistics rows per binding, tagged with the binding's statistics version. A hit needs the
 * version PostgreSQL reports now, so a change written by any instance makes the entry miss: the cache
 * saves parsing and transfer, never correctness. Least recently used bindings leave first.
 */
export class StatisticsCache {
  private readonly entries = new Map<string, { version: string; months: StoredMonth[] }>();

  constructor(private readonly capacity: number) {}

  get(bindingId: string, version: string): StoredMonth[] | undefined {
    const entry = this.entries.get(bindingId);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(bindingId); // re-insert: Map order is the recency order
    this.entries.set(bindingId, entry);
    return entry.months;
  }

  set(bindingId: string, version: string, months: StoredMonth[]): void {
    if (this.capacity === 0) return;
    this.entries.delete(bindingId);
    this.entries.set(bindingId, { version, months });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
