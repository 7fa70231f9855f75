import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, describeIntegration, integrationStack, TEST_INTERNAL_AUTH_SECRET, type TestDatabase } from '@cfc/testing';
// The real identity service runs in-process behind the gateway (test-only cross-app import).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { identityService } from '../../../identity/src/identity.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DemoDataSet } from '../../../identity/src/domain/demo/demo-data';
import { gatewayService } from '../gateway.service';

// Issue 8's findings at the public edge: deep JSON, metrics, the documentation's files, client-chosen request ids.
describeIntegration('gateway front door: what the public port gives away', () => {
  let identityDb: TestDatabase;
  let gatewayDb: TestDatabase;
  let identity: ServiceApp;
  let gateway: ServiceApp;
  let closed: ServiceApp;
  let dataDir: string;
  let demo: DemoDataSet;
  const METRICS_TOKEN = 'metrics-token-for-the-front-door-spec-0123456789';
  const url = (app: ServiceApp) => `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;
  const get = (app: ServiceApp, path: string, headers: Record<string, string> = {}) => fetch(`${url(app)}${path}`, { headers });
  const post = (path: string, body: string, headers: Record<string, string> = {}) => fetch(`${url(gateway)}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    [identityDb, gatewayDb] = await Promise.all([createTestDatabase('identity'), createTestDatabase('gateway')]);
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-gateway-sec-'));
    const kafka = integrationStack().kafkaBrokers.join(',');
    const quiet = pino({ level: 'silent' });
    identity = await createServiceApp(identityService, { DATABASE_URL: identityDb.url, KAFKA_BROKERS: kafka, ...integrationStack().kafkaServiceEnv('identity'), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true' }, quiet);
    await identity.app.listen(0, '127.0.0.1');
    const env = { DATABASE_URL: gatewayDb.url, KAFKA_BROKERS: kafka, ...integrationStack().kafkaServiceEnv('gateway'), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, IDENTITY_URL: url(identity) };
    gateway = await createServiceApp(gatewayService, { ...env, METRICS_TOKEN }, quiet);
    await gateway.app.listen(0, '127.0.0.1');
    closed = await createServiceApp(gatewayService, env, quiet); // no METRICS_TOKEN
    await closed.app.listen(0, '127.0.0.1');
    demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
  });

  afterAll(async () => {
    await closed?.app.close();
    await gateway?.app.close();
    await identity?.app.close();
    await Promise.all([identityDb?.drop(), gatewayDb?.drop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers JSON nested 5,000 levels deep with a 400 problem naming the limit, before identity is asked', async () => {
    const deep = `{"challengeId":${'['.repeat(5000)}${']'.repeat(5000)},"code":"123456"}`;
    const res = await post('/v1/subject/login', deep);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'JSON_TOO_DEEP', maxDepth: 32, detail: expect.stringContaining('at most 32 levels'), requestId: res.headers.get('x-request-id') });
    // Identity refuses it by itself too (the platform's parser), for whoever reaches it directly.
    const direct = await fetch(`${url(identity)}/v1/subject/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect(await direct.json()).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP' });
  });

  it('serves /metrics on the public port only to the METRICS_TOKEN bearer, and not at all without one configured', async () => {
    const none = await get(gateway, '/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await none.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await get(gateway, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}x` })).status).toBe(401);
    expect((await get(gateway, '/metrics?x=1', { authorization: 'Basic abc' })).status).toBe(401);
    const allowed = await get(gateway, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/^# TYPE http_requests_total counter$/m);
    const off = await get(closed, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(off.status).toBe(404);
    expect(await off.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves at /docs only what the documentation page loads: no package.json, source maps or other bundles', async () => {
    const page = await get(gateway, '/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(?:\.\/docs\/|\.\/)?([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui-init.js']));
    for (const asset of assets) expect([asset, (await get(gateway, `/docs/${asset}`)).status]).toEqual([asset, 200]);
    expect((await get(gateway, '/docs/openapi.json')).status).toBe(200);
    for (const file of ['package.json', 'swagger-ui-bundle.js.map', 'swagger-ui.css.map', 'swagger-ui.js', 'swagger-ui-es-bundle.js', 'index.js', 'absolute-path.js', 'README.md', 'LICENSE', 'oauth2-redirect.html', '../package.json', '%2e%2e/package.json']) {
      const res = await get(gateway, `/docs/${file}`);
      expect([file, res.status]).toEqual([file, 404]);
    }
  });

  it('takes a client\'s x-request-id only when it is a UUID; anything else never reaches the events as their correlation id', async () => {
    const e = demo.enterprises[0];
    const ask = (requestId: string) => post('/v1/subject/login/challenge', JSON.stringify({ uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber }), { 'x-request-id': requestId });
    const chosen = randomUUID();
    const kept = await ask(chosen);
    expect(kept.status).toBe(200);
    expect(kept.headers.get('x-request-id')).toBe(chosen);
    const forged = 'approved-by-regulator-R0001';
    const replaced = await ask(forged);
    expect(replaced.status).toBe(200);
    const given = replaced.headers.get('x-request-id');
    expect(given).not.toBe(forged);
    expect(given).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const client = new Client({ connectionString: identityDb.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ correlation: string }>(`SELECT metadata->>'correlationId' AS correlation FROM eventing.events WHERE type = 'login-challenge.issued' ORDER BY position`);
      expect(rows.map((r) => r.correlation)).toEqual([chosen, given]);
    } finally {
      await client.end();
    }
  });
});
