import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { Client } from 'pg';
import { PLATFORM_TOPICS } from '@cfc/contracts';
import { descendants, isRunning } from './process.tree';
import { freePortRange } from '@cfc/testing';
import { SERVICES } from './services.catalog';

// `npm start` end to end, on non-default ports and a temporary data directory: every service ready,
// SIGTERM stops everything, and no process is left behind.
const main = join(__dirname, '..', 'dist', 'main.js');

const launched: ChildProcess[] = [];

function launch(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [main], { env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  launched.push(child);
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
  // A failed assertion must not leave a platform running (jest would wait for it forever).
  afterEach(async () => {
    for (const child of launched.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const tree = descendants(child.pid!);
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      if (!(await Promise.race([gone.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]))) {
        for (const pid of [child.pid!, ...tree].filter(isRunning)) process.kill(pid, 'SIGKILL');
      }
    }
  }, 60_000);

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
    // What an older version left readable is made private at start (issue 8).
    mkdirSync(join(dataDir, 'left-over'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'left-over', 'notes.txt'), 'statistics', { mode: 0o644 });
    const run = launch(env);
    for (let i = 0; i < 2400 && !run.output().includes('CFC is ready') && run.child.exitCode === null; i++) {
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

    // The provider simulator starts after the services, on by default, and acts from the demo data set:
    // the demo enterprises the launcher bound at start (through the public API) are confirmed and supplied.
    expect(run.output()).toContain('providers         simulator on for B0001, P0001');
    const demoBound = () => run.output().match(/demo: .* bound \d accounts; the provider simulator confirms them/g)?.length ?? 0;
    const simulatorUp = () => descendants(run.child.pid!).some((pid) => cmdline(pid).includes('tools/provider-simulator/dist/main.js'));
    const supplied = /simulator \|.*B0001 binding confirmed; 36 months[\s\S]*simulator \|.*B0001 statistics sent: 36 records/;
    for (let i = 0; i < 1200 && !(simulatorUp() && demoBound() === 3 && supplied.test(run.output())); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(demoBound()).toBe(3); // CFC_DEMO_ENTERPRISES' default
    expect(simulatorUp()).toBe(true);
    expect(run.output()).toMatch(supplied);

    await expectPrivateDataDir(dataDir);
    await expectLeastPrivilegePostgres(dataDir, Number(env.CFC_PG_PORT));

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
  }, 360_000); // about 60 s alone; beside the browser suite on 2 cores, start alone took over 120 s

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

/** Launcher variables for one run: its own data directory and free ports for everything it starts, checked free together. */
async function freshEnvironment(dataDir: string): Promise<Record<string, string>> {
  const first = await freePortRange(9); // gateway, six internal services, PostgreSQL, broker
  return {
    CFC_DATA_DIR: dataDir,
    CFC_GATEWAY_PORT: String(first),
    CFC_SERVICE_PORT_BASE: String(first + 1),
    CFC_PG_PORT: String(first + 7),
    CFC_KAFKA_PORT: String(first + 8),
    CFC_READY_TIMEOUT_MS: '90000',
  };
}

/**
 * Issue 8, item 7: the data dir holds enterprises' statistics, personal data, keys and passwords: every
 * directory 0700 and every file 0600 (the broker's and PostgreSQL's included). As root, PostgreSQL runs as
 * `postgres`, which may only pass through the data dir itself (0710, group postgres).
 */
async function expectPrivateDataDir(dataDir: string): Promise<void> {
  const loose: string[] = [];
  const counts = { files: 0, kafka: 0, pg: 0 };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink() || entry.isSocket()) continue;
      const mode = statSync(path).mode & 0o777;
      if (mode !== (entry.isDirectory() ? 0o700 : 0o600)) loose.push(`${path.slice(dataDir.length)} ${mode.toString(8)}`);
      if (entry.isDirectory()) walk(path);
      else {
        counts.files++;
        if (path.includes('/kafka/')) counts.kafka++;
        if (path.includes('/pg/')) counts.pg++;
      }
    }
  };
  walk(dataDir);
  expect(loose).toEqual([]);
  expect(counts.kafka).toBeGreaterThan(3); // segments, topic.json, offsets, producer ids
  expect(counts.pg).toBeGreaterThan(100);
  expect(existsSync(join(dataDir, 'demo.json')) && existsSync(join(dataDir, 'identity-secrets.json'))).toBe(true);
  const root = statSync(dataDir);
  if (process.getuid?.() === 0) expect((root.mode & 0o777).toString(8)).toBe('710');
  else expect((root.mode & 0o777).toString(8)).toBe('700');
}

/**
 * Issue 8, item 2: no fixed superuser password; every service connects (through the Unix socket) as a role
 * of its own that owns only its database, may not run programs, and may not connect to the others.
 */
async function expectLeastPrivilegePostgres(dataDir: string, port: number): Promise<void> {
  const credentials = JSON.parse(readFileSync(join(dataDir, 'postgres-credentials.json'), 'utf8')) as { superuser: { user: string; password: string }; roles: Record<string, string> };
  expect(credentials.superuser.password).not.toBe('cfc');
  expect(credentials.superuser.password.length).toBeGreaterThanOrEqual(32);
  expect(Object.keys(credentials.roles).sort()).toEqual(SERVICES.map((s) => `cfc_${s}`).sort());
  const url = (user: string, password: string, database: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const query = async (connection: string, text: string) => {
    const client = new Client({ connectionString: connection });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  const refusal = (connection: string, text = 'SELECT 1') => query(connection, text).then(() => 'allowed', (e: { code?: string }) => e.code);
  expect(await refusal(url('cfc', 'cfc', 'postgres'))).toBe('28P01'); // the old fixed password is gone
  const superuser = url(credentials.superuser.user, credentials.superuser.password, 'postgres');
  expect(await query(superuser, `SELECT current_setting('listen_addresses') AS tcp, current_setting('unix_socket_directories') AS socket`)).toEqual([{ tcp: '127.0.0.1', socket: join(dataDir, 'pg') }]);
  // Sessions of the services (identity's relay holds one all along; idle pool connections come and go).
  const sessions = await query(superuser, `SELECT DISTINCT datname, usename, client_addr IS NULL AS via_socket FROM pg_stat_activity WHERE datname LIKE 'cfc\\_%'`);
  expect(sessions.map((r) => r.datname)).toContain('cfc_identity');
  expect(sessions.filter((r) => r.usename !== r.datname || !r.via_socket)).toEqual([]);
  const identity = (database: string) => url('cfc_identity', credentials.roles.cfc_identity, database);
  expect(await query(identity('cfc_identity'), `SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`)).toEqual([{ rolsuper: false, rolcreaterole: false, rolcreatedb: false }]);
  expect(await refusal(identity('cfc_identity'), `COPY (SELECT 1) TO PROGRAM 'id'`)).toBe('42501');
  for (const other of ['cfc_consent', 'cfc_audit', 'postgres', 'template1']) expect([other, await refusal(identity(other))]).toEqual([other, '42501']);
}
