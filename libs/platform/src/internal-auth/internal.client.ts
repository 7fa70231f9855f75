import { ProblemException } from '../problem/problem.exception';
import { currentCorrelationId } from '../logging/correlation.context';
import { REQUEST_ID_HEADER } from '../logging/request-id';
import { SERVICE_TOKEN_HEADER } from './service-auth.guard';
import type { ServiceCaller, ServiceTokens } from '@cfc/contracts';

export interface InternalRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with query string, e.g. /v1/subject/bindings?status=ACTIVE. */
  path: string;
  body?: unknown;
  /** The public caller this request acts for (the gateway sets it; services pass it on when they relay). */
  onBehalf?: Omit<ServiceCaller, 'service'>;
  requestId?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** DI token of the service's InternalClient. */
export const INTERNAL_CLIENT = Symbol('INTERNAL_CLIENT');

/**
 * Calls other CFC services over internal HTTP, each request with a fresh service token.
 * An unreachable service is a 503 problem naming it (`<SERVICE>_UNAVAILABLE`), never a hang.
 */
export class InternalClient {
  constructor(
    private readonly tokens: ServiceTokens,
    private readonly baseUrls: Readonly<Record<string, string>>,
  ) {}

  /** The raw response (status, headers, body stream): the gateway passes it through. */
  async request(service: string, req: InternalRequest): Promise<Response> {
    const base = this.baseUrls[service];
    if (!base) throw new Error(`no base URL configured for the ${service} service (set ${service.toUpperCase()}_URL)`);
    const headers: Record<string, string> = { ...req.headers, [SERVICE_TOKEN_HEADER]: await this.tokens.sign(service, req.onBehalf) };
    const requestId = req.requestId ?? currentCorrelationId();
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(new URL(req.path, base), {
        method: req.method ?? (req.body === undefined ? 'GET' : 'POST'),
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
      });
    } catch {
      throw new ProblemException(503, `${service.toUpperCase()}_UNAVAILABLE`, 'Service Unavailable', `the ${service} service is not reachable; retry shortly`);
    }
  }

  /** JSON of a 2xx answer; any other answer is rethrown as the callee's problem (status, code, detail). */
  async json<T>(service: string, req: InternalRequest): Promise<T> {
    const res = await this.request(service, req);
    const text = await res.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (res.ok) return body as T;
    const problem = (body ?? {}) as { code?: string; title?: string; detail?: string };
    throw new ProblemException(res.status, problem.code ?? `${service.toUpperCase()}_FAILED`, problem.title ?? 'Upstream Failed', problem.detail, extensionsOf(body));
  }
}

function extensionsOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  const { type: _t, title: _ti, status: _s, detail: _d, code: _c, instance: _i, requestId: _r, ...rest } = body as Record<string, unknown>;
  return rest;
}
