import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { GatewayConfig } from '../gateway.config';
import { defaultPortalDir, servePortal } from '../portal/portal.static';
import { docsAssetsOnly } from './docs-assets';
import { frontDoorMiddleware } from './front-door.middleware';
import { metricsAccess } from './metrics-access';
import { serveOpenApi } from './openapi';
import { RateLimiter } from './rate-limiter';

/**
 * App-level front door: request ids and refusals ahead of body parsing (the platform's parsers come after,
 * cutting chunked bodies off at the same 1 MiB and refusing JSON nested too deep), /metrics behind
 * METRICS_TOKEN, the portal at /portal/, OpenAPI at /docs (the page and its assets only).
 */
export function configureFrontDoor(app: INestApplication, config: GatewayConfig): void {
  const express = app as NestExpressApplication;
  express.use(frontDoorMiddleware(new RateLimiter(config.RATE_LIMIT_ADDRESS_BURST, config.RATE_LIMIT_ADDRESS_PER_SECOND), randomUUID));
  express.use(metricsAccess(config.METRICS_TOKEN));
  // Static pages need no token: served here, ahead of the routes and their bearer guard.
  servePortal(express, { dir: config.PORTAL_DIR ?? defaultPortalDir(), embedded: config.CFC_EMBEDDED });
  express.use('/docs', docsAssetsOnly());
  serveOpenApi(app);
}
