import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AclRule, Principal } from './acl.types';
import { authFileUser, type AuthFileContent } from './auth.file';
import { MIN_SCRAM_ITERATIONS, scramCredential } from './scram';

/** Users with clear passwords, salted here: the file that results holds no password. */
export interface AuthFileSpec {
  users: ReadonlyArray<{ name: string; password: string }>;
  superUsers?: readonly Principal[];
  acls?: readonly AclRule[];
  iterations?: number;
}

export async function buildAuthFile(spec: AuthFileSpec): Promise<AuthFileContent> {
  const iterations = spec.iterations ?? MIN_SCRAM_ITERATIONS;
  const users = await Promise.all(spec.users.map(async (u) => authFileUser(u.name, await scramCredential(u.password, iterations))));
  return { users, superUsers: [...(spec.superUsers ?? [])], acls: (spec.acls ?? []).map((a) => ({ ...a, permission: 'ALLOW' as const })) };
}

/** Writes the file with mode 600 by rename, so a watching broker never reads half a file. */
export function writeAuthFile(path: string, content: AuthFileContent): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}
