import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedPostgresSettings } from '@cfc/platform';
import { postgresBinaries } from './embedded-postgres.loader';
import { newPassword, type DatabaseCredentials } from './postgres.credentials';
import { initCluster } from './postgres.initdb';
import { letPostgresUserReach, postgresUser, runningAsRoot } from './postgres.os-user';

export interface RunningPostgres {
  /** Superuser URL of the maintenance database, for the launcher's setup only (over TCP on host:port). */
  adminUrl: string;
  /** Directory of the server's Unix socket (the services connect through it). */
  socketDir: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  dataDir: string;
  host: string;
  port: number;
  /** Read and completed here: the superuser's password is generated at first start. */
  credentials: DatabaseCredentials;
  log: (line: string) => void;
}

const SUPERUSER = 'cfc';
/** The superuser password of clusters created before the launcher generated one. */
const LEGACY_PASSWORD = 'cfc';
/** sun_path is 108 bytes on Linux (104 on macOS), terminating NUL included. */
const MAX_SOCKET_PATH = 103;

// Only SCRAM, only the loopback address and the private socket: written at every start, so clusters
// made by older launchers (cleartext `password` method) are brought in line too.
const HBA = `# Written by the CFC launcher at every start (tools/launcher/src/postgres.embedded.ts).
local all all scram-sha-256
host  all all 127.0.0.1/32 scram-sha-256
host  all all ::1/128 scram-sha-256
`;

/** Starts the embedded PostgreSQL on dataDir (initialising it on first use) and resolves once it accepts connections. */
export async function startEmbeddedPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const { dataDir, host, port, credentials, log } = options;
  const { postgres } = await postgresBinaries();
  if (runningAsRoot()) letPostgresUserReach(dataDir, log);
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const password = credentials.superuser?.password ?? (fresh ? newPassword() : undefined);
  if (fresh) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await initCluster({ dataDir, superuser: SUPERUSER, password: password!, log });
    credentials.superuser = { user: SUPERUSER, password: password! };
  }
  await stopLeftover(dataDir, log);
  writeFileSync(join(dataDir, 'pg_hba.conf'), HBA);
  const socketDir = privateSocketDir(dataDir, port);
  const owner = runningAsRoot() ? postgresUser() : {};
  const child = spawn(
    postgres,
    ['-D', dataDir, '-p', String(port), '-c', `listen_addresses=${host}`, '-c', `unix_socket_directories=${socketDir}`, '-c', 'max_connections=200', ...embeddedPostgresSettings()],
    { ...owner, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitUntilAccepting(child, log);
  const adminUrl = (secret: string) => `postgres://${SUPERUSER}:${encodeURIComponent(secret)}@${host}:${port}/postgres`;
  if (!password) credentials.superuser = { user: SUPERUSER, password: await replaceLegacyPassword(adminUrl(LEGACY_PASSWORD), dataDir, log) };
  return { adminUrl: adminUrl(credentials.superuser!.password), socketDir, port, pid: child.pid!, stop: () => stopServer(child) };
}

// The data directory holds the socket when its path fits in sun_path (it is private already); a deep
// checkout falls back to a private temp directory.
function privateSocketDir(dataDir: string, port: number): string {
  if (join(dataDir, `.s.PGSQL.${port}`).length <= MAX_SOCKET_PATH) return dataDir;
  const dir = mkdtempSync(join(tmpdir(), 'cfc-pg-'));
  if (runningAsRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** A cluster made before passwords were generated still has the superuser password `cfc`: replace it. */
async function replaceLegacyPassword(legacyUrl: string, dataDir: string, log: (line: string) => void): Promise<string> {
  const client = new Client({ connectionString: legacyUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`the PostgreSQL cluster in ${dataDir} has a superuser password the launcher does not know (${(error as Error).message}); \`npm run reset\` makes a new one`, { cause: error });
  }
  try {
    const password = newPassword();
    await client.query(`ALTER ROLE ${client.escapeIdentifier(SUPERUSER)} PASSWORD ${client.escapeLiteral(password)}`);
    log('replaced the superuser password of an older cluster with a generated one');
    return password;
  } finally {
    await client.end();
  }
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
