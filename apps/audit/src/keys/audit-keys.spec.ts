import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@cfc/platform';
import { parseVerifierKey } from '@cfc/tlog';
import { loadAuditKeys } from './audit-keys';

const pem = (k: import('node:crypto').KeyObject, type: 'pkcs8' | 'spki') => k.export({ type, format: 'pem' }).toString();

describe('audit signing keys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'audit-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates one key into the data dir (mode 0600) and reuses it', () => {
    const first = loadAuditKeys({ dataDir: dir, origin: 'test.example/log' });
    expect(statSync(join(dir, 'audit-signing-key.json')).mode & 0o777).toBe(0o600);
    expect(loadAuditKeys({ dataDir: dir, origin: 'test.example/log' }).signing.keyId).toBe(first.signing.keyId);
  });

  it('publishes PEM, JWK and a C2SP verifier key under one key id, the signing key first, retired keys after', () => {
    const active = generateKeyPairSync('ed25519');
    const retired = generateKeyPairSync('ed25519');
    const keys = loadAuditKeys({ configured: JSON.stringify([{ privateKeyPem: pem(active.privateKey, 'pkcs8') }, { publicKeyPem: pem(retired.publicKey, 'spki') }]), dataDir: dir, origin: 'test.example/log' });
    expect(keys.published.map((k) => k.status)).toEqual(['active', 'retired']);
    for (const key of keys.published) {
      expect(key.jwk.kid).toBe(key.keyId);
      expect(parseVerifierKey(key.vkey).keyId.toString(16).padStart(8, '0')).toBe(key.keyId);
    }
    expect(keys.published[1].publicKeyPem).toBe(pem(retired.publicKey, 'spki'));
    expect([...keys.trusted.keys()]).toEqual(keys.published.map((k) => k.keyId));
  });

  it('refuses a configured value that is not an Ed25519 private key first, without printing it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const attempt = () => loadAuditKeys({ configured: JSON.stringify([{ privateKeyPem: pem(rsa.privateKey, 'pkcs8') }]), dataDir: dir, origin: 'o' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/first key must be an Ed25519 private key/);
    expect(() => loadAuditKeys({ configured: 'not json', dataDir: dir, origin: 'o' })).toThrow(/non-empty JSON array/);
  });
});
