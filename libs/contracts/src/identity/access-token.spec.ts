import { generateKeyPairSync } from 'node:crypto';
import { publicJwk, signAccessToken, verifyAccessToken } from './access-token';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};

describe('EdDSA access tokens', () => {
  const current = pair();
  const previous = pair();
  const jwks = { keys: [publicJwk('k2', current.publicKeyPem), publicJwk('k1', previous.publicKeyPem)] };
  const now = new Date('2026-11-24T05:00:00Z');
  const later = (s: number) => new Date(now.getTime() + s * 1000);
  const issue = (kid = 'k2', pem = current.privateKeyPem) => signAccessToken({ kid, privateKeyPem: pem }, { sub: 'L0001', aud: 'cfc:lender', now, ttlSeconds: 900 });

  it('verifies a token it signed, with any key in the JWKS', () => {
    const { token, claims } = issue();
    expect(verifyAccessToken(token, jwks, ['cfc:lender'], later(10))).toEqual({ ok: true, claims });
    expect(claims).toMatchObject({ iss: 'cfc-identity', sub: 'L0001', aud: 'cfc:lender', exp: claims.iat + 900 });
    expect(verifyAccessToken(issue('k1', previous.privateKeyPem).token, jwks, ['cfc:lender'], later(10)).ok).toBe(true);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: 'k2' });
  });

  it('refuses expiry, another audience, an unknown key, a forged signature and garbage', () => {
    const { token } = issue();
    expect(verifyAccessToken(token, jwks, ['cfc:lender'], later(900))).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verifyAccessToken(token, jwks, ['cfc:subject', 'cfc:regulator'], later(1))).toEqual({ ok: false, reason: 'WRONG_AUDIENCE' });
    expect(verifyAccessToken(issue('k9').token, jwks, ['cfc:lender'], later(1))).toEqual({ ok: false, reason: 'UNKNOWN_KEY' });
    expect(verifyAccessToken(issue('k2', pair().privateKeyPem).token, jwks, ['cfc:lender'], later(1))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const [h, , s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ iss: 'cfc-identity', sub: 'L0002', aud: 'cfc:lender', iat: 0, exp: 9e9, jti: 'x' })).toString('base64url')}.${s}`;
    expect(verifyAccessToken(tampered, jwks, ['cfc:lender'], later(1))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyAccessToken('a.b', jwks, ['cfc:lender'], now)).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(verifyAccessToken('e30.e30.', jwks, ['cfc:lender'], now)).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});
