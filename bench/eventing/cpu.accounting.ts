import { readFileSync } from 'node:fs';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { performance } from 'node:perf_hooks';
import type { SqlDatabase } from '@cfc/eventing';

// Where a phase's CPU went: PostgreSQL processes grouped by application name (or backend type), and
// each Node thread's CPU time, read from /proc, beside its event-loop busy time (which also counts
// time the thread waited for a core). Linux only; elsewhere the CPU figures read zero.
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface ThreadLoad {
  name: string;
  /** Linux thread id, for its CPU time. */
  tid?: number;
  /** Event-loop busy time, where the thread's owner can tell (worker threads started by the bench). */
  eventLoopUtilization?(previous?: EventLoopUtilization): EventLoopUtilization;
}

interface Sample {
  pg: Map<string, number>;
  threads: Array<EventLoopUtilization | undefined>;
  threadTicks: number[];
  processCpu: NodeJS.CpuUsage;
  at: number;
}

export class CpuAccounting {
  constructor(
    private readonly db: SqlDatabase,
    private readonly threads: ThreadLoad[],
  ) {}

  static mainThread: ThreadLoad = { name: 'main', tid: process.pid, eventLoopUtilization: (p) => performance.eventLoopUtilization(p) };

  async sample(): Promise<Sample> {
    const { rows } = await this.db.query<{ pid: number; who: string }>(
      `SELECT pid, coalesce(nullif(application_name, ''), backend_type) AS who FROM pg_stat_activity`,
    );
    const pg = new Map<string, number>();
    for (const { pid, who } of rows) pg.set(who, (pg.get(who) ?? 0) + ticks(`/proc/${pid}/stat`));
    return {
      pg,
      threads: this.threads.map((t) => t.eventLoopUtilization?.()),
      threadTicks: this.threads.map((t) => (t.tid ? ticks(`/proc/${process.pid}/task/${t.tid}/stat`) : 0)),
      processCpu: process.cpuUsage(),
      at: Date.now(),
    };
  }

  /** One line per consumer of CPU since `from`, as share of one core, plus the total of both sides. */
  async report(from: Sample, units: number, unitName: string): Promise<string[]> {
    const to = await this.sample();
    const seconds = (to.at - from.at) / 1000;
    const pgLines = [...to.pg].map(([who, ticks]) => [who, (ticks - (from.pg.get(who) ?? 0)) / TICKS_PER_SECOND] as const).filter(([, s]) => s > 0.05);
    const pgSeconds = pgLines.reduce((sum, [, s]) => sum + s, 0);
    const used = process.cpuUsage(from.processCpu);
    const nodeSeconds = (used.user + used.system) / 1e6;
    const named = this.threads.reduce((sum, _, i) => sum + (to.threadTicks[i] - from.threadTicks[i]) / TICKS_PER_SECOND, 0);
    const perUnit = (s: number) => `${Math.round((s * 1e6) / Math.max(1, units))} µs/${unitName}`;
    return [
      `  cpu over ${seconds.toFixed(1)} s: PostgreSQL ${pgSeconds.toFixed(1)} s (${perUnit(pgSeconds)}), Node process ${nodeSeconds.toFixed(1)} s (${perUnit(nodeSeconds)})`,
      ...pgLines.sort((a, b) => b[1] - a[1]).map(([who, s]) => `    postgres ${who}: ${s.toFixed(2)} s (${perUnit(s)})`),
      ...this.threads.map((t, i) => {
        const cpu = (to.threadTicks[i] - from.threadTicks[i]) / TICKS_PER_SECOND;
        const busy = t.eventLoopUtilization ? `, event loop busy ${Math.round(t.eventLoopUtilization(from.threads[i]).utilization * 100)}%` : '';
        return `    node thread ${t.name}: cpu ${cpu.toFixed(2)} s (${perUnit(cpu)})${busy}`;
      }),
      `    other node threads (garbage collection, libuv pool): ${(nodeSeconds - named).toFixed(2)} s (${perUnit(nodeSeconds - named)})`,
    ];
  }
}

// User plus system time of a process or thread, in ticks.
function ticks(statFile: string): number {
  try {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}
