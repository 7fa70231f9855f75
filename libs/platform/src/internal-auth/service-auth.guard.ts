import { type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../problem/problem.exception';
import type { ServiceCaller, ServiceTokens } from '@cfc/contracts';

/** Header carrying the service token on every internal call. */
export const SERVICE_TOKEN_HEADER = 'x-cfc-service-token';

/** DI token of the service's ServiceAuth settings. */
export const SERVICE_AUTH = Symbol('SERVICE_AUTH');

export interface ServiceAuth {
  tokens: ServiceTokens;
  /** False for the public edge (the gateway authenticates bearer tokens itself). */
  enforce: boolean;
}

const OWN_AUTH_KEY = 'cfc:own-auth';
// The platform's own endpoints answer anyone on the internal side (Prometheus, the launcher, orchestrators).
const OPEN_PATHS = /^\/(healthz|readyz|metrics)(\?|$)/;

/** A route guarded by its own mechanism (e.g. identity's operator token) instead of a service token. */
export const OwnAuthentication = () => SetMetadata(OWN_AUTH_KEY, true);

interface Req {
  headers: Record<string, string | string[] | undefined>;
  path?: string;
  url?: string;
  caller?: ServiceCaller;
}

/** Every internal route needs a valid service token addressed to this service: 401 otherwise. */
@Injectable()
export class ServiceAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_AUTH) private readonly auth: ServiceAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.auth.enforce || context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Req>();
    if (OPEN_PATHS.test(req.path ?? req.url ?? '')) return true;
    if (this.reflector.getAllAndOverride<boolean>(OWN_AUTH_KEY, [context.getHandler(), context.getClass()])) return true;
    const header = req.headers[SERVICE_TOKEN_HEADER];
    const token = typeof header === 'string' ? header : undefined;
    if (!token) throw new ProblemException(401, 'SERVICE_AUTH_REQUIRED', 'Unauthorized', 'internal routes need a service token');
    const result = await this.auth.tokens.verify(token);
    if (!result.ok) throw new ProblemException(401, 'SERVICE_TOKEN_REJECTED', 'Unauthorized', 'the service token is not valid for this service', { reason: result.reason });
    req.caller = result.caller;
    return true;
  }
}

/** The verified caller of an internal route (set by ServiceAuthGuard). */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): ServiceCaller | undefined => context.switchToHttp().getRequest<Req>().caller);

/**
 * The id of the public caller the gateway vouched for, when it is one of `kinds`: the owning service's
 * own check of who may act (the gateway checked the role already; this is the second wall).
 */
export function principalId(caller: ServiceCaller | undefined, ...kinds: Array<NonNullable<ServiceCaller['principal']>['kind']>): string {
  const principal = caller?.principal;
  if (!principal || !kinds.includes(principal.kind)) {
    throw new ProblemException(403, 'ROLE_FORBIDDEN', 'Forbidden', `this route is for ${kinds.join(' or ')} callers`);
  }
  return principal.id;
}
