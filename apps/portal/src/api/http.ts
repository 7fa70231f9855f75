// The portal's one way to the platform: JSON over the public HTTP API on the same origin, bearer token
// from the session, RFC 9457 problems turned into ApiError so that pages can explain them.

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** A failed request: a problem from the platform (status > 0) or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: { errors?: FieldProblem[]; retryAfter?: number; reason?: string; requestId?: string } = {},
  ) {
    super(`${status} ${code}: ${detail}`);
  }

  get fieldErrors(): FieldProblem[] {
    return this.extra.errors ?? [];
  }
}

/** The gateway answers an unknown route with 404 "no route …": the service has not been built or deployed yet. */
export function isNotAvailable(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.detail.startsWith('no route ');
}

const SESSION_ENDED = new Set(['AUTHENTICATION_REQUIRED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'TOKEN_REVOKED']);

export interface ApiOptions {
  token: () => string | undefined;
  /** Called when the platform refuses the session's token (expired, revoked): the session is over. */
  onSessionEnded: () => void;
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

export function createApi(options: ApiOptions): Api {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const token = options.token();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      throw new ApiError(0, 'NETWORK', (error as Error).message);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (res.ok) return parsed as T;
    const problem = (parsed ?? {}) as Record<string, unknown>;
    const retryHeader = Number(res.headers.get('retry-after'));
    const error = new ApiError(res.status, typeof problem.code === 'string' ? problem.code : `HTTP_${res.status}`, typeof problem.detail === 'string' ? problem.detail : res.statusText, {
      errors: Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : undefined,
      retryAfter: typeof problem.retryAfter === 'number' ? problem.retryAfter : Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined,
      reason: typeof problem.reason === 'string' ? problem.reason : undefined,
      requestId: typeof problem.requestId === 'string' ? problem.requestId : (res.headers.get('x-request-id') ?? undefined),
    });
    if (res.status === 401 && token && SESSION_ENDED.has(error.code)) options.onSessionEnded();
    throw error;
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body ?? {}),
    delete: (path) => send('DELETE', path),
  };
}
