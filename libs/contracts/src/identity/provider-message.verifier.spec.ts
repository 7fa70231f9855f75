import { generateKeyPairSync } from 'node:crypto';
import { signProviderMessage } from './provider-message.signer';
import { staticProviderKeyRegistry, verifyProviderMessage, type ProviderKey } from './provider-message.verifier';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};

describe('verifyProviderMessage', () => {
  const k1 = pair();
  const k2 = pair();
  const old = pair();
  const keys: ProviderKey[] = [
    { institutionId: 'B0001', keyId: 'k1', publicKeyPem: k1.publicKeyPem, status: 'ACTIVE' },
    { institutionId: 'B0001', keyId: 'k2', publicKeyPem: k2.publicKeyPem, status: 'ACTIVE' },
    { institutionId: 'B0001', keyId: 'old', publicKeyPem: old.publicKeyPem, status: 'REVOKED' },
  ];
  const registry = staticProviderKeyRegistry(keys);
  const value = Buffer.from('{"type":"binding.confirmed","bindingId":"b1","provider":"B0001"}');
  const headers = (keyId: string, privateKeyPem: string, provider = 'B0001') => signProviderMessage({ provider, keyId, privateKeyPem, value });

  it('accepts a message signed by any active key (rotation)', async () => {
    await expect(verifyProviderMessage(headers('k1', k1.privateKeyPem), value, registry)).resolves.toEqual({ ok: true, provider: 'B0001', keyId: 'k1' });
    const asBuffers = Object.fromEntries(Object.entries(headers('k2', k2.privateKeyPem)).map(([k, v]) => [k, Buffer.from(v)]));
    await expect(verifyProviderMessage(asBuffers, value, registry)).resolves.toMatchObject({ ok: true, keyId: 'k2' });
  });

  it('refuses a revoked key even with a valid signature', async () => {
    await expect(verifyProviderMessage(headers('old', old.privateKeyPem), value, registry)).resolves.toMatchObject({ ok: false, reason: 'REVOKED_KEY' });
  });

  it('refuses unknown keys, other providers claiming a key, and missing headers', async () => {
    await expect(verifyProviderMessage(headers('k9', k1.privateKeyPem), value, registry)).resolves.toMatchObject({ ok: false, reason: 'UNKNOWN_KEY' });
    await expect(verifyProviderMessage(headers('k1', k1.privateKeyPem, 'P0001'), value, registry)).resolves.toMatchObject({ ok: false, reason: 'UNKNOWN_KEY' });
    const { 'cfc-signature': _dropped, ...unsigned } = headers('k1', k1.privateKeyPem);
    await expect(verifyProviderMessage(unsigned, value, registry)).resolves.toMatchObject({ ok: false, reason: 'MISSING_SIGNATURE_HEADERS' });
    await expect(verifyProviderMessage(headers('k1', k1.privateKeyPem), null, registry)).resolves.toMatchObject({ ok: false, reason: 'MISSING_SIGNATURE_HEADERS' });
  });

  it('refuses a signature by the wrong key, over other bytes, or not in base64url', async () => {
    await expect(verifyProviderMessage(headers('k1', k2.privateKeyPem), value, registry)).resolves.toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    const altered = Buffer.from(value.toString().replace('b1', 'b2'));
    await expect(verifyProviderMessage(headers('k1', k1.privateKeyPem), altered, registry)).resolves.toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    const h = headers('k1', k1.privateKeyPem);
    const padded = { ...h, 'cfc-signature': Buffer.from(h['cfc-signature'], 'base64url').toString('base64') };
    await expect(verifyProviderMessage(padded, value, registry)).resolves.toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });
});
