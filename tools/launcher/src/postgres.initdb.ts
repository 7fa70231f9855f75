import { spawn } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBinaries } from './embedded-postgres.loader';
import { postgresUser, runningAsRoot } from './postgres.os-user';

export interface InitOptions {
  dataDir: string;
  superuser: string;
  password: string;
  log: (line: string) => void;
}

/**
 * Creates a new cluster: SCRAM authentication only, the superuser's password read from a file in a
 * private temp directory (readable by the server's user alone, removed at once), messages in English
 * (the launcher waits for "ready to accept connections"), UTF-8.
 */
export async function initCluster(options: InitOptions): Promise<void> {
  const { initdb } = await postgresBinaries();
  const owner = runningAsRoot() ? postgresUser() : undefined;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const secretDir = mkdtempSync(join(tmpdir(), 'cfc-initdb-'));
  const pwfile = join(secretDir, 'password');
  try {
    writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
    if (owner) for (const path of [options.dataDir, secretDir, pwfile]) chownSync(path, owner.uid, owner.gid);
    // --no-sync: a fresh cluster has nothing worth fsyncing; a crash during initdb just means initdb again.
    const args = [`--pgdata=${options.dataDir}`, '--auth=scram-sha-256', `--username=${options.superuser}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--lc-messages=C', '--no-sync', '--no-instructions'];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(initdb, args, { ...owner, stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${errors.trim()}`))));
    });
  } finally {
    rmSync(secretDir, { recursive: true, force: true });
  }
}
