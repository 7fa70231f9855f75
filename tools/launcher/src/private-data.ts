import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Everything under the data directory is private to the user running the platform: enterprises'
// statistics and account numbers (broker), personal data and keys (PostgreSQL, identity), passwords.
// New files are created private (umask 077 in the launcher, explicit modes in the writers); this also
// fixes what an older version, or another tool, left readable.

/** Creates `dir` if needed and makes it and everything below owner-only: directories 0700, files 0600. Returns how many modes it changed. */
export function makePrivate(dir: string): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return tighten(dir, true);
}

function tighten(path: string, isDirectory: boolean): number {
  const wanted = isDirectory ? 0o700 : 0o600;
  let changed = 0;
  if ((lstatSync(path).mode & 0o777) !== wanted) {
    chmodSync(path, wanted);
    changed++;
  }
  if (!isDirectory) return changed;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    // Sockets and symbolic links keep their own modes (a link's is its target's).
    if (entry.isDirectory() || entry.isFile()) changed += tighten(join(path, entry.name), entry.isDirectory());
  }
  return changed;
}
