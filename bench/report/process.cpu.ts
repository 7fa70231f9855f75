import { readFileSync } from 'node:fs';

// CPU time of whole processes (all their threads) from /proc/<pid>/stat, and of PostgreSQL backends by
// application name: where a phase's CPU went, per process. Linux only; elsewhere the figures read zero.
const TICKS_PER_SECOND = 100; // USER_HZ

/** User and system ticks of every thread of the process. */
export function processTimes(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]), system: Number(fields[12]) };
  } catch {
    return { user: 0, system: 0 };
  }
}

export function processTicks(pid: number): number {
  const t = processTimes(pid);
  return t.user + t.system;
}

export interface CpuSample {
  processes: Map<string, number>;
  /** System (kernel) ticks of the named processes: sockets, loopback TCP, page faults. */
  system: Map<string, number>;
  at: number;
}

/** Samples named processes; PostgreSQL's are read by the caller (pg_stat_activity) and added as "postgres <name>". */
export function sample(processes: ReadonlyArray<{ name: string; pid: number }>, extra: ReadonlyMap<string, number> = new Map()): CpuSample {
  const times = processes.map((p) => [p.name, processTimes(p.pid)] as const);
  const map = new Map<string, number>(times.map(([name, t]) => [name, t.user + t.system]));
  for (const [name, ticks] of extra) map.set(name, ticks);
  return { processes: map, system: new Map(times.map(([name, t]) => [name, t.system])), at: Date.now() };
}

/** Lines of "name: seconds (µs per unit, share of one core)" between two samples, largest first. */
export function cpuReport(from: CpuSample, to: CpuSample, units: number, unit: string): string[] {
  const seconds = (to.at - from.at) / 1000;
  const rows = [...to.processes].map(([name, ticks]) => [name, (ticks - (from.processes.get(name) ?? 0)) / TICKS_PER_SECOND] as const).filter(([, s]) => s > 0.01);
  const total = rows.reduce((acc, [, s]) => acc + s, 0);
  return [
    `  cpu over ${seconds.toFixed(1)} s: ${total.toFixed(1)} s of 2 cores' ${(2 * seconds).toFixed(1)} (${Math.round((total * 1e6) / Math.max(1, units))} µs/${unit})`,
    ...rows.sort((a, b) => b[1] - a[1]).map(([name, s]) => {
      const system = to.system.has(name) ? ((to.system.get(name)! - (from.system.get(name) ?? 0)) / TICKS_PER_SECOND / Math.max(s, 1e-9)) * 100 : undefined;
      return `    ${name}: ${s.toFixed(2)} s, ${Math.round((s * 1e6) / Math.max(1, units))} µs/${unit}, ${Math.round((s / seconds) * 100)}% of a core${system === undefined ? '' : ` (${Math.round(system)}% in the kernel)`}`;
    }),
  ];
}
