import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICKS_PER_SECOND = 100;

/** The audit service as the launcher runs it: its built main.js in a process of its own. */
export interface AuditProcess {
  url: string;
  child: ChildProcess;
  /** User + system CPU seconds of the process (all its threads) so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startAuditProcess(repoRoot: string, env: Record<string, string>, port: number, nodeArgs: string[] = []): Promise<AuditProcess> {
  const child = spawn(process.execPath, [...nodeArgs, join(repoRoot, 'apps', 'audit', 'dist', 'main.js')], { env: { PATH: process.env.PATH, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output = (output + c).slice(-20_000)));
  child.stderr!.on('data', (c) => (output = (output + c).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`audit exited ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (i > 600) throw new Error(`audit not ready after 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    cpuSeconds: () => ticks(child.pid!) / TICKS_PER_SECOND,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function ticks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}
