import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { GatewayConfig } from '../gateway.config';
import { defaultPortalDir, servePortal } from '../portal/portal.static';
import { frontDoorMiddleware, MAX_BODY_BYTES } from './front-door.middleware';
import { serveOpenApi } from './openapi';
import { RateLimiter } from './rate-limiter';

/** App-level front door: request ids and refusals ahead of body parsing, the portal at /portal/, 1 MiB body limit, OpenAPI at /docs. */
export function configureFrontDoor(app: INestApplication, config: GatewayConfig): void {
  const express = app as NestExpressApplication;
  express.use(frontDoorMiddleware(new RateLimiter(config.RATE_LIMIT_ADDRESS_BURST, config.RATE_LIMIT_ADDRESS_PER_SECOND), randomUUID));
  // Static pages need no token: served here, ahead of the routes and their bearer guard.
  servePortal(express, { dir: config.PORTAL_DIR ?? defaultPortalDir(), embedded: config.CFC_EMBEDDED });
  // Bodies without a content-length (chunked) are cut off by the parsers at the same limit.
  express.useBodyParser('json', { limit: MAX_BODY_BYTES });
  express.useBodyParser('urlencoded', { limit: MAX_BODY_BYTES, extended: false });
  serveOpenApi(app);
}
