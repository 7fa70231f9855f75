import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, describeIntegration, freePort, integrationStack, TEST_INTERNAL_AUTH_SECRET, type TestDatabase } from '@cfc/testing';
import { gatewayService } from '../gateway.service';

// The gateway's /readyz reflects the services behind it, so that "ready" means "serving".
describeIntegration('gateway readiness with the services behind it', () => {
  let db: TestDatabase;
  let upstream: Server;
  let ready = true;
  const apps: ServiceApp[] = [];
  const SERVICES = ['IDENTITY', 'BINDING', 'CONSENT', 'INGESTION', 'REPORT', 'AUDIT'];

  beforeAll(async () => {
    db = await createTestDatabase('gateway');
    upstream = createServer((req, res) => {
      res.statusCode = req.url === '/readyz' && ready ? 200 : 503;
      res.end('{}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const app of apps) await app.app.close();
    await new Promise((resolve) => upstream.close(resolve));
    await db?.drop();
  });

  const gateway = async (urls: Record<string, string>) => {
    const env = { DATABASE_URL: db.url, KAFKA_BROKERS: integrationStack().kafkaBrokers.join(','), ...integrationStack().kafkaServiceEnv('gateway'), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, ...urls };
    const app = await createServiceApp(gatewayService, env, pino({ level: 'silent' }));
    apps.push(app);
    await app.app.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  };
  const readyz = async (base: string) => {
    const res = await fetch(`${base}/readyz`);
    return { status: res.status, body: (await res.json()) as { checks?: Record<string, string> } };
  };

  it('is not ready while a service behind it does not answer, names it, and becomes ready once all do', async () => {
    const up = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const closed = `http://127.0.0.1:${await freePort()}`;
    const partial = await gateway({ ...Object.fromEntries(SERVICES.map((s) => [`${s}_URL`, up])), AUDIT_URL: closed });
    const first = await readyz(partial);
    expect(first.status).toBe(503);
    expect(first.body.checks).toMatchObject({ identity: 'up', binding: 'up', audit: expect.stringMatching(/^down: audit is not reachable/) });

    const all = await gateway(Object.fromEntries(SERVICES.map((s) => [`${s}_URL`, up])));
    expect(await readyz(all)).toMatchObject({ status: 200, body: { checks: { identity: 'up', report: 'up', database: 'up', kafka: 'up' } } });
    ready = false; // a service that flips to not-ready (shutting down) is seen within the 1 s cache
    await new Promise((r) => setTimeout(r, 1100));
    expect((await readyz(all)).body.checks).toMatchObject({ identity: expect.stringMatching(/^down: identity answers \/readyz 503/) });
  });
});
