import { generateKeyPairSync } from 'node:crypto';
import { publicJwk, signAccessToken, type Jwk } from '@cfc/contracts';
import type { IdentityKeysClient } from './identity.client';
import { TokenVerifier } from './token.verifier';

// identity's side as plain data: what its JWKS and revocation endpoints would answer right now.
class IdentityState implements IdentityKeysClient {
  keys: Jwk[] = [];
  revoked: { tokenId: string; expiresAt: string }[] = [];
  jwksCalls = 0;
  async jwks() {
    this.jwksCalls++;
    return { keys: this.keys };
  }
  async revocations() {
    return { revoked: this.revoked };
  }
}

const keyPair = (kid: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), jwk: publicJwk(kid, publicKey.export({ type: 'spki', format: 'pem' }).toString()) };
};

describe('TokenVerifier', () => {
  const t0 = Date.parse('2026-11-24T05:00:00Z');
  let clock = t0;
  const identity = new IdentityState();
  const k1 = keyPair('k1');
  const k2 = keyPair('k2');
  const verifier = new TokenVerifier(identity, () => clock, 2_000);
  const token = (key: typeof k1, ttl = 900) => signAccessToken(key, { sub: '91110000600037341L', aud: 'cfc:subject', now: new Date(clock), ttlSeconds: ttl });

  it('verifies with identity\'s keys and picks up a rotated key on first sight, but not on every junk token', async () => {
    identity.keys = [k1.jwk];
    expect(await verifier.verify(token(k1).token)).toMatchObject({ ok: true, claims: { aud: 'cfc:subject' } });
    identity.keys = [k2.jwk, k1.jwk];
    clock += 6_000;
    expect(await verifier.verify(token(k2).token)).toMatchObject({ ok: true });
    const calls = identity.jwksCalls;
    for (let i = 0; i < 5; i++) expect(await verifier.verify(token(keyPair('junk')).token)).toMatchObject({ ok: false, reason: 'UNKNOWN_KEY' });
    expect(identity.jwksCalls).toBe(calls);
  });

  it('honours expiry', async () => {
    const short = token(k1, 60).token;
    expect((await verifier.verify(short)).ok).toBe(true);
    clock += 60_000;
    expect(await verifier.verify(short)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuses tokens revoked at this gateway at once, and those revoked elsewhere after the next poll', async () => {
    const here = token(k1);
    verifier.revoke(here.claims.jti, here.claims.exp);
    expect(await verifier.verify(here.token)).toEqual({ ok: false, reason: 'REVOKED' });
    const elsewhere = token(k1);
    expect((await verifier.verify(elsewhere.token)).ok).toBe(true);
    identity.revoked = [{ tokenId: elsewhere.claims.jti, expiresAt: new Date(elsewhere.claims.exp * 1000).toISOString() }];
    clock += 2_000;
    expect(await verifier.verify(elsewhere.token)).toEqual({ ok: false, reason: 'REVOKED' });
  });
});
