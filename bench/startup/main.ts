// `npm run bench -- startup`: starts the whole platform (npm start's launcher, embedded PostgreSQL and
// broker, seven services) three times from a warm install, each on a fresh temporary data directory
// and free ports. Progress goes to stderr; the last stdout line is one JSON object:
//   {"readySeconds": median time to every /readyz, "rssMb": median summed RSS of all processes once ready, ...}
// Baselines in the same run: a bare `node -e 0`, and the time until the embedded PostgreSQL accepts
// connections (launcher start + initdb + server start), the floor under readySeconds.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePortRange } from '@cfc/testing';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { memoryOf, processTree } from './process.memory';

const RUNS = 3;
const root = resolve(__dirname, '..', '..', '..'); // bench/dist/startup
const launcher = join(root, 'tools', 'launcher', 'dist', 'main.js');
const progress = (msg: string) => process.stderr.write(`[bench startup] ${msg}\n`);

interface RunResult {
  readySeconds: number;
  postgresSeconds: number;
  rssMb: number;
  pssMb: number;
  processes: number;
}


async function startOnce(run: number): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-bench-startup-'));
  const base = await freePortRange(9); // gateway, six services, PostgreSQL, broker
  const env = {
    ...process.env,
    DATABASE_URL: '',
    KAFKA_BROKERS: '',
    CFC_DATA_DIR: dataDir,
    CFC_GATEWAY_PORT: String(base),
    CFC_SERVICE_PORT_BASE: String(base + 1),
    CFC_PG_PORT: String(base + 7),
    CFC_KAFKA_PORT: String(base + 8),
    CFC_LOG_FORMAT: 'json',
  };
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const child = spawn(process.execPath, [launcher], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let postgresSeconds = NaN;
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  try {
    const readySeconds = await new Promise<number>((ok, fail) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        if (Number.isNaN(postgresSeconds) && output.includes('PostgreSQL is accepting connections')) postgresSeconds = seconds();
        if (output.includes('CFC is ready')) ok(seconds());
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
      void exited.then((code) => fail(new Error(`launcher exited (${code}) before ready:\n${output.slice(-3000)}`)));
    });
    const pids = processTree(child.pid!);
    const memory = memoryOf(pids);
    progress(`run ${run}: ready in ${readySeconds.toFixed(2)} s (PostgreSQL ${postgresSeconds.toFixed(2)} s), ${pids.length} processes, RSS ${memory.rssMb} MiB, PSS ${memory.pssMb} MiB`);
    return { readySeconds, postgresSeconds, processes: pids.length, ...memory };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function bareNodeSeconds(): number {
  const times = [0, 1, 2].map(() => {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - t) / 1e9;
  });
  return median(times);
}

async function main(): Promise<void> {
  progress(`${cpus().length} cores, node ${process.version}; ${RUNS} runs of the launcher on fresh data directories`);
  const node = bareNodeSeconds();
  progress(`baseline: bare node process ${node.toFixed(3)} s`);
  const results: RunResult[] = [];
  for (let run = 1; run <= RUNS; run++) results.push(await startOnce(run));
  const round = (n: number) => Math.round(n * 100) / 100;
  const summary = {
    readySeconds: round(median(results.map((r) => r.readySeconds))),
    rssMb: median(results.map((r) => r.rssMb)),
    pssMb: median(results.map((r) => r.pssMb)),
    processes: median(results.map((r) => r.processes)),
    runs: results.map((r) => round(r.readySeconds)),
    baseline: { bareNodeSeconds: round(node), postgresUpSeconds: round(median(results.map((r) => r.postgresSeconds))) },
    cores: cpus().length,
    goalSeconds: 30,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: Error) => {
  progress(`failed: ${error.message}`);
  process.exit(1);
});
