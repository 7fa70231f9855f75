import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Controller, Get, Module } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { createRootLogger, createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, describeIntegration, integrationStack, TEST_INTERNAL_AUTH_SECRET, type TestDatabase } from '@cfc/testing';
// The real identity service runs in-process behind the gateway (test-only cross-app import; the
// launcher-based journey in test-e2e/ covers the same ground through processes).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { identityService } from '../../../identity/src/identity.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DemoDataSet } from '../../../identity/src/domain/demo/demo-data';
import { ForLenders, ForRegulators } from '../auth/audiences.decorator';
import { GatewayModule } from '../gateway.module';
import { gatewayService } from '../gateway.service';

@Controller('v1/spec')
class RoleRoutesController {
  @Get('lender-only')
  @ForLenders()
  @ApiOkResponse({ schema: { example: { ok: true } } })
  lender() {
    return { ok: true };
  }

  @Get('regulator-only')
  @ForRegulators()
  @ApiOkResponse({ schema: { example: { ok: true } } })
  regulator() {
    return { ok: true };
  }
}
@Module({ controllers: [RoleRoutesController] })
class RoleRoutesModule {}

describeIntegration('gateway front door with identity behind it', () => {
  let identityDb: TestDatabase;
  let gatewayDb: TestDatabase;
  let identity: ServiceApp;
  let gateway: ServiceApp;
  let tight: ServiceApp;
  let dataDir: string;
  let demo: DemoDataSet;
  let base: string;
  let tightBase: string;
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  const url = (app: ServiceApp) => `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;

  const call = async (path: string, init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string>; at?: string } = {}) => {
    const headers: Record<string, string> = { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(`${init.at ?? base}${path}`, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, body: typeof init.body === 'string' ? init.body : init.body !== undefined ? JSON.stringify(init.body) : undefined });
    const text = await res.text();
    let body: Record<string, unknown> | undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = { text };
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
    return { status: res.status, headers: res.headers, body: body as Record<string, any> };
  };
  const sms = (challengeId: string) =>
    readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.challengeId === challengeId).code as string;
  const enterpriseToken = async (index: number) => {
    const e = demo.enterprises[index];
    const { body } = await call('/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
    return (await call('/v1/subject/login', { body: { challengeId: body.challengeId, code: sms(body.challengeId) } })).body.access_token as string;
  };
  const clientToken = async (client: { clientId: string; clientSecret: string }) =>
    (await call('/v1/oauth/token', { body: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).body.access_token as string;

  beforeAll(async () => {
    [identityDb, gatewayDb] = await Promise.all([createTestDatabase('identity'), createTestDatabase('gateway')]);
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-gateway-'));
    const kafka = integrationStack().kafkaBrokers.join(',');
    identity = await createServiceApp(identityService, { DATABASE_URL: identityDb.url, KAFKA_BROKERS: kafka, ...integrationStack().kafkaServiceEnv('identity'), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true' }, createRootLogger('identity', 'debug', sink));
    await identity.app.listen(0, '127.0.0.1');
    mkdirSync(join(dataDir, 'portal'));
    writeFileSync(join(dataDir, 'portal', 'index.html'), '<!doctype html><title>portal</title>');
    const gatewayEnv = { DATABASE_URL: gatewayDb.url, KAFKA_BROKERS: kafka, ...integrationStack().kafkaServiceEnv('gateway'), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, IDENTITY_URL: url(identity), PORTAL_DIR: join(dataDir, 'portal') };
    const withRoutes = { ...gatewayService, imports: [GatewayModule, RoleRoutesModule] };
    gateway = await createServiceApp(withRoutes, gatewayEnv, createRootLogger('gateway', 'debug', sink));
    await gateway.app.listen(0, '127.0.0.1');
    base = url(gateway);
    const tightEnv = { ...gatewayEnv, RATE_LIMIT_ADDRESS_BURST: '30', RATE_LIMIT_ADDRESS_PER_SECOND: '1', RATE_LIMIT_TOKEN_BURST: '3', RATE_LIMIT_TOKEN_PER_SECOND: '1' };
    tight = await createServiceApp(withRoutes, tightEnv, createRootLogger('gateway', 'debug', sink));
    await tight.app.listen(0, '127.0.0.1');
    tightBase = url(tight);
    demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
  });

  afterAll(async () => {
    await tight?.app.close();
    await gateway?.app.close();
    await identity?.app.close();
    await Promise.all([identityDb?.drop(), gatewayDb?.drop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs an enterprise in with the code from the SMS outbox; wrong and reused codes get 401', async () => {
    const e = demo.enterprises[0];
    const challenge = await call('/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
    expect(challenge.status).toBe(200);
    const { challengeId } = challenge.body;
    const code = sms(challengeId);
    const wrong = await call('/v1/subject/login', { body: { challengeId, code: code === '123456' ? '654321' : '123456' } });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'LOGIN_CODE_REJECTED' } });
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    const ok = await call('/v1/subject/login', { body: { challengeId, code } });
    expect(ok).toMatchObject({ status: 200, body: { token_type: 'Bearer' } });
    expect(await call('/v1/subject/login', { body: { challengeId, code } })).toMatchObject({ status: 401, body: { code: 'LOGIN_CODE_REJECTED', reason: 'ALREADY_USED' } });
    expect(await call('/v1/subject/session', { token: ok.body.access_token })).toMatchObject({ status: 200, body: { kind: 'enterprise', id: e.uscc } });
  });

  it('serves the portal at /portal/ without a token, while the API behind it still asks for one', async () => {
    for (const path of ['/portal/', '/portal/authorizations']) {
      const page = await call(path);
      expect(page).toMatchObject({ status: 200, body: { text: '<!doctype html><title>portal</title>' } });
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('x-request-id')).toBeTruthy();
    }
    expect(await call('/v1/subject/session')).toMatchObject({ status: 401, body: { code: 'AUTHENTICATION_REQUIRED' } });
  });

  it('answers 400 naming the field for a USCC with a wrong check character', async () => {
    const e = demo.enterprises[1];
    const uscc = e.uscc.slice(0, 17) + (e.uscc[17] === 'A' ? 'B' : 'A');
    const res = await call('/v1/subject/login/challenge', { body: { uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'uscc' }] } });
    expect(res.body.detail).toContain('uscc');
  });

  it('gives lenders and regulators tokens for their demo credentials, 401 for a wrong secret', async () => {
    expect(await clientToken(demo.lenders[0])).toMatch(/^ey/);
    expect(await clientToken(demo.regulators[0])).toMatch(/^ey/);
    const basic = Buffer.from(`${demo.lenders[1].clientId}:${demo.lenders[1].clientSecret}`).toString('base64');
    expect(await call('/v1/oauth/token', { body: { grant_type: 'client_credentials' }, headers: { authorization: `Basic ${basic}` } })).toMatchObject({ status: 200 });
    const wrong = await clientToken({ clientId: demo.lenders[0].clientId, clientSecret: 'not-the-secret' });
    expect(wrong).toBeUndefined();
    expect(await call('/v1/oauth/token', { body: { grant_type: 'client_credentials', client_id: demo.lenders[0].clientId, client_secret: 'x' } })).toMatchObject({ status: 401, body: { code: 'INVALID_CLIENT' } });
  });

  it('refuses role confusion with 403 and missing or bad tokens with 401', async () => {
    const enterprise = await enterpriseToken(2);
    const lender = await clientToken(demo.lenders[0]);
    const regulator = await clientToken(demo.regulators[0]);
    expect(await call('/v1/spec/lender-only', { token: lender })).toMatchObject({ status: 200 });
    expect(await call('/v1/spec/regulator-only', { token: regulator })).toMatchObject({ status: 200 });
    for (const [path, token] of [['/v1/spec/lender-only', enterprise], ['/v1/spec/lender-only', regulator], ['/v1/spec/regulator-only', lender], ['/v1/spec/regulator-only', enterprise], ['/v1/subject/session', lender], ['/v1/subject/session', regulator]]) {
      expect(await call(path, { token })).toMatchObject({ status: 403, body: { code: 'ROLE_FORBIDDEN' } });
    }
    const none = await call('/v1/spec/lender-only');
    expect(none).toMatchObject({ status: 401, body: { code: 'AUTHENTICATION_REQUIRED' } });
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await call('/v1/spec/lender-only', { token: `${lender.slice(0, -4)}AAAA` })).toMatchObject({ status: 401, body: { code: 'INVALID_TOKEN' } });
  });

  it('honours logout: the token is refused afterwards', async () => {
    const token = await enterpriseToken(3);
    expect((await call('/v1/subject/session', { token })).status).toBe(200);
    expect((await call('/v1/subject/logout', { method: 'POST', token })).status).toBe(204);
    expect(await call('/v1/subject/session', { token })).toMatchObject({ status: 401, body: { code: 'TOKEN_REVOKED' } });
  });

  it('refuses bodies over 1 MiB with 413, declared or chunked, and carries x-request-id on every response', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
    const declared = await call('/v1/subject/login', { body: big });
    expect(declared).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(declared.headers.get('x-request-id')).toBeTruthy();
    const chunked = await new Promise<{ status: number; requestId?: string; body: string }>((resolve, reject) => {
      const req = httpRequest(`${base}/v1/subject/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, requestId: res.headers['x-request-id'] as string, body }));
      });
      req.on('error', reject);
      for (let i = 0; i < 17; i++) req.write('x'.repeat(64 * 1024));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(chunked.requestId).toBeTruthy();
    const just = await call('/v1/subject/login', { body: JSON.stringify({ challengeId: 'x', code: 'y', pad: 'x'.repeat(1000 * 1000) }) });
    expect(just.status).toBe(400);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const healthy = await call('/healthz');
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get('x-request-id')).toMatch(uuid);
    const refusals = [
      [await call('/nowhere'), 404, 'NOT_FOUND'],
      [await call('/v1/subject/session'), 401, 'AUTHENTICATION_REQUIRED'],
      [await call('/v1/subject/login', { body: '{bad json' }), 400, 'BAD_REQUEST'],
    ] as const;
    for (const [res, status, code] of refusals) {
      expect(res).toMatchObject({ status, body: { code, requestId: res.headers.get('x-request-id') } });
      expect(res.headers.get('x-request-id')).toMatch(uuid);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('rate-limits per token and per address with 429 and retry-after', async () => {
    const lender = await clientToken(demo.lenders[0]);
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 6; i++) {
      const res = await call('/v1/spec/lender-only', { token: lender, at: tightBase });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    let byAddress;
    for (let i = 0; i < 40 && !byAddress; i++) {
      const res = await call('/healthz', { at: tightBase });
      if (res.status === 429) byAddress = res;
    }
    expect(byAddress?.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(byAddress?.headers.get('retry-after')).toBeTruthy();
  });

  it('serves OpenAPI at /docs covering every route, with an example for every body it describes', async () => {
    expect((await call('/docs')).status).toBe(200);
    const doc = (await call('/docs/openapi.json')).body;
    for (const path of ['/v1/subject/login/challenge', '/v1/subject/login', '/v1/oauth/token', '/v1/subject/logout', '/v1/subject/session']) expect(doc.paths[path]).toBeDefined();
    type Schema = { $ref?: string; example?: unknown; properties?: Record<string, Schema>; required?: string[] };
    type Media = { example?: unknown; examples?: unknown; schema?: Schema };
    const resolve = (schema?: Schema): Schema | undefined => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop() as string] : schema);
    // An example on the media type, on the schema, or on every property of the (referenced) schema.
    const exampled = (media: Media): boolean => {
      if (media.example !== undefined || media.examples !== undefined) return true;
      const schema = resolve(media.schema);
      if (!schema) return false;
      if (schema.example !== undefined) return true;
      const properties = Object.values(schema.properties ?? {});
      return properties.length > 0 && properties.every((p) => p.example !== undefined || resolve(p)?.example !== undefined);
    };
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { requestBody?: { content: Record<string, Media> }; responses: Record<string, { content?: Record<string, Media> }> }>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const bodies = [...Object.entries(op.requestBody?.content ?? {}).map(([type, m]) => [`request ${type}`, m] as const),
          ...Object.entries(op.responses).flatMap(([status, r]) => Object.entries(r.content ?? {}).map(([type, m]) => [`${status} ${type}`, m] as const))];
        expect(bodies.length).toBeGreaterThan(0);
        for (const [what, media] of bodies) if (!exampled(media)) missing.push(`${method.toUpperCase()} ${path} ${what}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('never logs ID numbers, mobiles, codes or secrets during the whole run', async () => {
    // Its own login and token traffic at least, whatever else ran before.
    expect(await enterpriseToken(5)).toMatch(/^ey/);
    expect(await clientToken(demo.lenders[1])).toMatch(/^ey/);
    const text = logs.join('');
    expect(text).toContain('/v1/subject/login'); // the login run was logged, by gateway and identity
    expect(logs.length).toBeGreaterThan(20);
    const secrets = [...demo.enterprises.flatMap((e) => [e.legalRepIdNumber, e.mobile]), ...[...demo.lenders, ...demo.regulators].map((c) => c.clientSecret)];
    for (const secret of secrets) expect(text).not.toContain(secret);
    const codes = readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).code as string);
    for (const code of codes) expect(text).not.toMatch(new RegExp(`(?<![0-9A-Za-z-])${code}(?![0-9A-Za-z])`)); // not inside ids or hex
  });
});
