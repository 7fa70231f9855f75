import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePortRange } from '@cfc/testing';

// A platform started exactly as `npm start` starts it (tools/launcher, embedded PostgreSQL and broker, a temp
// CFC_DATA_DIR), on ports the OS says are free. Everything else the suites do goes through the public contract.

export const REPO_ROOT = join(__dirname, '..', '..');
const LAUNCHER = join(REPO_ROOT, 'tools', 'launcher', 'dist', 'main.js');
/** Stack start on the loaded 2-core CI machine: the launcher's own readiness wait is 120 s by default. */
export const STACK_START_MS = 240_000;

export interface KafkaLogin {
  mechanism: string;
  username: string;
  password: string;
}

export interface Demo {
  gateway: string;
  kafka: string[];
  enterprises: { uscc: string; name: string; legalRepName: string; legalRepIdNumber: string; mobile: string; accounts: { provider: string; number: string; type: string }[] }[];
  providers: { institutionId: string; keyId: string; privateKeyPem: string; publicKeyPem: string; kafka: KafkaLogin }[];
  lenders: { institutionId: string; clientId: string; clientSecret: string }[];
  regulators: { institutionId: string; clientId: string; clientSecret: string; kafka: KafkaLogin }[];
}

export interface Stack {
  gateway: string;
  brokers: string;
  dataDir: string;
  clockFile: string;
  demo: Demo;
  /** Everything the launcher and its services printed so far. */
  output(): string;
  /** Adds to the platform clock (CFC_CLOCK_OFFSET_FILE, re-read by every service within 100 ms). */
  moveClock(byMs: number): void;
  clockOffsetMs(): number;
  /** SIGKILL one service's process (found under the launcher by its script); the launcher restarts it. */
  killService(service: string): number;
  /** Resolves once the launcher reported `count` restarts of the service in total. */
  restarted(service: string, count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(name: string, env: Record<string, string> = {}): Promise<Stack> {
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: run \`npm run build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), `cfc-e2e-${name}-`));
  const clockFile = join(dataDir, 'clock-offset-ms');
  // Nine consecutive free ports: gateway, the six internal services, PostgreSQL, the broker.
  const first = await freePortRange(9);
  const gateway = `http://127.0.0.1:${first}`;
  const brokers = `127.0.0.1:${first + 8}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [LAUNCHER], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
      CFC_DATA_DIR: dataDir,
      CFC_LOG_FORMAT: 'json',
      CFC_GATEWAY_PORT: String(first),
      CFC_SERVICE_PORT_BASE: String(first + 1),
      CFC_PG_PORT: String(first + 7),
      CFC_KAFKA_PORT: String(first + 8),
      CFC_READY_TIMEOUT_MS: String(STACK_START_MS - 20_000),
      CFC_CLOCK_OFFSET_FILE: clockFile,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + STACK_START_MS;
  while (!output.includes('CFC is ready')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the platform did not start:\n${output.slice(-4000)}`);
    }
    await sleep(250);
  }
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as Demo;
  let offset = 0;
  return {
    gateway,
    brokers,
    dataDir,
    clockFile,
    demo,
    output: () => output,
    moveClock(byMs) {
      offset += byMs;
      writeFileSync(clockFile, String(offset));
    },
    clockOffsetMs: () => offset,
    killService(service) {
      const pid = servicePid(child.pid!, join('apps', service, 'dist', 'main.js'));
      process.kill(pid, 'SIGKILL');
      return pid;
    },
    async restarted(service, count, timeoutMs = 120_000) {
      const marker = new RegExp(`${service} exited \\(SIGKILL\\); restarting`, 'g');
      const until = Date.now() + timeoutMs;
      while ((output.match(marker) ?? []).length < count) {
        if (Date.now() > until) throw new Error(`the launcher did not restart ${service}:\n${output.slice(-3000)}`);
        await sleep(200);
      }
    },
    stop,
  };
}

/** The pid of the launcher's child that runs `script` (the services are detached children of the launcher). */
function servicePid(launcherPid: number, script: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== launcherPid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(script)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no process of ${script} under the launcher (${launcherPid})`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value (not undefined), or fails naming what was awaited. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await sleep(everyMs);
  }
}
