import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PORTAL_CSP } from './portal.headers';
import { servePortal } from './portal.static';

// The portal's static serving on a real Express app (Nest's platform-express), over real HTTP, from a
// folder laid out as Vite builds it.
@Module({})
class EmptyModule {}

describe('portal static serving', () => {
  let dir: string;
  let app: NestExpressApplication;
  let unbuilt: NestExpressApplication;
  let base: string;
  let unbuiltBase: string;
  const html = '<!doctype html><html><head><script type="module" src="/portal/assets/index-AbC123.js"></script></head><body><div id="app"></div></body></html>';

  const start = async (options: { dir: string; embedded: boolean }) => {
    const a = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
    servePortal(a, options);
    await a.listen(0, '127.0.0.1');
    return [a, `http://127.0.0.1:${(a.getHttpServer().address() as { port: number }).port}`] as const;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfc-portal-'));
    mkdirSync(join(dir, 'portal', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'portal', 'index.html'), html);
    writeFileSync(join(dir, 'portal', 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'portal', 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'portal', '.env'), 'SECRET=1');
    writeFileSync(join(dir, 'secret.txt'), 'outside the portal');
    [app, base] = await start({ dir: join(dir, 'portal'), embedded: true });
    [unbuilt, unbuiltBase] = await start({ dir: join(dir, 'nothing-here'), embedded: false });
  });

  afterAll(async () => {
    await app?.close();
    await unbuilt?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves hashed assets as immutable for a year, with the strict CSP', async () => {
    const res = await fetch(`${base}/portal/assets/index-AbC123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('content-security-policy')).toBe(PORTAL_CSP);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers index.html, never cached without revalidation, for / and every page of the app', async () => {
    for (const path of ['/portal/', '/portal/accounts', '/portal/activity?kind=BINDING', '/portal/some/deep/page']) {
      const res = await fetch(`${base}${path}`);
      expect([path, res.status, res.headers.get('cache-control')]).toEqual([path, 200, 'no-cache']);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.text()).toBe(html);
    }
  });

  it('sends a CSP without inline script or style', () => {
    expect(PORTAL_CSP).toContain("default-src 'self'");
    expect(PORTAL_CSP).toContain("script-src 'self'");
    expect(PORTAL_CSP).toContain("style-src 'self'");
    expect(PORTAL_CSP).toContain("frame-ancestors 'none'");
    expect(PORTAL_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('revalidates unhashed files and answers 404 for missing files instead of the HTML', async () => {
    const icon = await fetch(`${base}/portal/favicon.svg`);
    expect([icon.status, icon.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    const missing = await fetch(`${base}/portal/assets/index-Old999.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('redirects /portal to /portal/ and refuses other methods than GET and HEAD', async () => {
    const bare = await fetch(`${base}/portal`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/portal/']);
    const post = await fetch(`${base}/portal/accounts`, { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const head = await fetch(`${base}/portal/accounts`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('never serves dotfiles or files outside the portal folder', async () => {
    expect((await fetch(`${base}/portal/.env`)).status).toBe(404);
    for (const path of ['/portal/%2e%2e/secret.txt', '/portal/..%2fsecret.txt', '/portal/assets/%2e%2e/%2e%2e/secret.txt']) {
      const res = await fetch(`${base}${path}`);
      expect(await res.text()).not.toContain('outside the portal');
    }
  });

  it('tells the page whether the platform runs embedded (the demo SMS note)', async () => {
    const res = await fetch(`${base}/portal/runtime.json`);
    expect([res.status, res.headers.get('cache-control')]).toEqual([200, 'no-store']);
    expect(await res.json()).toEqual({ embedded: true });
    expect(await (await fetch(`${unbuiltBase}/portal/runtime.json`)).json()).toEqual({ embedded: false });
  });

  it('says the portal is not built rather than failing obscurely', async () => {
    const res = await fetch(`${unbuiltBase}/portal/`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'PORTAL_NOT_BUILT' });
  });
});
