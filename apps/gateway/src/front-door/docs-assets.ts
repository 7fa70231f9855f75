import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendProblem } from './problem.response';

// @nestjs/swagger serves the whole swagger-ui-dist folder under /docs (package.json, source maps, the
// unminified and ES bundles). Only what the page itself loads is let through; the rest is a 404.
const PAGE_NEEDS = new Set([
  '/', '/index.html', '/swagger-ui-init.js', '/swagger-ui.css', '/swagger-ui-bundle.js', '/swagger-ui-standalone-preset.js',
  '/favicon-32x32.png', '/favicon-16x16.png', '/openapi.json', '/openapi.yaml',
]);

/** Middleware for the /docs mount: passes the documentation page and its assets, refuses any other file. */
export function docsAssetsOnly() {
  return (req: IncomingMessage & { path?: string; originalUrl?: string }, res: ServerResponse, next: () => void): void => {
    const path = req.path ?? new URL(req.url ?? '/', 'http://x').pathname;
    if (PAGE_NEEDS.has(path)) return next();
    sendProblem(res, 404, 'NOT_FOUND', `no route ${req.method} ${(req.originalUrl ?? '').split('?')[0]}`, String(res.getHeader('x-request-id') ?? ''));
  };
}
