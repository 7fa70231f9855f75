import type { Clock, Timer } from './clock';

interface Pending {
  at: number;
  seq: number;
  fire: () => void;
  live: boolean;
}

/** A clock that only moves when told to, firing due timers in order; for unit tests of timeouts. */
export class FakeClock implements Clock {
  private time = 0;
  private seq = 0;
  private pending: Pending[] = [];

  now(): number {
    return this.time;
  }

  schedule(delayMs: number, fire: () => void): Timer {
    const entry: Pending = { at: this.time + Math.max(0, delayMs), seq: this.seq++, fire, live: true };
    this.pending.push(entry);
    return { cancel: () => void (entry.live = false) };
  }

  /** Moves time forward by ms, firing every timer that falls due, including ones scheduled meanwhile. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.pending = this.pending.filter((p) => p.live);
      const due = this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.time = due.at;
      due.live = false;
      due.fire();
    }
    this.time = end;
  }

  /** Timers still waiting to fire. */
  pendingCount(): number {
    return this.pending.filter((p) => p.live).length;
  }
}
