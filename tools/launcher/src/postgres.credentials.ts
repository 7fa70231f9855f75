import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The PostgreSQL passwords the launcher made: the embedded server's superuser (for the launcher's own
// setup only) and one role per service. Generated at first start, kept owner-only in the data dir.

/** What <CFC_DATA_DIR>/postgres-credentials.json holds. */
export interface DatabaseCredentials {
  /** The embedded server's superuser; absent with DATABASE_URL (its user is the operator's). */
  superuser?: { user: string; password: string };
  /** Password of each service role, by role name. */
  roles: Record<string, string>;
}

/** The file's path under the data directory. */
export function credentialsPath(dataDir: string): string {
  return join(dataDir, 'postgres-credentials.json');
}

/** Reads the stored credentials (none stored yet: empty). */
export function loadCredentials(dataDir: string): DatabaseCredentials {
  const path = credentialsPath(dataDir);
  if (!existsSync(path)) return { roles: {} };
  const stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<DatabaseCredentials>;
  return { superuser: stored.superuser, roles: { ...stored.roles } };
}

/** Writes them atomically, mode 0600. */
export function saveCredentials(dataDir: string, credentials: DatabaseCredentials): void {
  const path = credentialsPath(dataDir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/** A random password: 192 bits, URL-safe so it fits in a connection URL unescaped. */
export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}
