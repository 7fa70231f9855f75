import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { PLATFORM_TOPICS } from '@cfc/contracts';
import { descendants, isRunning } from './process.tree';
import { freePort, freePortRange } from '@cfc/testing';

// `npm start` end to end, on non-default ports and a temporary data directory: every service ready,
// SIGTERM stops everything, and no process is left behind.
const main = join(__dirname, '..', 'dist', 'main.js');



function launch(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [main], { env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

describe('the launcher (npm start)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-launcher-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names a taken port and the variable that moves it, before starting anything', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((r) => blocker.listen(0, '127.0.0.1', () => r((blocker.address() as { port: number }).port)));
    try {
      const run = launch({ CFC_DATA_DIR: dataDir, CFC_GATEWAY_PORT: String(port), CFC_SERVICE_PORT_BASE: String(await freePortRange(6)) });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`port ${port} on 127.0.0.1 is already in use: it is needed for the gateway service; free it or set CFC_GATEWAY_PORT`);
      expect(existsSync(join(dataDir, 'pg'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('starts PostgreSQL, the broker, all seven services and the provider simulator, restarts a crashed service, and SIGTERM leaves no process behind', async () => {
    const env = await freshEnvironment(dataDir);
    const run = launch(env);
    for (let i = 0; i < 1200 && !run.output().includes('CFC is ready') && run.child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run.output()).toContain('CFC is ready');
    expect(run.output()).toContain(`http://127.0.0.1:${env.CFC_GATEWAY_PORT}`);
    const gateway = await fetch(`http://127.0.0.1:${env.CFC_GATEWAY_PORT}/readyz`);
    expect(gateway.status).toBe(200);
    expect(run.output()).toContain('SASL and ACLs');

    // Every service is ready under its own principal; demo.json carries the providers' and regulators' logins.
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as { providers: Array<{ institutionId: string; kafka: DemoKafka }>; regulators: Array<{ kafka: DemoKafka }> };
    expect([...demo.providers, ...demo.regulators].every((i) => i.kafka?.mechanism === 'SCRAM-SHA-256' && i.kafka.password.length >= 20)).toBe(true);
    const b0001 = demo.providers.find((p) => p.institutionId === 'B0001')!.kafka;
    const topicsSeenBy = async (sasl?: SASLOptions) => {
      const admin = new Kafka({ clientId: 'launcher-spec', brokers: [`127.0.0.1:${env.CFC_KAFKA_PORT}`], sasl, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
      await admin.connect();
      try {
        return await admin.listTopics();
      } finally {
        await admin.disconnect();
      }
    };
    const secrets = JSON.parse(readFileSync(join(dataDir, 'kafka-secrets.json'), 'utf8')) as { admin: { username: string; password: string } };
    // The launcher created every platform topic before the services (they may create only their own).
    expect(await topicsSeenBy({ mechanism: 'scram-sha-256', ...secrets.admin })).toEqual(expect.arrayContaining(PLATFORM_TOPICS.map((t) => t.topic)));
    expect(run.output()).toContain(`the ${PLATFORM_TOPICS.length} platform topics are in place`);
    expect(await topicsSeenBy({ mechanism: 'scram-sha-256', username: b0001.username, password: b0001.password })).not.toContain('cfc.identity.events.v1');
    await expect(topicsSeenBy()).rejects.toThrow();

    // The provider simulator starts after the services, on by default, and acts from the demo data set.
    expect(run.output()).toContain('providers         simulator on for B0001, P0001');
    const simulatorUp = () => descendants(run.child.pid!).some((pid) => cmdline(pid).includes('tools/provider-simulator/dist/main.js'));
    for (let i = 0; i < 600 && !(simulatorUp() && /simulator \|.*B0001 waiting for the platform to create cfc\.provider\.B0001\.outbound\.v1/.test(run.output())); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(simulatorUp()).toBe(true);
    expect(run.output()).toMatch(/simulator \|.*B0001 waiting for the platform to create cfc\.provider\.B0001\.outbound\.v1/);

    // A crashed service is restarted, and the launcher says so.
    const consent = descendants(run.child.pid!).find((pid) => cmdline(pid).includes('apps/consent/dist/main.js'))!;
    process.kill(consent, 'SIGKILL');
    const consentUrl = `http://127.0.0.1:${Number(env.CFC_SERVICE_PORT_BASE) + 2}/readyz`;
    let back = false;
    for (let i = 0; i < 600 && !back; i++) {
      await new Promise((r) => setTimeout(r, 100));
      back = run.output().includes('consent exited (SIGKILL); restarting in 1 s') && (await fetch(consentUrl).then((r) => r.ok, () => false));
    }
    expect(back).toBe(true);

    const tree = descendants(run.child.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(9); // seven services, the simulator and PostgreSQL (with its workers)

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(tree.filter(isRunning)).toEqual([]);
    expect(run.output()).toMatch(/stopping the provider simulator[\s\S]*stopping services[\s\S]*stopping the broker[\s\S]*stopping PostgreSQL[\s\S]*stopped/);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
  }, 150_000);

  it('two SIGINTs in quick succession kill every service and PostgreSQL at once, leaving no process behind', async () => {
    const env = await freshEnvironment(dataDir);
    const run = launch(env);
    // Every service spawned and PostgreSQL up is enough: no need to wait for readiness.
    const spawned = () => {
      const lines = descendants(run.child.pid!).map(cmdline);
      return lines.filter((l) => /apps\/[a-z-]+\/dist\/main\.js/.test(l)).length >= 7 && lines.some((l) => /postgres.* -D /.test(l));
    };
    for (let i = 0; i < 900 && !spawned() && run.child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    expect(spawned()).toBe(true);
    const tree = descendants(run.child.pid!);

    run.child.kill('SIGINT');
    // The second Ctrl-C as soon as the first is acknowledged: a fixed pause could outlast a quick graceful stop.
    for (let i = 0; i < 2000 && !run.output().includes('SIGINT: stopping services') && run.child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(tree.filter(isRunning).map(cmdline)).toEqual([]);
    expect(run.output()).toContain('SIGINT again: killing every service and PostgreSQL');
  }, 120_000);
});

interface DemoKafka {
  mechanism: string;
  username: string;
  password: string;
}

/** Launcher variables for one run: its own data directory and free ports for everything it starts. */
async function freshEnvironment(dataDir: string): Promise<Record<string, string>> {
  return {
    CFC_DATA_DIR: dataDir,
    CFC_GATEWAY_PORT: String(await freePort()),
    CFC_SERVICE_PORT_BASE: String(await freePortRange(6)),
    CFC_PG_PORT: String(await freePort()),
    CFC_KAFKA_PORT: String(await freePort()),
    CFC_READY_TIMEOUT_MS: '90000',
  };
}
