import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@cfc/testing';

export { freePort };

const packageDir = join(__dirname, '..', '..');
const repoRoot = join(packageDir, '..', '..');

/** The broker running as its own OS process, started exactly as an operator would (the CLI). */
export interface BrokerProcess {
  readonly address: string;
  readonly pid: number;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** Sends the signal and resolves with the exit code or signal once it is gone. */
  kill(signal: NodeJS.Signals): Promise<string>;
}

/**
 * Compiles the broker (incremental, so cheap when dist is fresh): the CLI under test is dist/cli.js.
 * Suites in parallel jest workers take turns, so none starts a CLI while another rewrites dist.
 */
export async function buildBrokerCli(): Promise<void> {
  const lock = join(tmpdir(), 'cfc-kafka-broker-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const stale = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000;
      if (stale) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} held for 120 s`);
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', packageDir], { stdio: 'pipe' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Starts `node dist/cli.js` and resolves once it has logged its listening line; rejects if it exits or stays silent. */
export function spawnBrokerCli(options: { port: number; dataDir: string; fsync?: 'always' | 'never'; nodeArgs?: string[]; extraArgs?: string[] }): Promise<BrokerProcess> {
  const args = [...(options.nodeArgs ?? []), join(packageDir, 'dist', 'cli.js'), '--port', String(options.port), '--data-dir', options.dataDir, ...(options.extraArgs ?? [])];
  if (options.fsync) args.push('--fsync', options.fsync);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`no listening line within 15 s`), 15_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`broker CLI ${why}; output:\n${output}`));
    };
    let listening = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (listening || !listeningLine(output)) return;
      listening = true;
      clearTimeout(timer);
      resolve(handle(child, `127.0.0.1:${options.port}`, () => output, exited));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((how) => fail(`exited before listening (${how})`));
  });
}

function listeningLine(output: string): boolean {
  return output.split('\n').some((line) => {
    if (!/listen/i.test(line)) return false;
    try {
      return typeof JSON.parse(line) === 'object';
    } catch {
      return false;
    }
  });
}

function handle(child: ChildProcess, address: string, output: () => string, exited: Promise<string>): BrokerProcess {
  return {
    address,
    pid: child.pid as number,
    output,
    kill: (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}

