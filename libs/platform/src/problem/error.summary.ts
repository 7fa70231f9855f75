/**
 * What a 500 log line keeps of an unexpected error: its class, code, message and stack, nothing else. Database
 * errors (TypeORM's QueryFailedError, pg's DatabaseError) carry the query, its parameters and the row's values in
 * `detail`; those may hold personal data, so they are dropped here. Non-errors are logged as their type only.
 */
export function errorSummary(exception: unknown): Error | { type: string } {
  if (!(exception instanceof Error)) return { type: exception === null ? 'null' : typeof exception };
  const summary = Object.create(Object.getPrototypeOf(exception) as object) as Error & { code?: unknown };
  summary.message = exception.message;
  summary.stack = exception.stack;
  const code = (exception as { code?: unknown }).code ?? (exception as { driverError?: { code?: unknown } }).driverError?.code;
  if (typeof code === 'string' || typeof code === 'number') summary.code = code;
  return summary;
}
