import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The per-deployment secret of the service tokens (INTERNAL_AUTH_SECRET) every service gets: taken from
 * the launcher's own environment when set, else generated once into <data dir>/internal-auth.secret
 * (mode 600) and reused on every start, so restarted services still trust each other.
 */
export function internalAuthSecret(dataDir: string, env: NodeJS.ProcessEnv): string {
  if (env.INTERNAL_AUTH_SECRET) return env.INTERNAL_AUTH_SECRET;
  const path = join(dataDir, 'internal-auth.secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const secret = randomBytes(36).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return secret;
}
