const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * Failed logins per client address in a sliding window: past `maxFailures`, the address's further
 * attempts are refused without checking credentials until old failures leave the window.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  blocked(address: string): boolean {
    return this.recent(address).length >= this.maxFailures;
  }

  /** Records a failure; true when this one reached the limit (worth one log line). */
  recordFailure(address: string): boolean {
    const list = this.recent(address);
    list.push(this.now());
    if (!this.failures.has(address) && this.failures.size >= MAX_TRACKED_ADDRESSES) this.failures.delete(this.failures.keys().next().value as string);
    this.failures.set(address, list);
    return list.length === this.maxFailures;
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    return list;
  }
}
