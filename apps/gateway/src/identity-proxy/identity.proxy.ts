import { ProblemException } from '@cfc/platform';

export interface ProxiedResponse {
  status: number;
  contentType: string;
  retryAfter?: string;
  body: string;
}

/** Forwards one request to identity: body as JSON, plus the request id and the caller's address. */
export async function forwardToIdentity(identityUrl: string, path: string, init: { body?: unknown; authorization?: string; requestId: string; clientAddress: string }): Promise<ProxiedResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': init.requestId, 'x-cfc-client-address': init.clientAddress };
  if (init.authorization) headers.authorization = init.authorization;
  let res: Response;
  try {
    res = await fetch(new URL(path, identityUrl), { method: 'POST', headers, body: JSON.stringify(init.body ?? {}), signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new ProblemException(503, 'IDENTITY_UNAVAILABLE', 'Service Unavailable', 'the identity service is not reachable; retry shortly');
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? 'application/json',
    retryAfter: res.headers.get('retry-after') ?? undefined,
    body: await res.text(),
  };
}
