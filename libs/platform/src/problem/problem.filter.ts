import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdFor } from '../logging/request-id';
import { errorSummary } from './error.summary';
import { codeForStatus } from './problem.codes';
import { ProblemException } from './problem.exception';

/** The slice of express' request/response this filter uses (express types are not installed). */
interface Request {
  id?: string;
  method: string;
  path: string;
  originalUrl?: string;
}
interface Response {
  headersSent: boolean;
  status(code: number): Response;
  type(contentType: string): Response;
  send(body: string): Response;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem body; `code` is the stable machine-readable reason clients switch on. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

/** Turns every error that leaves a handler, unknown routes included, into application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    // Errors of the body parsers come before the request logger has named the request: name it here.
    const requestId = req.id ?? requestIdFor(req as unknown as IncomingMessage, res as unknown as ServerResponse);
    const problem = { ...this.toProblem(exception, req), instance: req.originalUrl?.split('?')[0], requestId };
    // Deliberate problems are answers, not faults; anything else that escaped a handler is a bug to log.
    if (!(exception instanceof HttpException) && problem.status >= 500) this.logger.error({ err: errorSummary(exception), problem: problem.code }, 'request failed');
    if (res.headersSent) return;
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, req: Request): ProblemBody {
    if (exception instanceof ProblemException) {
      const { code, title, detail, extensions } = exception;
      return { ...extensions, type: typeFor(code), title, status: exception.getStatus(), code, detail };
    }
    if (exception instanceof HttpException) return fromHttpException(exception, req);
    const status = statusOf(exception);
    if (status) return generic(status, exception instanceof Error ? exception.message : undefined);
    return generic(500, 'an unexpected error occurred');
  }
}

function fromHttpException(exception: HttpException, req: Request): ProblemBody {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  if (status === 404 && typeof message === 'string' && message.startsWith('Cannot ')) {
    return generic(404, `no route ${req.method} ${req.path}`);
  }
  if (status === 400 && Array.isArray(message)) {
    return { ...generic(400, 'the request body is invalid'), code: 'VALIDATION_FAILED', type: typeFor('VALIDATION_FAILED'), errors: message };
  }
  return generic(status, typeof message === 'string' ? message : undefined);
}

/** Errors from middleware (e.g. a malformed JSON body) carry an HTTP status of their own. */
function statusOf(exception: unknown): number | undefined {
  const e = exception as { status?: unknown; statusCode?: unknown } | null;
  const status = e?.status ?? e?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

function generic(status: number, detail?: string): ProblemBody {
  const code = codeForStatus(status);
  // Never leak internal error messages to clients.
  return { type: typeFor(code), title: titleFor(status), status, code, detail: status >= 500 ? undefined : detail };
}

function typeFor(code: string): string {
  return `https://cfc.example/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content',
    429: 'Too Many Requests', 503: 'Service Unavailable',
  };
  return titles[status] ?? (status >= 500 ? 'Internal Server Error' : 'Request Failed');
}
