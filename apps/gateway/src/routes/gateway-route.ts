import type { TokenAudience } from '@cfc/contracts';
import type { InternalServiceName } from '@cfc/platform';

type Dto = new () => object;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One public route: who may call it, which service owns it, and its shapes for OpenAPI and first
 * validation. The gateway holds no business rules: the owning service validates and authorises again.
 */
export interface GatewayRoute {
  method: HttpMethod;
  /** Express path, e.g. /v1/subject/bindings/:id, or with a splat (*path) for tile paths. */
  path: string;
  /** Bearer token audiences allowed; 'public' needs no token. */
  audiences: readonly TokenAudience[] | 'public';
  upstream: InternalServiceName;
  /** Path on the owning service; default: the same path. :params are substituted. */
  upstreamPath?: string;
  summary: string;
  tag: 'enterprises' | 'lenders' | 'regulators' | 'institutions' | 'service guide';
  body?: Dto;
  query?: Dto;
  /** Path parameter formats (anything else is a 404, as an unknown resource would be). Default: [A-Za-z0-9._-]{1,100}. */
  params?: Record<string, RegExp>;
  response?: Dto | [Dto];
  /** Media type of the success response when not JSON (e.g. application/x-ndjson, text/plain). */
  produces?: string;
  /** For OpenAPI: an example of a success body that is not JSON (`produces`). */
  example?: string;
  /** Headers the gateway sets on the answer itself (e.g. the portal's CSP on public HTML pages). */
  responseHeaders?: Readonly<Record<string, string>>;
  status?: number;
  /** [status, code, detail] of the problems this route may answer, for OpenAPI. */
  problems?: Array<[number, string, string]>;
  /** Pass the caller's Authorization header on (the token endpoint's Basic auth). */
  passAuthorization?: boolean;
  /** The body may also come as application/x-www-form-urlencoded (OAuth2). */
  acceptsForm?: boolean;
}

/** Every public route of one context, each as one entry. */
export type RouteTable = readonly GatewayRoute[];
