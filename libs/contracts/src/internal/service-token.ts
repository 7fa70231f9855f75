import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';

/** Who the gateway says the request is for: the authenticated public caller, if any. */
export interface OnBehalfOf {
  kind: 'enterprise' | 'lender' | 'regulator';
  id: string;
}

/** What a verified service token tells the called service. */
export interface ServiceCaller {
  /** The calling service (gateway, report, ...). */
  service: string;
  /** The public caller the request acts for, as the gateway authenticated it. */
  principal?: OnBehalfOf;
  /** The public caller's network address, as the gateway saw it (rate limits, lockout protection). */
  clientAddress?: string;
}

const ISSUER_PREFIX = 'cfc-service:';
const TOKEN_TTL_SECONDS = 60;
const MIN_SECRET_LENGTH = 32;

/**
 * The contract between CFC services on internal HTTP. Short-lived HS256 tokens between CFC services: the caller signs (who it is, which service it calls,
 * and for whom), the callee verifies. One per-deployment secret, never sent on the wire. Headers that
 * only the gateway may set (principal, client address) travel inside the signed token, so a caller
 * without the secret cannot forge them.
 */
export class ServiceTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly self: string,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`INTERNAL_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    this.key = new TextEncoder().encode(secret);
  }

  /** A token for one call from this service to `audience`, valid for a minute. */
  async sign(audience: string, onBehalf: Omit<ServiceCaller, 'service'> = {}): Promise<string> {
    const claims: Record<string, unknown> = {};
    if (onBehalf.principal) claims.cfc_principal = { kind: onBehalf.principal.kind, id: onBehalf.principal.id };
    if (onBehalf.clientAddress) claims.cfc_client_address = onBehalf.clientAddress;
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'cfc-service+jwt' })
      .setIssuer(ISSUER_PREFIX + this.self)
      .setAudience(ISSUER_PREFIX + audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.key);
  }

  /** The caller, when the token is valid, addressed to this service and unexpired; else a reason. */
  async verify(token: string): Promise<{ ok: true; caller: ServiceCaller } | { ok: false; reason: 'EXPIRED' | 'INVALID' | 'WRONG_AUDIENCE' }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: ISSUER_PREFIX + this.self,
        currentDate: new Date(this.now()),
        clockTolerance: 5,
      });
      const service = typeof payload.iss === 'string' && payload.iss.startsWith(ISSUER_PREFIX) ? payload.iss.slice(ISSUER_PREFIX.length) : undefined;
      if (!service) return { ok: false, reason: 'INVALID' };
      return { ok: true, caller: { service, principal: principalOf(payload.cfc_principal), clientAddress: typeof payload.cfc_client_address === 'string' ? payload.cfc_client_address : undefined } };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'EXPIRED' };
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') return { ok: false, reason: 'WRONG_AUDIENCE' };
      return { ok: false, reason: 'INVALID' };
    }
  }
}

const KINDS = new Set(['enterprise', 'lender', 'regulator']);

function principalOf(value: unknown): OnBehalfOf | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, id } = value as Record<string, unknown>;
  return typeof kind === 'string' && KINDS.has(kind) && typeof id === 'string' ? { kind: kind as OnBehalfOf['kind'], id } : undefined;
}
