import { spawn } from 'node:child_process';

export interface KcatResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** kcat's path; CI installs it with apt-get (.ci/run), so a missing binary is a failure, not a skip. */
export const KCAT = process.env.KCAT ?? 'kcat';

/** Runs kcat to completion with optional stdin; kills it after timeoutMs so a hung client fails the case fast. */
export function runKcat(args: string[], options: { input?: Buffer | string; timeoutMs?: number } = {}): Promise<KcatResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    const child = spawn(KCAT, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${KCAT} (install kcat: apt-get install kcat): ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const result = { code, stdout: Buffer.concat(out), stderr };
      if (timedOut) reject(new Error(`kcat ${args.join(' ')} timed out after ${timeoutMs} ms; stderr:\n${stderr}`));
      else resolve(result);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** runKcat that insists on exit code 0 and returns stdout. */
export async function kcatOk(args: string[], options: { input?: Buffer | string; timeoutMs?: number } = {}): Promise<Buffer> {
  const result = await runKcat(args, options);
  if (result.code !== 0) throw new Error(`kcat ${args.join(' ')} exited ${result.code}; stderr:\n${result.stderr}`);
  return result.stdout;
}

/** A kcat left running (a group member), its output collected line by line. */
export interface KcatProcess {
  lines(): string[];
  /** SIGTERM, as an operator stops it; kcat then leaves its group and commits. Resolves on exit. */
  stop(): Promise<number | null>;
}

/** Starts kcat without waiting for it to finish. */
export function startKcat(args: string[]): KcatProcess {
  const child = spawn(KCAT, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  child.once('error', () => undefined);
  return {
    lines: () => out.split('\n').filter((l) => l.length > 0),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      if (code !== 0) throw new Error(`kcat ${args.join(' ')} exited ${code} on SIGTERM; stderr:\n${stderr}`);
      return code;
    },
  };
}
