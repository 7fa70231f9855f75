import { Readable } from 'node:stream';
import { instanceToPlain } from 'class-transformer';
import { type InternalClient, ProblemException, validateDto } from '@cfc/platform';
import type { AuthenticatedRequest } from '../auth/principal';
import { clientAddress } from '../front-door/front-door.middleware';
import type { GatewayRoute } from './gateway-route';

export interface ForwardedRequest extends AuthenticatedRequest {
  id?: string;
  params: Record<string, string | string[]>;
  query: Record<string, unknown>;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
}
export interface ForwardedResponse {
  status(code: number): ForwardedResponse;
  setHeader(name: string, value: string): void;
  end(body?: Buffer | string): void;
  destroy(error?: Error): void;
  on(event: 'close', listener: () => void): void;
  writableEnded: boolean;
}

const DEFAULT_PARAM = /^[A-Za-z0-9._-]{1,100}$/;
const PASSED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'location', 'cache-control', 'etag', 'last-modified', 'content-disposition'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Forwards one public request to its owning service: validated shapes in, the service's answer out, streamed. */
export class RouteForwarder {
  constructor(private readonly internal: InternalClient) {}

  async forward(route: GatewayRoute, req: ForwardedRequest, res: ForwardedResponse): Promise<void> {
    const upstream = await this.internal.request(route.upstream, {
      method: route.method,
      path: upstreamPath(route, req),
      body: BODY_METHODS.has(route.method) ? requestBody(route, req.body) : undefined,
      onBehalf: { principal: req.principal && { kind: req.principal.kind, id: req.principal.id }, clientAddress: clientAddress(req) },
      requestId: req.id === undefined ? undefined : String(req.id),
      headers: passedHeaders(route, req),
    });
    res.status(upstream.status);
    for (const [name, value] of Object.entries(route.responseHeaders ?? {})) res.setHeader(name, value);
    for (const name of PASSED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    if (!upstream.body) return res.end();
    const body = Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream);
    await new Promise<void>((resolve) => {
      body.on('error', (error) => {
        res.destroy(error); // mid-stream failure: cut the response rather than end it as if complete
        resolve();
      });
      body.on('end', resolve);
      res.on('close', () => {
        body.destroy();
        resolve();
      });
      body.pipe(res as unknown as NodeJS.WritableStream);
    });
  }
}

function upstreamPath(route: GatewayRoute, req: ForwardedRequest): string {
  const path = (route.upstreamPath ?? route.path).replace(/([:*])(\w+)/g, (_all, kind: string, name: string) => {
    const raw = req.params[name];
    const value = Array.isArray(raw) ? raw.join('/') : raw;
    const format = route.params?.[name] ?? DEFAULT_PARAM;
    if (typeof value !== 'string' || !format.test(value)) throw new ProblemException(404, 'NOT_FOUND', 'Not Found', 'no such resource');
    return kind === '*' ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
  if (!route.query) return path;
  const query = instanceToPlain(validateDto(route.query, req.query, 'query')) as Record<string, unknown>;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function requestBody(route: GatewayRoute, body: unknown): unknown {
  if (!route.body) return {};
  return instanceToPlain(validateDto(route.body, body ?? {}));
}

function passedHeaders(route: GatewayRoute, req: ForwardedRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  const accept = req.headers.accept;
  if (typeof accept === 'string') headers.accept = accept;
  // Conditional GETs: an owner that sets etag may answer 304 (the guide does).
  const ifNoneMatch = req.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string') headers['if-none-match'] = ifNoneMatch;
  const authorization = req.headers.authorization;
  if (route.passAuthorization && typeof authorization === 'string') headers.authorization = authorization;
  return headers;
}
