import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithCorrelation } from './correlation.context';
import { requestIdFor } from './request-id';

/** Makes the request id the correlation id of everything the request does (logs, outgoing messages). */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    runWithCorrelation(requestIdFor(req, res), next);
  }
}
