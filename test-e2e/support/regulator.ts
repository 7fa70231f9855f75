import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { institutionToken, type Call } from './api';
import { REPO_ROOT, type Stack } from './stack';

// The regulator's side: the published audit keys (GET /v1/regulator/audit/keys) and the replay of
// cfc.audit.v1 with the regulator tool, as apps/audit/README.md "How a regulator verifies" tells it.

export interface AuditKeys {
  origin: string;
  keys: { keyId: string; publicKeyPem: string }[];
}

export async function auditKeys(stack: Stack, call: Call): Promise<AuditKeys> {
  const token = await institutionToken(stack, stack.demo.regulators[0]);
  const res = await call('GET', '/v1/regulator/audit/keys', { token });
  if (res.status !== 200) throw new Error(`audit keys: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as unknown as AuditKeys;
}

/**
 * `npm run audit -- verify` without its build step (the suites run after `npm run build`, and a second build
 * beside other suites would rewrite files they load): the same CLI, as the regulator R0001 on Kafka with its
 * password in a file and the keys it fetched. Resolves with the exit code and what it printed.
 */
export async function regulatorVerify(stack: Stack, call: Call): Promise<{ code: number; stdout: string; stderr: string }> {
  const regulator = stack.demo.regulators[0];
  const keysFile = join(stack.dataDir, 'e2e-audit-keys.json');
  const passwordFile = join(stack.dataDir, 'e2e-regulator.pw');
  writeFileSync(keysFile, JSON.stringify(await auditKeys(stack, call)));
  writeFileSync(passwordFile, regulator.kafka.password, { mode: 0o600 });
  const args = [
    join(REPO_ROOT, 'apps', 'audit', 'dist', 'regulator-tool', 'cli.js'),
    'verify', '--brokers', stack.brokers, '--keys', keysFile,
    '--sasl-mechanism', regulator.kafka.mechanism.toLowerCase(), '--sasl-username', regulator.kafka.username, '--sasl-password-file', passwordFile,
  ];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: REPO_ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
