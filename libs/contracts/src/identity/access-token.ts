import { createPrivateKey, createPublicKey, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { fromBase64Url, toBase64Url } from './base64url';

// Bearer tokens: compact JWS with EdDSA (Ed25519), signed by identity, verified by the gateway from
// identity's JWKS. Written on node:crypto because jose is ESM-only and our output is CommonJS.
export const TOKEN_ISSUER = 'cfc-identity';
export type TokenAudience = 'cfc:subject' | 'cfc:lender' | 'cfc:regulator';
export const TOKEN_AUDIENCES: readonly TokenAudience[] = ['cfc:subject', 'cfc:lender', 'cfc:regulator'];

export interface AccessTokenClaims {
  iss: string;
  /** The enterprise's USCC, or the institution's institutionId. */
  sub: string;
  aud: TokenAudience;
  iat: number;
  exp: number;
  jti: string;
}

export interface SigningKey {
  kid: string;
  privateKeyPem: string;
}

export interface Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export type TokenRejection = 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE' | 'EXPIRED' | 'WRONG_ISSUER' | 'WRONG_AUDIENCE';
export type TokenVerification = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: TokenRejection };

/** Signs an access token for `sub`, valid `ttlSeconds` from `now`. */
export function signAccessToken(key: SigningKey, input: { sub: string; aud: TokenAudience; now: Date; ttlSeconds: number; jti?: string }): { token: string; claims: AccessTokenClaims } {
  const iat = Math.floor(input.now.getTime() / 1000);
  const claims: AccessTokenClaims = { iss: TOKEN_ISSUER, sub: input.sub, aud: input.aud, iat, exp: iat + input.ttlSeconds, jti: input.jti ?? randomUUID() };
  const signingInput = `${toBase64Url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: key.kid }))}.${toBase64Url(JSON.stringify(claims))}`;
  const signature = sign(null, Buffer.from(signingInput), createPrivateKey(key.privateKeyPem));
  return { token: `${signingInput}.${toBase64Url(signature)}`, claims };
}

/** The public JWK of an Ed25519 key, as served in the JWKS document. */
export function publicJwk(kid: string, publicKeyPem: string): Jwk {
  const jwk = createPublicKey(publicKeyPem).export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), kid, alg: 'EdDSA', use: 'sig' };
}

/** Verifies signature, issuer, audience (one of `audiences`) and expiry against a JWKS. */
export function verifyAccessToken(token: string, jwks: { keys: Jwk[] }, audiences: readonly TokenAudience[], now: Date): TokenVerification {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'MALFORMED' };
  const header = parseJson(parts[0]);
  const claims = parseJson(parts[1]) as AccessTokenClaims | null;
  const signature = fromBase64Url(parts[2]);
  if (!header || !claims || !signature || header.alg !== 'EdDSA' || typeof header.kid !== 'string') return { ok: false, reason: 'MALFORMED' };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) return { ok: false, reason: 'UNKNOWN_KEY' };
  if (!verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), jwkKey(jwk), signature)) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (claims.iss !== TOKEN_ISSUER) return { ok: false, reason: 'WRONG_ISSUER' };
  if (typeof claims.exp !== 'number' || claims.exp <= Math.floor(now.getTime() / 1000)) return { ok: false, reason: 'EXPIRED' };
  if (!audiences.includes(claims.aud)) return { ok: false, reason: 'WRONG_AUDIENCE' };
  return { ok: true, claims };
}

// Importing a JWK cost the gateway about a tenth of its verification time per request; a key set is
// replaced whole when refetched, so its key objects can hang off it.
const importedKeys = new WeakMap<Jwk, KeyObject>();

function jwkKey(jwk: Jwk): KeyObject {
  let key = importedKeys.get(jwk);
  if (!key) importedKeys.set(jwk, (key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' })));
  return key;
}

function parseJson(part: string): Record<string, unknown> | null {
  const bytes = fromBase64Url(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
