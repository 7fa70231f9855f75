import { PROBLEM_CONTENT_TYPE } from '@cfc/platform';

interface RawResponse {
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

const TITLES: Record<number, string> = { 401: 'Unauthorized', 404: 'Not Found', 413: 'Content Too Large', 429: 'Too Many Requests' };

/** Writes an RFC 9457 problem from plain middleware (before Nest's exception filter is in play). */
export function sendProblem(res: RawResponse, status: number, code: string, detail: string, requestId: string, extensions: Record<string, unknown> = {}): void {
  const body = { type: `https://cfc.example/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Request Failed', status, code, detail, requestId, ...extensions };
  res.statusCode = status;
  res.setHeader('content-type', PROBLEM_CONTENT_TYPE);
  res.end(JSON.stringify(body));
}
