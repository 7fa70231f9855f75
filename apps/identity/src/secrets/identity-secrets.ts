import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SigningKey } from '@cfc/contracts';
import { piiKeyRingFromConfig, type PiiKeyRing } from '../crypto/pii.cipher';

// Identity's keys come from configuration; in embedded mode, when they are not configured, they are
// generated once into a 0600 file under the data directory so that restarts keep decrypting.
export interface IdentitySecrets {
  pii: PiiKeyRing;
  loginCodeKey: Buffer;
  /** Signing key first; the others stay in the JWKS until their tokens have expired. */
  tokenKeys: SigningKey[];
}

export interface SecretSources {
  dataDir: string;
  PII_ENCRYPTION_KEYS?: string;
  PII_LOOKUP_KEY?: string;
  LOGIN_CODE_KEY?: string;
  TOKEN_SIGNING_KEYS?: string;
}

type Generated = { PII_ENCRYPTION_KEYS: string; PII_LOOKUP_KEY: string; LOGIN_CODE_KEY: string; TOKEN_SIGNING_KEYS: string };

/** Resolves every key: configured values win, otherwise the generated file (created when missing). */
export function loadIdentitySecrets(sources: SecretSources): IdentitySecrets {
  const needsFile = !sources.PII_ENCRYPTION_KEYS || !sources.PII_LOOKUP_KEY || !sources.LOGIN_CODE_KEY || !sources.TOKEN_SIGNING_KEYS;
  const file = needsFile ? generatedSecrets(join(sources.dataDir, 'identity-secrets.json')) : undefined;
  const pick = (name: keyof Generated) => sources[name] ?? (file as Generated)[name];
  return {
    pii: piiKeyRingFromConfig(pick('PII_ENCRYPTION_KEYS'), pick('PII_LOOKUP_KEY')),
    loginCodeKey: Buffer.from(pick('LOGIN_CODE_KEY'), 'base64'),
    tokenKeys: JSON.parse(pick('TOKEN_SIGNING_KEYS')) as SigningKey[],
  };
}

function generatedSecrets(path: string): Generated {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Generated;
  const { privateKey } = generateKeyPairSync('ed25519');
  const kid = `identity-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  const generated: Generated = {
    PII_ENCRYPTION_KEYS: `pii1:${randomBytes(32).toString('base64')}`,
    PII_LOOKUP_KEY: randomBytes(32).toString('base64'),
    LOGIN_CODE_KEY: randomBytes(32).toString('base64'),
    TOKEN_SIGNING_KEYS: JSON.stringify([{ kid, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }]),
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return generated;
}
