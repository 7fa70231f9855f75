import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeIntegration, freePortRange, integrationStack, uniqueName } from '@cfc/testing';
import { descendants, isRunning } from './process.tree';
import { SERVICES } from './services.catalog';

// How `npm start` fails: a service whose configuration is invalid (exit code 78) is not restarted and
// the launch stops with its message; services not ready in CFC_READY_TIMEOUT_MS stop the launch with
// each one's readiness. On the run's PostgreSQL and broker (DATABASE_URL, KAFKA_BROKERS): nothing to start.
const main = join(__dirname, '..', 'dist', 'main.js');

describeIntegration('the launcher giving up', () => {
  const prefixes: string[] = [];
  const dirs: string[] = [];

  afterAll(async () => {
    const admin = new Client({ connectionString: integrationStack().databaseUrl });
    await admin.connect();
    for (const prefix of prefixes) {
      for (const s of SERVICES) await admin.query(`DROP DATABASE IF EXISTS "${prefix}_${s}" WITH (FORCE)`);
      for (const s of SERVICES) await admin.query(`DROP ROLE IF EXISTS "${prefix}_${s}"`);
    }
    await admin.end();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function launch(env: Record<string, string>): Promise<{ code: number | null; output: string; left: number[] }> {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const prefix = uniqueName('fail');
    prefixes.push(prefix);
    const dataDir = mkdtempSync(join(tmpdir(), 'cfc-launcher-fail-'));
    dirs.push(dataDir);
    const first = await freePortRange(7); // the gateway and the six internal services, checked free together
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        DATABASE_URL: integrationStack().databaseUrl,
        KAFKA_BROKERS: integrationStack().kafkaBrokers.join(','),
        CFC_DB_PREFIX: prefix,
        CFC_DATA_DIR: dataDir,
        CFC_GATEWAY_PORT: String(first),
        CFC_SERVICE_PORT_BASE: String(first + 1),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const seen = new Set<number>();
    child.stdout!.on('data', (c) => {
      output += c;
      for (const pid of descendants(child.pid!)) seen.add(pid); // every process it started, while it runs
    });
    child.stderr!.on('data', (c) => (output += c));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, output, left: [...seen].filter(isRunning) };
  }

  it('does not restart a service that exits 78, and stops the launch naming it', async () => {
    const run = await launch({ LOG_LEVEL: 'loud' }); // every service refuses this value at boot
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/(identity|binding|consent|ingestion|report|audit|gateway) cannot start: its configuration is invalid/);
    expect(run.output).toContain('LOG_LEVEL must be one of');
    expect(run.output).not.toContain('restarting in');
    expect(run.output).not.toContain('CFC is ready');
    expect(run.left).toEqual([]);
  }, 120_000);

  it('stops the launch when the services are not ready within CFC_READY_TIMEOUT_MS, with each one\'s readiness', async () => {
    const run = await launch({ CFC_READY_TIMEOUT_MS: '1' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('cannot start: not ready after 0.001 s:');
    for (const service of SERVICES) expect(run.output).toMatch(new RegExp(`\\n\\s+${service}: `));
    expect(run.output).toMatch(/stopping services[\s\S]*stopped/);
    expect(run.output).not.toContain('CFC is ready');
    expect(run.left).toEqual([]);
  }, 120_000);
});
