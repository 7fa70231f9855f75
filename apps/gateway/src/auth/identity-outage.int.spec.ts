import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { signAccessToken, type SigningKey } from '@cfc/contracts';
import { createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, describeIntegration, integrationStack, TEST_INTERNAL_AUTH_SECRET, type TestDatabase } from '@cfc/testing';
// The real identity service runs in-process behind the gateway (test-only cross-app import).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { identityService } from '../../../identity/src/identity.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DemoDataSet } from '../../../identity/src/domain/demo/demo-data';
import { gatewayService } from '../gateway.service';

// The gateway when identity cannot be reached (503 problems, never a pass), and with expired tokens.
// Each test starts its own identity (on one database and data dir) and gateways, so stopping identity
// in one test leaves the others alone.
describeIntegration('gateway with identity down, and expired tokens', () => {
  let identityDb: TestDatabase;
  let gatewayDb: TestDatabase;
  let dataDir: string;
  const apps: ServiceApp[] = [];
  const quiet = pino({ level: 'silent' });
  const kafka = () => integrationStack().kafkaBrokers.join(',');
  const url = (app: ServiceApp) => `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;
  const started = async (app: Promise<ServiceApp>) => {
    const a = await app;
    apps.push(a);
    await a.app.listen(0, '127.0.0.1');
    return a;
  };
  const identity = () => started(createServiceApp(identityService, { DATABASE_URL: identityDb.url, KAFKA_BROKERS: kafka(), ...integrationStack().kafkaServiceEnv('identity'), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true' }, quiet));
  const gateway = (identityUrl: string) => started(createServiceApp(gatewayService, { DATABASE_URL: gatewayDb.url, KAFKA_BROKERS: kafka(), ...integrationStack().kafkaServiceEnv('gateway'), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, IDENTITY_URL: identityUrl }, quiet));
  const call = async (base: string, path: string, init: { token?: string; body?: unknown; form?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(`${base}${path}`, { method: init.body === undefined && init.form === undefined ? 'GET' : 'POST', headers, body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
    return { status: res.status, type: res.headers.get('content-type') ?? '', authenticate: res.headers.get('www-authenticate'), body: (await res.json()) as Record<string, unknown> };
  };
  const demo = (): DemoDataSet => JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
  const signingKey = (): SigningKey => JSON.parse(JSON.parse(readFileSync(join(dataDir, 'identity-secrets.json'), 'utf8')).TOKEN_SIGNING_KEYS)[0];
  const enterpriseToken = (at: Date, ttlSeconds = 900) => signAccessToken(signingKey(), { sub: demo().enterprises[0].uscc, aud: 'cfc:subject', now: at, ttlSeconds }).token;

  beforeAll(async () => {
    [identityDb, gatewayDb] = await Promise.all([createTestDatabase('identity'), createTestDatabase('gateway')]);
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-gateway-outage-'));
  });
  afterEach(async () => {
    for (const app of apps.splice(0).reverse()) await app.app.close();
  });
  afterAll(async () => {
    await Promise.all([identityDb?.drop(), gatewayDb?.drop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers an expired token with 401 TOKEN_EXPIRED, and the same token while valid with 200', async () => {
    const front = url(await gateway(url(await identity())));
    const expired = await call(front, '/v1/subject/session', { token: enterpriseToken(new Date(Date.now() - 3600_000), 600) });
    expect(expired).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED', reason: 'EXPIRED' } });
    expect(expired.type).toContain('application/problem+json');
    expect(expired.authenticate).toContain('error="invalid_token"');
    expect(await call(front, '/v1/subject/session', { token: enterpriseToken(new Date()) })).toMatchObject({ status: 200, body: { kind: 'enterprise' } });
  });

  it('answers 503 IDENTITY_UNAVAILABLE, never a pass, while identity is down', async () => {
    const up = await identity();
    const identityUrl = url(up);
    const warm = url(await gateway(identityUrl));
    const token = enterpriseToken(new Date());
    expect((await call(warm, '/v1/subject/session', { token })).status).toBe(200); // keys and revocations cached
    await up.app.close();
    apps.splice(apps.indexOf(up), 1);

    const e = demo().enterprises[0];
    const lender = demo().lenders[0];
    const routed = [
      await call(warm, '/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } }),
      await call(warm, '/v1/subject/login', { body: { challengeId: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7', code: '123456' } }),
      await call(warm, '/v1/oauth/token', { form: `grant_type=client_credentials&client_id=${lender.clientId}&client_secret=${encodeURIComponent(lender.clientSecret)}` }),
    ];
    for (const res of routed) {
      expect(res).toMatchObject({ status: 503, body: { code: 'IDENTITY_UNAVAILABLE' } });
      expect(res.type).toContain('application/problem+json');
    }
    // A gateway that has no keys yet cannot check any token.
    const cold = url(await gateway(identityUrl));
    expect(await call(cold, '/v1/subject/session', { token })).toMatchObject({ status: 503, body: { code: 'IDENTITY_UNAVAILABLE' } });
    // One with cached keys fails closed as soon as its revocation list is due (every 2 s): a logout it cannot see must not pass.
    let answer = await call(warm, '/v1/subject/session', { token });
    for (const deadline = Date.now() + 10_000; answer.status === 200 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      answer = await call(warm, '/v1/subject/session', { token });
    }
    expect(answer).toMatchObject({ status: 503, body: { code: 'IDENTITY_UNAVAILABLE' } });
    // Health is the gateway's own: still alive.
    expect((await fetch(`${warm}/healthz`)).status).toBe(200);
  });
});
