/** Longest pause of a polling loop that keeps finding nothing, unless its owner says otherwise. */
export const DEFAULT_MAX_IDLE_MS = 250;

/**
 * The pause of a polling loop (outbox relays, projections, the audit sequencer): `minMs` right after a
 * poll that found work, doubling with each empty poll up to `maxMs`. A busy loop stays as quick as
 * before; an idle platform stops querying PostgreSQL 20-50 times a second per loop (measured: the seven
 * idle services used about a whole core between them).
 */
export class IdleBackoff {
  private pauseMs: number;

  constructor(
    private readonly minMs: number,
    private readonly maxMs = Math.max(minMs, DEFAULT_MAX_IDLE_MS),
  ) {
    this.pauseMs = minMs;
  }

  /** The pause before the next poll, given whether the last one found work. */
  next(foundWork: boolean): number {
    this.pauseMs = foundWork ? this.minMs : Math.min(this.maxMs, Math.max(1, this.pauseMs) * 2);
    return this.pauseMs;
  }
}
