/** Stable codes for problems that come from HTTP itself rather than from a service rule. */
export function codeForStatus(status: number): string {
  const known: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    406: 'NOT_ACCEPTABLE',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    422: 'UNPROCESSABLE',
    429: 'RATE_LIMITED',
    503: 'UNAVAILABLE',
  };
  return known[status] ?? (status >= 500 ? 'INTERNAL' : `HTTP_${status}`);
}
