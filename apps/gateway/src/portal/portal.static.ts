import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { REQUEST_ID_HEADER } from '@cfc/platform';
import { sendProblem } from '../front-door/problem.response';
import { IMMUTABLE, PORTAL_SECURITY_HEADERS, REVALIDATE } from './portal.headers';

export const PORTAL_PREFIX = '/portal';

/** apps/portal/dist beside this gateway (src/ in tests, dist/ when built: the same depth). */
export const defaultPortalDir = () => resolve(__dirname, '..', '..', '..', 'portal', 'dist');

type Next = () => void;

/**
 * Serves the built portal at /portal/ ahead of the API routes, so no bearer token is asked for: hashed
 * assets cached for a year, everything else revalidated; any other GET under /portal/ without a file
 * extension is a page of the single-page app and gets index.html. Express' own static server (serve-static,
 * through Nest's useStaticAssets) reads the files: it refuses path traversal and dotfiles.
 */
export function servePortal(app: NestExpressApplication, options: { dir: string; embedded: boolean }): void {
  const dir = resolve(options.dir);
  const assets = join(dir, 'assets') + sep;
  const index = join(dir, 'index.html');

  app.use(PORTAL_PREFIX, (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: Next) => {
    for (const [name, value] of Object.entries(PORTAL_SECURITY_HEADERS)) res.setHeader(name, value);
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    if (path === PORTAL_PREFIX) {
      res.statusCode = 301;
      res.setHeader('location', `${PORTAL_PREFIX}/`);
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendProblem(res, 405, 'METHOD_NOT_ALLOWED', 'the portal is read with GET', requestId(req));
    }
    if (path === `${PORTAL_PREFIX}/runtime.json`) {
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-type', 'application/json; charset=utf-8');
      return res.end(JSON.stringify({ embedded: options.embedded }));
    }
    next();
  });

  app.useStaticAssets(dir, {
    prefix: `${PORTAL_PREFIX}/`,
    index: false,
    redirect: false,
    fallthrough: true,
    dotfiles: 'ignore',
    setHeaders: (res: ServerResponse, file: string) => res.setHeader('cache-control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE),
  });

  app.use(PORTAL_PREFIX, (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    // A missing file (an old hashed asset, a typo) is a 404, never the app's HTML under a .js name.
    if (/\.[A-Za-z0-9]+$/.test(path)) return sendProblem(res, 404, 'NOT_FOUND', `no such file ${path}`, requestId(req));
    if (!existsSync(index)) return sendProblem(res, 503, 'PORTAL_NOT_BUILT', 'the portal has not been built: run npm run build', requestId(req));
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', REVALIDATE);
    // Read per request: small, and a rebuilt portal is served without restarting the gateway.
    const html = readFileSync(index);
    res.setHeader('content-length', String(html.length));
    res.end(req.method === 'HEAD' ? undefined : html);
  });
}

const requestId = (req: IncomingMessage) => String(req.headers[REQUEST_ID_HEADER] ?? '');
