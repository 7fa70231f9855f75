import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createRootLogger, createServiceApp, type ServiceApp } from '@cfc/platform';
import { createTestDatabase, describeIntegration, integrationStack, TEST_INTERNAL_AUTH_SECRET, type TestDatabase } from '@cfc/testing';
// The real identity (tokens) and gateway run in-process in front of the audit (test-only cross-app imports,
// as in apps/gateway's front-door suite).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { identityService } from '../../identity/src/identity.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DemoDataSet } from '../../identity/src/domain/demo/demo-data';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { gatewayService } from '../../gateway/src/gateway.service';
import { envelope } from './testing/event-samples';
import { startAuditStack, type AuditStack, type Json } from './testing/audit.stack';
import { inclusionHolds, jcs, leafOf, openCheckpointNote } from './testing/independent-verifier';

describeIntegration('the audit routes through the gateway: regulators, enterprises, and nobody else', () => {
  let identityDb: TestDatabase;
  let gatewayDb: TestDatabase;
  let identity: ServiceApp;
  let gateway: ServiceApp;
  let audit: AuditStack;
  let dataDir: string;
  let demo: DemoDataSet;
  let base: string;
  const tokens: Record<'enterprise' | 'regulator' | 'lender', string> = { enterprise: '', regulator: '', lender: '' };
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const url = (app: ServiceApp) => `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;
  const post = async (path: string, body: unknown, form = false) =>
    (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }, body: form ? String(body) : JSON.stringify(body) })).json() as Promise<Json>;
  const get = async (path: string, as: keyof typeof tokens, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tokens[as]}`, ...headers } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
  };

  beforeAll(async () => {
    [identityDb, gatewayDb] = await Promise.all([createTestDatabase('identity'), createTestDatabase('gateway')]);
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-audit-gateway-'));
    const { kafkaBrokers, kafkaServiceEnv } = integrationStack();
    const env = { KAFKA_BROKERS: kafkaBrokers.join(','), INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, LOG_LEVEL: 'warn' };
    identity = await createServiceApp(identityService, { ...env, ...kafkaServiceEnv('identity'), DATABASE_URL: identityDb.url, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true' }, createRootLogger('identity', 'warn', sink));
    await identity.app.listen(0, '127.0.0.1');
    demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    audit = await startAuditStack();
    gateway = await createServiceApp(gatewayService, { ...env, ...kafkaServiceEnv('gateway'), DATABASE_URL: gatewayDb.url, IDENTITY_URL: url(identity), AUDIT_URL: audit.url }, createRootLogger('gateway', 'warn', sink));
    await gateway.app.listen(0, '127.0.0.1');
    base = url(gateway);
    const e = demo.enterprises[0];
    const { challengeId } = await post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber });
    const code = readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.challengeId === challengeId).code;
    tokens.enterprise = (await post('/v1/subject/login', { challengeId, code })).access_token;
    const client = (c: { clientId: string; clientSecret: string }) => post('/v1/oauth/token', `grant_type=client_credentials&client_id=${c.clientId}&client_secret=${encodeURIComponent(c.clientSecret)}`, true);
    tokens.regulator = (await client(demo.regulators[0])).access_token;
    tokens.lender = (await client(demo.lenders[0])).access_token;
    await audit.publishInOrder([
      ['binding', envelope('binding.requested', { subject: e.uscc })],
      ['consent', envelope('authorization.requested', { subject: e.uscc })],
      ['consent', envelope('authorization.granted', { subject: e.uscc })],
    ]);
    await audit.untilPublished(3);
  }, 180_000); // databases, migrations, Kafka logins and consumer groups: slow on a loaded 2-core machine
  afterAll(async () => {
    await gateway?.app.close();
    await audit?.stop();
    await identity?.app.close();
    await Promise.all([identityDb?.drop(), gatewayDb?.drop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts the audit among the services its /readyz checks, up once the audit serves', async () => {
    const readyz = (await (await fetch(`${base}/readyz`)).json()) as { checks: Record<string, string> };
    expect(readyz.checks).toMatchObject({ audit: 'up', identity: 'up' });
  });

  it('serves the regulator the log, its keys, the signed note and the tiles (splat path) as the audit does', async () => {
    const keys = JSON.parse((await get('/v1/regulator/audit/keys', 'regulator')).text);
    const key = Buffer.from(keys.keys[0].jwk.x, 'base64url');
    const note = await get('/v1/regulator/audit/tlog/checkpoint', 'regulator');
    expect(note.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(openCheckpointNote(note.text, keys.origin, key)).toMatchObject({ treeSize: 3 });
    const entries = await get('/v1/regulator/audit/entries?from=0', 'regulator');
    expect(entries.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = entries.text.trim().split('\n');
    expect(lines).toHaveLength(3);
    const tile = await get('/v1/regulator/audit/tlog/tile/0/000.p/3', 'regulator');
    expect(tile.status).toBe(200);
    expect(tile.headers.get('cache-control')).toBe('public, max-age=3600');
    expect([0, 1, 2].map((i) => tile.bytes.subarray(i * 32, i * 32 + 32).toString('hex'))).toEqual(lines.map((l) => leafOf(Buffer.from(l)).toString('hex')));
    expect((await get('/v1/regulator/audit/tlog/tile/0/000.p/3/../../keys', 'regulator')).status).toBe(404);
    const proof = JSON.parse((await get('/v1/regulator/audit/proofs/inclusion?seq=1', 'regulator')).text);
    expect(proof).toMatchObject({ seq: 1, treeSize: 3 });
  });

  it("gives the enterprise its own record and tlog-proof text, and keeps others' routes closed", async () => {
    const record = JSON.parse((await get('/v1/subject/activity', 'enterprise')).text);
    expect(record.items.map((i: Json) => i.type)).toEqual(['authorization.granted', 'authorization.requested', 'binding.requested']);
    const item = record.items[0];
    const text = (await get(`/v1/subject/activity/${item.seq}/proof`, 'enterprise', { accept: 'text/plain' })).text;
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['c2sp.org/tlog-proof@v1', `index ${item.seq}`]);
    const blank = lines.indexOf('', 2);
    const keys = JSON.parse((await get('/v1/regulator/audit/keys', 'regulator')).text);
    const opened = openCheckpointNote(lines.slice(blank + 1).join('\n'), keys.origin, Buffer.from(keys.keys[0].jwk.x, 'base64url'));
    if (typeof opened === 'string') throw new Error(opened);
    expect(inclusionHolds(item.seq, opened.treeSize, leafOf(Buffer.from(jcs(item.entry))), lines.slice(2, blank).map((h) => Buffer.from(h, 'base64')), Buffer.from(opened.rootHash, 'base64'))).toBe(true);
    expect((await get('/v1/regulator/audit/keys', 'enterprise')).status).toBe(403);
    expect((await get('/v1/regulator/audit/keys', 'lender')).status).toBe(403);
    expect((await get('/v1/subject/activity', 'lender')).status).toBe(403);
    expect((await fetch(`${base}/v1/regulator/audit/checkpoint`)).status).toBe(401);
    expect((await get(`/v1/regulator/subjects/${demo.enterprises[0].uscc}/activity?asOf=2000-01-01T00:00:00Z`, 'regulator')).text).toContain('"items":[]');
  });
});
