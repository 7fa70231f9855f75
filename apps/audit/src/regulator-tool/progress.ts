/** Where the tool writes, and whether it is a terminal (a redrawn bar) or not (plain lines). */
export interface Output {
  write(text: string): void;
  isTTY: boolean;
  columns?: number;
}

const n = (value: number) => value.toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

/**
 * Progress of the replay: on a terminal one bar redrawn in place (entries, %, rate, ETA), at most ten
 * times a second; otherwise a plain line every few seconds, for logs and CI.
 */
export class Progress {
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly out: Output,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update(done: number, problems: number, force = false): void {
    const t = this.now();
    if (!force && t - this.lastDraw < (this.out.isTTY ? 100 : 5000)) return;
    this.lastDraw = t;
    const seconds = Math.max((t - this.started) / 1000, 1e-3);
    const rate = done / seconds;
    const eta = rate > 0 ? (this.total - done) / rate : Infinity;
    const share = this.total === 0 ? 1 : done / this.total;
    const tail = `${n(done)}/${n(this.total)} entries  ${n(Math.round(rate))}/s  ETA ${duration(eta)}${problems ? `  problems ${n(problems)}` : ''}`;
    if (!this.out.isTTY) {
      this.out.write(`progress: ${(share * 100).toFixed(1)}% ${tail}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - tail.length - 12));
    const filled = Math.round(share * width);
    this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)}% ${tail}\x1b[K`);
  }

  /** Ends the bar's line on a terminal. */
  finish(done: number, problems: number): void {
    this.update(done, problems, true);
    if (this.out.isTTY) this.out.write('\n');
  }
}

/** A two-column table with a box around it. */
export function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const left = Math.max(...rows.map(([k]) => k.length));
  const right = Math.max(...rows.map(([, v]) => v.length));
  const line = `+${'-'.repeat(left + 2)}+${'-'.repeat(right + 2)}+`;
  return [line, ...rows.map(([k, v]) => `| ${k.padEnd(left)} | ${v.padEnd(right)} |`), line].join('\n') + '\n';
}
