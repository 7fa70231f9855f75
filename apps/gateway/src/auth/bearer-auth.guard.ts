import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TOKEN_AUDIENCES, type TokenAudience } from '@cfc/contracts';
import { ProblemException } from '@cfc/platform';
import type { RateLimiter } from '../front-door/rate-limiter';
import { AUDIENCES_KEY, PUBLIC_KEY } from './audiences.decorator';
import { KIND_BY_AUDIENCE, type AuthenticatedRequest } from './principal';
import type { TokenVerifier } from './token.verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const PER_TOKEN_LIMITER = Symbol('PER_TOKEN_LIMITER');

// Platform endpoints that must answer without a token (the platform's own controllers carry no decorators).
const OPEN_PATHS = /^\/(healthz|readyz|metrics)(\?|$)/;

interface Req extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  path?: string;
  url?: string;
}
interface Res {
  setHeader(name: string, value: string): void;
}

const LABEL: Record<TokenAudience, string> = { 'cfc:subject': 'enterprises', 'cfc:lender': 'lenders', 'cfc:regulator': 'regulators' };

/** Every route needs a valid bearer token of its audience unless marked @Public(): 401 without, 403 for the wrong role. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(PER_TOKEN_LIMITER) private readonly perToken: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<Req>();
    const res = context.switchToHttp().getResponse<Res>();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) || OPEN_PATHS.test(req.path ?? req.url ?? '')) return true;
    const allowed = this.reflector.getAllAndOverride<TokenAudience[]>(AUDIENCES_KEY, targets) ?? TOKEN_AUDIENCES;
    const header = req.headers.authorization;
    const token = typeof header === 'string' ? header.match(/^Bearer\s+(\S+)$/i)?.[1] : undefined;
    if (!token) {
      res.setHeader('www-authenticate', 'Bearer realm="cfc"');
      throw new ProblemException(401, 'AUTHENTICATION_REQUIRED', 'Unauthorized', 'a bearer token is required');
    }
    const result = await this.verifier.verify(token).catch(() => {
      throw new ProblemException(503, 'IDENTITY_UNAVAILABLE', 'Service Unavailable', 'tokens cannot be checked right now; retry shortly');
    });
    if (!result.ok) {
      res.setHeader('www-authenticate', 'Bearer realm="cfc", error="invalid_token"');
      const code = result.reason === 'EXPIRED' ? 'TOKEN_EXPIRED' : result.reason === 'REVOKED' ? 'TOKEN_REVOKED' : 'INVALID_TOKEN';
      throw new ProblemException(401, code, 'Unauthorized', 'the bearer token is not valid', { reason: result.reason });
    }
    const { claims } = result;
    const limit = this.perToken.take(`${claims.aud}:${claims.sub}`);
    if (!limit.allowed) {
      res.setHeader('retry-after', String(limit.retryAfterSeconds));
      throw new ProblemException(429, 'RATE_LIMITED', 'Too Many Requests', 'too many requests for this token', { retryAfter: limit.retryAfterSeconds });
    }
    if (!allowed.includes(claims.aud)) {
      throw new ProblemException(403, 'ROLE_FORBIDDEN', 'Forbidden', `this endpoint is for ${allowed.map((a) => LABEL[a]).join(' or ')}; the token is for ${LABEL[claims.aud]}`);
    }
    req.principal = { kind: KIND_BY_AUDIENCE[claims.aud], id: claims.sub, audience: claims.aud, tokenId: claims.jti, expiresAt: claims.exp };
    return true;
  }
}
