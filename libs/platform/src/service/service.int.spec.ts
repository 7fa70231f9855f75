import { Body, Controller, Get, Logger, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createRootLogger } from '../logging/pino.logger';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, describeIntegration, integrationStack, serviceAuthHeaders, TEST_INTERNAL_AUTH_SECRET, type TestDatabase } from '@cfc/testing';
import { Caller, createServiceApp, MetricsSources, platformVariables, principalId, ProblemException, type ServiceApp, type ServiceCaller, type ServiceDefinition } from '..';

class CreateThingDto {
  @IsString()
  name: string;
  @IsInt()
  @Min(1)
  @Max(10)
  count: number;
}

@Controller('things')
class ThingsController {
  @Post('validated')
  validated(@Body() body: CreateThingDto): unknown {
    return { isDto: body instanceof CreateThingDto, ...body };
  }

  @Get('mine')
  mine(@Caller() caller: ServiceCaller | undefined): unknown {
    return { service: caller?.service, enterprise: principalId(caller, 'enterprise'), clientAddress: caller?.clientAddress };
  }

  @Get('forbidden')
  forbidden(): never {
    new Logger('Things').log('forbidden asked');
    throw new ProblemException(403, 'AUTHORIZATION_NOT_ACTIVE', 'Forbidden', 'the authorisation is not active');
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail');
  }

  @Post()
  create(@Body() body: unknown): unknown {
    return body;
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

class CreateThings1732406500000 implements MigrationInterface {
  name = 'CreateThings1732406500000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE things (id int PRIMARY KEY)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE things');
  }
}

const definition = (name = 'things'): ServiceDefinition => ({
  name,
  schema: platformVariables(0),
  imports: [ThingsModule],
  migrations: [CreateThings1732406500000],
});

describeIntegration('a service booted by the platform', () => {
  let db: TestDatabase;
  let service: ServiceApp;
  let base: string;
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const env = () => ({ DATABASE_URL: db.url, KAFKA_BROKERS: integrationStack().kafkaBrokers.join(','), ...integrationStack().kafkaServiceEnv('gateway'), PORT: '0', INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET });

  // Internal routes need a service token; the tests call as the gateway would.
  const authed = async (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), ...(await serviceAuthHeaders('things')) } });

  beforeAll(async () => {
    db = await createTestDatabase('platform');
    service = await createServiceApp(definition(), env(), createRootLogger('things', 'info', sink));
    await service.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(service.app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await service?.app.close();
    await db?.drop();
  });

  it('answers /healthz and /readyz with its database and Kafka up', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'alive' });
    const ready = await fetch(`${base}/readyz`);
    const body = await ready.json();
    expect({ status: ready.status, body }).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'up', kafka: 'up' } } });
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await fetch(`${base}/no/such/route?x=1`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { requestId?: string };
    expect(body).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found', instance: '/no/such/route' });
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('does not fingerprint its framework in response headers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('renders thrown problems with their stable code, and hides internal errors', async () => {
    const forbidden = await authed(`${base}/things/forbidden`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: 'AUTHORIZATION_NOT_ACTIVE', detail: 'the authorisation is not active' });
    const boom = await authed(`${base}/things/boom`);
    expect(boom.status).toBe(500);
    const text = await boom.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(text).not.toContain('secret internal detail');
  });

  it('refuses routes without a valid service token (401), and hands the verified caller to the handler', async () => {
    const bare = await fetch(`${base}/things/mine`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ code: 'SERVICE_AUTH_REQUIRED' });
    const forOther = await fetch(`${base}/things/mine`, { headers: await serviceAuthHeaders('consent') });
    expect(await forOther.json()).toMatchObject({ code: 'SERVICE_TOKEN_REJECTED', reason: 'WRONG_AUDIENCE' });
    const asLender = await fetch(`${base}/things/mine`, { headers: await serviceAuthHeaders('things', { principal: { kind: 'lender', id: 'L0001' } }) });
    expect(asLender.status).toBe(403);
    const asEnterprise = await fetch(`${base}/things/mine`, { headers: { 'x-cfc-client-address': '6.6.6.6', ...(await serviceAuthHeaders('things', { principal: { kind: 'enterprise', id: '91110000600037341L' }, clientAddress: '203.0.113.5' })) } });
    expect(await asEnterprise.json()).toEqual({ service: 'gateway', enterprise: '91110000600037341L', clientAddress: '203.0.113.5' });
  });

  it('validates DTO bodies with class-validator: 400 VALIDATION_FAILED listing each field, unknown fields refused', async () => {
    const post = (body: unknown) => authed(`${base}/things/validated`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ name: 'a', count: 3 });
    expect(await ok.json()).toEqual({ isDto: true, name: 'a', count: 3 });
    const bad = await post({ name: 7, count: 11, extra: true });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { code: string; errors: Array<{ field: string; code: string }> };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual(['count:MAX', 'extra:UNKNOWN_FIELD', 'name:IS_STRING']);
    expect((await post([1, 2])).status).toBe(400);
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const res = await fetch(`${base}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('echoes a caller x-request-id that is a UUID and logs the request with it; makes one up for anything else', async () => {
    const given = '6f1d2c3b-4a59-4e8f-9c7d-0123456789ab';
    const res = await authed(`${base}/healthz/../things/forbidden`, { headers: { 'x-request-id': given } });
    expect(res.headers.get('x-request-id')).toBe(given);
    expect(lines.some((l) => (l.req as { id?: string } | undefined)?.id === given && l.service === 'things')).toBe(true);
    const asked = lines.filter((l) => l.msg === 'forbidden asked').map((l) => l.correlationId);
    expect(asked).toContain(given); // logs inside the handler carry the request's correlation id
    expect(asked.every((id) => typeof id === 'string')).toBe(true);
    // Free text would become the correlation id of the events the request causes: replaced.
    for (const chosen of ['corr-42', 'bad id with spaces', 'x'.repeat(36), `${given}0`, 'urn:uuid:6f1d2c3b-4a59-4e8f-9c7d-0123456789ab']) {
      const fresh = await fetch(`${base}/healthz`, { headers: { 'x-request-id': chosen } });
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('refuses JSON nested deeper than the platform bound with a 400 problem naming it, in every service', async () => {
    const post = (body: string) => authed(`${base}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const deep = await post('{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    expect(deep.status).toBe(400);
    expect(deep.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await deep.json()).toMatchObject({ code: 'JSON_TOO_DEEP', maxDepth: 32, detail: expect.stringContaining('32 levels') });
    const fine = await post(JSON.stringify({ a: JSON.parse('['.repeat(31) + ']'.repeat(31)), text: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' }));
    expect(fine.status).toBe(201);
    expect(await post(JSON.stringify({ pad: 'x'.repeat(101 * 1024) }))).toMatchObject({ status: 413 });
  });

  it('ran its migrations once, the service-info one first', async () => {
    const { dataSource } = { dataSource: service.app.get((await import('typeorm')).DataSource) };
    const applied = (await dataSource.query('SELECT name FROM migrations ORDER BY id')).map((r: { name: string }) => r.name);
    expect(applied).toEqual(['ServiceInfo1732406400000', 'CreateThings1732406500000']);
    expect(await dataSource.query('SELECT service FROM service_info')).toEqual([{ service: 'things' }]);
    const again = await createServiceApp(definition(), env(), pino({ level: 'silent' }));
    await again.app.init();
    await again.app.close();
    expect((await dataSource.query('SELECT count(*)::int AS n FROM migrations'))[0].n).toBe(2);
  });

  it("refuses to start on another service's database, naming DATABASE_URL", async () => {
    const wrong = createServiceApp(definition('other'), env(), pino({ level: 'silent' })).then((s) => s.app.init());
    await expect(wrong).rejects.toThrow(/DATABASE_URL points at the database of things, not other/);
  });

  it('exposes Prometheus metrics: process, HTTP by route template, and registered sources', async () => {
    service.app.get(MetricsSources).register('things', () => 'things_made_total 3');
    await authed(`${base}/things/forbidden`);
    await fetch(`${base}/nowhere/42`);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^cfc_service_info\{service="things",node="v\d+[^"]*"\} 1$/m);
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/things\/forbidden",status="403"\} \d+$/m);
    expect(text).toMatch(/^http_requests_total\{method="GET",route="unmatched",status="404"\} \d+$/m);
    expect(text).toContain('things_made_total 3');
  });
});
