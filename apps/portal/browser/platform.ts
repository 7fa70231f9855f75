import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The platform as `npm start` starts it (tools/launcher: embedded PostgreSQL and broker, every service,
// the provider simulator when there is one), on ports of its own and a data folder of its own.

const repoRoot = join(__dirname, '..', '..', '..');
const launcher = join(repoRoot, 'tools', 'launcher', 'dist', 'main.js');

export interface DemoEnterprise {
  uscc: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  mobile: string;
  accounts: { provider: string; number: string; type: string }[];
}
export interface Demo {
  enterprises: DemoEnterprise[];
  lenders: { institutionId: string; clientId: string; clientSecret: string }[];
}

export interface Platform {
  gateway: string;
  dataDir: string;
  demo: Demo;
  /** The one-time code the embedded SMS sender wrote for this challenge (waits for the line). */
  smsCode(challengeId: string): Promise<string>;
  output(): string;
  stop(): Promise<void>;
}

async function freeRange(size: number): Promise<number> {
  for (;;) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const servers: Server[] = [];
    try {
      for (let p = base; p < base + size; p++) servers.push(await new Promise<Server>((res, rej) => { const s = createServer().once('error', rej).listen(p, '127.0.0.1', () => res(s)); }));
      return base;
    } catch {
      // taken: try another range
    } finally {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    }
  }
}

export async function startPlatform(readyTimeoutMs = 150_000): Promise<Platform> {
  if (!existsSync(launcher)) throw new Error(`${launcher} is missing: run \`npm run build\` first`);
  if (!existsSync(join(repoRoot, 'apps', 'portal', 'dist', 'index.html'))) throw new Error('apps/portal/dist is missing: run `npm run build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-portal-e2e-'));
  const [gatewayPort, base, pgPort] = [await freeRange(1), await freeRange(8), await freeRange(2)];
  const child: ChildProcess = spawn(process.execPath, [launcher], {
    // CFC_DEMO_ENTERPRISES=0: the launcher binds no demo accounts at start (the journey binds its own, and
    // 36 months of statistics for eight accounts would only load the 2-core machine); the simulator stays on.
    env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '', CFC_DEMO_ENTERPRISES: '0', CFC_SIMULATOR: 'on', CFC_DATA_DIR: dataDir, CFC_LOG_FORMAT: 'json', CFC_GATEWAY_PORT: String(gatewayPort), CFC_SERVICE_PORT_BASE: String(base), CFC_PG_PORT: String(pgPort), CFC_KAFKA_PORT: String(pgPort + 1) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (!output.includes('CFC is ready')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the platform did not start:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as Demo;
  const smsCode = async (challengeId: string) => {
    for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      const file = join(dataDir, 'sms-outbox.ndjson');
      const line = existsSync(file)
        ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { challengeId?: string; code?: string }).find((l) => l.challengeId === challengeId)
        : undefined;
      if (line?.code) return line.code;
    }
    throw new Error(`no SMS code for challenge ${challengeId} in ${dataDir}/sms-outbox.ndjson`);
  };
  return { gateway: `http://127.0.0.1:${gatewayPort}`, dataDir, demo, smsCode, output: () => output, stop };
}
