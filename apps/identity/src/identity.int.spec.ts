import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { verifyAccessToken } from '@cfc/contracts';
import { contextEventsTopic, httpProviderKeyRegistry, signProviderMessage, verifyProviderMessage } from '@cfc/contracts';
import { createRootLogger, createServiceApp, ServiceTokens, type ServiceApp } from '@cfc/platform';
import { Kafka, logLevel } from 'kafkajs';
import { createTestDatabase, describeIntegration, integrationStack, serviceAuthHeaders, TEST_INTERNAL_AUTH_SECRET, type TestDatabase } from '@cfc/testing';
import type { DemoDataSet } from './domain/demo/demo-data';
import { identityService } from './identity.service';

describeIntegration('identity service: login, OAuth2, JWKS, logout on real PostgreSQL', () => {
  let db: TestDatabase;
  let service: ServiceApp;
  let base: string;
  let dataDir: string;
  let demo: DemoDataSet;
  const logs: string[] = [];
  const OPERATOR_TOKEN = 'operator-token-for-the-identity-spec-0123456789';
  const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });

  // As the gateway calls identity: a service token carrying the caller's address.
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}, clientAddress = '127.0.0.1') => {
    const form = headers['content-type']?.startsWith('application/x-www-form-urlencoded');
    const auth = await serviceAuthHeaders('identity', { clientAddress });
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth, ...headers }, body: form ? String(body) : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const getInternal = async <T>(path: string): Promise<T> => (await (await fetch(`${base}${path}`, { headers: await serviceAuthHeaders('identity') })).json()) as T;
  const smsFor = (challengeId: string): string => {
    const lines = readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    return lines.find((l) => l.challengeId === challengeId).code;
  };
  const events = async (type: string) => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(`SELECT subject, data FROM eventing.events WHERE type = $1 ORDER BY position`, [type])).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('identity');
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-identity-'));
    const env = { DATABASE_URL: db.url, KAFKA_BROKERS: integrationStack().kafkaBrokers.join(','), ...integrationStack().kafkaServiceEnv('identity'), PORT: '0', INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true', LOGIN_CHALLENGES_PER_USCC: '4', IDENTITY_OPERATOR_TOKEN: OPERATOR_TOKEN };
    service = await createServiceApp(identityService, env, createRootLogger('identity', 'debug', sink));
    await service.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(service.app.getHttpServer().address() as { port: number }).port}`;
    demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
  });

  afterAll(async () => {
    await service?.app.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes demo.json on first start in the contract shape', () => {
    expect(Object.keys(demo)).toEqual(['gateway', 'kafka', 'enterprises', 'providers', 'lenders', 'regulators']);
    expect(demo.enterprises).toHaveLength(12);
    expect(demo.providers[0].privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(demo.lenders).toHaveLength(2);
    expect(demo.regulators).toHaveLength(1);
  });

  it('names the field of a USCC with a wrong check character (400)', async () => {
    const e = demo.enterprises[0];
    const wrong = e.uscc.slice(0, 17) + (e.uscc[17] === '0' ? '1' : '0');
    const res = await post('/v1/subject/login/challenge', { uscc: wrong, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'uscc', code: 'USCC_CHECK_CHARACTER' }] });
  });

  it('answers one generic 401 whichever registry fact is wrong, and records the failure', async () => {
    const e = demo.enterprises[1];
    const other = demo.enterprises[2];
    const wrongName = await post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: '某某某', legalRepIdNumber: e.legalRepIdNumber });
    const wrongId = await post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: other.legalRepIdNumber });
    for (const res of [wrongName, wrongId]) expect(res.status).toBe(401);
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(wrongName.body)).toEqual(strip(wrongId.body));
    const failed = await events('subject.login-failed');
    expect(failed.filter((f) => f.subject === e.uscc && f.data.reason === 'IDENTITY_MISMATCH')).toHaveLength(2);
  });

  it('logs in with the SMS code once, opens the data account once, and refuses wrong and reused codes', async () => {
    const e = demo.enterprises[0];
    const ask = () => post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber });
    const first = await ask();
    expect(first.status).toBe(200);
    const { challengeId } = first.body;
    const code = smsFor(challengeId);
    const wrongCode = code === '000000' ? '111111' : '000000';
    expect(await post('/v1/subject/login', { challengeId, code: wrongCode })).toMatchObject({ status: 401, body: { code: 'LOGIN_CODE_REJECTED', reason: 'WRONG_CODE' } });
    const ok = await post('/v1/subject/login', { challengeId, code });
    expect(ok).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 900 } });
    const jwks = await getInternal<Parameters<typeof verifyAccessToken>[1]>('/internal/jwks');
    expect(verifyAccessToken(ok.body.access_token, jwks, ['cfc:subject'], new Date())).toMatchObject({ ok: true, claims: { sub: e.uscc, aud: 'cfc:subject' } });
    expect(await post('/v1/subject/login', { challengeId, code })).toMatchObject({ status: 401, body: { reason: 'ALREADY_USED' } });

    const second = await ask();
    expect((await post('/v1/subject/login', { challengeId: second.body.challengeId, code: smsFor(second.body.challengeId) })).status).toBe(200);
    expect((await events('data-account.opened')).filter((o) => o.subject === e.uscc)).toHaveLength(1);
    expect((await events('subject.logged-in')).filter((o) => o.subject === e.uscc)).toHaveLength(2);
  });

  it('lets a code work only once under concurrent submissions', async () => {
    const e = demo.enterprises[6];
    const { body } = await post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber });
    const code = smsFor(body.challengeId);
    const results = await Promise.all(Array.from({ length: 6 }, () => post('/v1/subject/login', { challengeId: body.challengeId, code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });

  it('locks a challenge after five wrong codes', async () => {
    const e = demo.enterprises[3];
    const { body } = await post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber });
    const code = smsFor(body.challengeId);
    const wrong = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 5; i++) await post('/v1/subject/login', { challengeId: body.challengeId, code: wrong });
    expect(await post('/v1/subject/login', { challengeId: body.challengeId, code })).toMatchObject({ status: 401, body: { reason: 'LOCKED' } });
  });

  it('rate-limits challenges per USCC with 429 and retry-after', async () => {
    const e = demo.enterprises[4];
    const ask = () => post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber });
    for (let i = 0; i < 4; i++) expect((await ask()).status).toBe(200);
    const limited = await ask();
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('does not let strangers lock a USCC out: mismatches count per address, not against the USCC', async () => {
    const e = demo.enterprises[7];
    const from = (address: string, name: string) => post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: name, legalRepIdNumber: e.legalRepIdNumber }, {}, address);
    for (let i = 0; i < 8; i++) expect((await from(`203.0.113.${i}`, '某某某')).status).toBe(401);
    expect((await from('198.51.100.7', e.legalRepName)).status).toBe(200);
    // One address making mismatch after mismatch is stopped (LOGIN_MISMATCHES_PER_ADDRESS, default 5).
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.200', '某某某')).status).toBe(401);
    expect(await from('203.0.113.200', '某某某')).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
  });

  it('issues client-credentials tokens to lenders (form and Basic) and regulators; wrong secrets get 401', async () => {
    const lender = demo.lenders[0];
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const viaForm = await post('/v1/oauth/token', `grant_type=client_credentials&client_id=${lender.clientId}&client_secret=${encodeURIComponent(lender.clientSecret)}`, form);
    expect(viaForm).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'lender' } });
    const basic = Buffer.from(`${demo.regulators[0].clientId}:${demo.regulators[0].clientSecret}`).toString('base64');
    const viaBasic = await post('/v1/oauth/token', 'grant_type=client_credentials', { ...form, authorization: `Basic ${basic}` });
    expect(viaBasic).toMatchObject({ status: 200, body: { scope: 'regulator' } });
    const wrong = await post('/v1/oauth/token', `grant_type=client_credentials&client_id=${lender.clientId}&client_secret=wrong`, form);
    expect(wrong).toMatchObject({ status: 401, body: { code: 'INVALID_CLIENT', error: 'invalid_client' } });
    const unknown = await post('/v1/oauth/token', { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' });
    expect(unknown.status).toBe(401);
    const asRegulator = await post('/v1/oauth/token', `grant_type=client_credentials&scope=regulator&client_id=${lender.clientId}&client_secret=${encodeURIComponent(lender.clientSecret)}`, form);
    expect(asRegulator).toMatchObject({ status: 400, body: { code: 'UNAUTHORIZED_CLIENT' } });
  });

  it('answers a malformed HTTP Basic header with 401 INVALID_CLIENT, and form-decodes + as a space', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const basic = (raw: string) => ({ ...form, authorization: `Basic ${Buffer.from(raw).toString('base64')}` });
    for (const headers of [basic('a%zz:b'), basic('L0001:%E0%A4%A'), basic('no-colon'), { ...form, authorization: 'Basic !!!' }]) {
      const res = await post('/v1/oauth/token', 'grant_type=client_credentials', headers);
      expect(res).toMatchObject({ status: 401, body: { code: 'INVALID_CLIENT', error: 'invalid_client' } });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const lender = demo.lenders[0];
    const plus = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
    expect(await post('/v1/oauth/token', 'grant_type=client_credentials', basic(`${plus(lender.clientId)}:${plus(lender.clientSecret)}`))).toMatchObject({ status: 200 });
  });

  it('serves provider keys for the inbound signature check, and revokes tokens on logout', async () => {
    const keys = await getInternal<{ keys: { institutionId: string; keyId: string; status: string }[] }>('/internal/provider-keys');
    expect(keys.keys.map((k) => `${k.institutionId}/${k.keyId}/${k.status}`).sort()).toEqual(['B0001/b0001-k1/ACTIVE', 'P0001/p0001-k1/ACTIVE']);
    const e = demo.enterprises[5];
    const { body } = await post('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber });
    const token = (await post('/v1/subject/login', { challengeId: body.challengeId, code: smsFor(body.challengeId) })).body.access_token;
    expect((await post('/v1/subject/logout', {}, { authorization: `Bearer ${token}` })).status).toBe(204);
    const revoked = await getInternal<{ revoked: { tokenId: string }[] }>('/internal/revocations');
    const jti = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).jti;
    expect(revoked.revoked.map((r) => r.tokenId)).toContain(jti);
    expect((await events('subject.logged-out')).map((r) => r.subject)).toContain(e.uscc);
    expect((await post('/v1/subject/logout', {}, { authorization: 'Bearer nonsense' })).status).toBe(401);
  });

  it('lists registered institutions by role for other services (binding checks providers there)', async () => {
    const providers = await getInternal<{ institutions: { institutionId: string; name: string; roles: string[] }[] }>('/internal/institutions?role=PROVIDER');
    expect(providers.institutions.map((i) => i.institutionId)).toEqual(['B0001', 'P0001']);
    expect(providers.institutions.every((i) => i.roles.includes('PROVIDER') && i.name.length > 0)).toBe(true);
    const all = await getInternal<{ institutions: { institutionId: string }[] }>('/internal/institutions');
    expect(all.institutions.map((i) => i.institutionId)).toEqual(expect.arrayContaining(['B0001', 'P0001', 'L0001', 'L0002', 'R0001']));
    const bad = await fetch(`${base}/internal/institutions?role=BANK`, { headers: await serviceAuthHeaders('identity') });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'role', code: 'ROLE_UNKNOWN' }] });
    expect((await fetch(`${base}/internal/institutions?role=PROVIDER`)).status).toBe(401);
  });

  it('verifies a demo provider\'s signed inbound message against identity\'s key registry', async () => {
    const registry = httpProviderKeyRegistry(base, { headers: () => serviceAuthHeaders('identity', {}, 'ingestion') });
    const [bank, payments] = demo.providers;
    const value = Buffer.from(JSON.stringify({ type: 'binding.confirmed', bindingId: 'b-1', provider: bank.institutionId }));
    const headers = signProviderMessage({ provider: bank.institutionId, keyId: bank.keyId, privateKeyPem: bank.privateKeyPem, value });
    await expect(verifyProviderMessage(headers, value, registry)).resolves.toEqual({ ok: true, provider: 'B0001', keyId: bank.keyId });
    const forged = signProviderMessage({ provider: bank.institutionId, keyId: bank.keyId, privateKeyPem: payments.privateKeyPem, value });
    await expect(verifyProviderMessage(forged, value, registry)).resolves.toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    const borrowed = signProviderMessage({ provider: bank.institutionId, keyId: payments.keyId, privateKeyPem: payments.privateKeyPem, value });
    await expect(verifyProviderMessage(borrowed, value, registry)).resolves.toMatchObject({ ok: false, reason: 'UNKNOWN_KEY' });
  });

  it('refuses the operator routes without the operator bearer token, registering and revoking nothing', async () => {
    const keys = async () => (await getInternal<{ keys: { keyId: string; status: string }[] }>('/internal/provider-keys')).keys.map((k) => `${k.keyId}/${k.status}`).sort();
    const before = await keys();
    const { publicKey } = generateKeyPairSync('ed25519');
    const body = { keyId: 'p0001-forged', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    for (const headers of <Record<string, string>[]>[{}, { authorization: 'Bearer wrong-token-of-the-same-length-0123456789xyz' }, { authorization: `Basic ${OPERATOR_TOKEN}` }]) {
      expect(await post('/internal/institutions/P0001/provider-keys', body, headers)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await post('/internal/institutions/P0001/provider-keys/p0001-k1/revoke', {}, headers)).toMatchObject({ status: 401 });
    }
    expect(await keys()).toEqual(before);
    expect(before).toContain('p0001-k1/ACTIVE');
  });

  it('rotates a provider key: both valid in between, the old one refused once revoked', async () => {
    const bank = demo.providers[0];
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const next = { keyId: 'b0001-k2', privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    const keysPath = `/internal/institutions/${bank.institutionId}/provider-keys`;
    expect(await post(keysPath, { keyId: next.keyId, publicKeyPem: next.publicKeyPem }, operator)).toMatchObject({ status: 201, body: { status: 'ACTIVE' } });
    expect(await post(keysPath, { keyId: 'bad key', publicKeyPem: 'nope' }, operator)).toMatchObject({ status: 400, body: { errors: [{ field: 'keyId' }, { field: 'publicKeyPem' }] } });
    expect(await post('/internal/institutions/L0001/provider-keys', { keyId: 'x1', publicKeyPem: next.publicKeyPem }, operator)).toMatchObject({ status: 409, body: { code: 'INSTITUTION_RULE_VIOLATED' } });
    const value = Buffer.from('{"type":"binding.confirmed","bindingId":"b-2","provider":"B0001"}');
    const signed = (k: { keyId: string; privateKeyPem: string }) => signProviderMessage({ provider: bank.institutionId, keyId: k.keyId, privateKeyPem: k.privateKeyPem, value });
    const registry = httpProviderKeyRegistry(base, { refreshMs: 0, headers: () => serviceAuthHeaders('identity', {}, 'ingestion') });
    await expect(verifyProviderMessage(signed(bank), value, registry)).resolves.toMatchObject({ ok: true });
    await expect(verifyProviderMessage(signed(next), value, registry)).resolves.toMatchObject({ ok: true });
    expect(await post(`${keysPath}/${bank.keyId}/revoke`, {}, operator)).toMatchObject({ status: 200, body: { status: 'REVOKED' } });
    await expect(verifyProviderMessage(signed(bank), value, registry)).resolves.toMatchObject({ ok: false, reason: 'REVOKED_KEY' });
    await expect(verifyProviderMessage(signed(next), value, registry)).resolves.toMatchObject({ ok: true });
    expect(await post(keysPath, { keyId: bank.keyId, publicKeyPem: bank.publicKeyPem }, operator)).toMatchObject({ status: 409 });
  });

  it('refuses calls without a valid service token for identity; a client address set by the caller is not trusted', async () => {
    for (const path of ['/internal/jwks', '/internal/revocations', '/internal/provider-keys']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'SERVICE_AUTH_REQUIRED' });
    }
    const e = demo.enterprises[8];
    const forged = await fetch(`${base}/v1/subject/login/challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cfc-client-address': '203.0.113.9' },
      body: JSON.stringify({ uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber }),
    });
    expect(forged.status).toBe(401);
    const wrongAudience = await fetch(`${base}/internal/jwks`, { headers: await serviceAuthHeaders('binding') });
    expect(await wrongAudience.json()).toMatchObject({ code: 'SERVICE_TOKEN_REJECTED', reason: 'WRONG_AUDIENCE' });
    const otherSecret = await new ServiceTokens('another-deployment-secret-0123456789abcdef', 'gateway').sign('identity');
    const forgedToken = await fetch(`${base}/internal/jwks`, { headers: { 'x-cfc-service-token': otherSecret } });
    expect(await forgedToken.json()).toMatchObject({ code: 'SERVICE_TOKEN_REJECTED', reason: 'INVALID' });
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });

  it('relays every identity event to Kafka (cfc.identity.events.v1)', async () => {
    // Reads the topic's offsets rather than consuming: the embedded broker's consumer groups are still being built.
    const stored = (await events('subject.logged-in')).length + (await events('subject.login-failed')).length + (await events('data-account.opened')).length;
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const relayed = async () => {
      const { rows } = await client.query(
        `SELECT (SELECT max(position) FROM eventing.events) AS last, (SELECT position FROM eventing.checkpoints WHERE name = $1) AS done, (SELECT count(*) FROM eventing.events) AS total`,
        [`relay:${contextEventsTopic('identity')}`],
      );
      return { last: String(rows[0].last), done: String(rows[0].done), total: Number(rows[0].total) };
    };
    const admin = new Kafka({ clientId: 'identity-spec', brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      expect(stored).toBeGreaterThan(5);
      let state = await relayed();
      for (const deadline = Date.now() + 15000; Date.now() < deadline && state.done !== state.last; await new Promise((r) => setTimeout(r, 100))) state = await relayed();
      // The relay checkpoints only after the broker acknowledged; other suites may share the topic, hence >=.
      expect(state.done).toBe(state.last);
      const published = (await admin.fetchTopicOffsets(contextEventsTopic('identity'))).reduce((n, p) => n + Number(p.high), 0);
      expect(published).toBeGreaterThanOrEqual(state.total);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/^cfc_outbox_relay_lag_seconds\{topic="cfc\.identity\.events\.v1"\} \d/m);
      expect(metrics).toMatch(/^cfc_outbox_relay_published_total\{topic="cfc\.identity\.events\.v1"\} [1-9]/m);
    } finally {
      await admin.disconnect();
      await client.end();
    }
  });

  it('never writes ID numbers, mobiles, codes, client secrets or private keys to logs or events, nor representatives\' names to the registry in clear', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const stored = JSON.stringify((await client.query(`SELECT data FROM eventing.events`)).rows);
    const registry = JSON.stringify((await client.query(`SELECT * FROM identity.registry_enterprises`)).rows);
    const codeHashes = (await client.query(`SELECT challenge_id, code_hash FROM identity.login_codes`)).rows as { challenge_id: string; code_hash: string }[];
    const ended = (await client.query(`SELECT data->>'challengeId' AS id FROM eventing.events WHERE type IN ('subject.logged-in', 'login-challenge.locked')`)).rows.map((r) => r.id as string);
    await client.end();
    const text = logs.join('');
    expect(logs.length).toBeGreaterThan(10);
    const secrets = [
      ...demo.enterprises.flatMap((e) => [e.legalRepIdNumber, e.mobile]),
      ...[...demo.lenders, ...demo.regulators].map((c) => c.clientSecret),
      ...demo.providers.map((p) => p.privateKeyPem.split('\n')[1]),
    ];
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    for (const e of demo.enterprises) for (const personal of [e.legalRepIdNumber, e.legalRepName, e.mobile]) expect(registry).not.toContain(personal);
    expect(stored).not.toContain('scrypt$'); // client secret hashes stay out of the (published) event log
    // Login code hashes stay in identity.login_codes: no relayed event carries one.
    const issued = (await events('login-challenge.issued')).map((r) => r.data);
    expect(issued.length).toBeGreaterThan(3);
    for (const data of issued) expect(Object.keys(data).sort()).toEqual(['challengeId', 'expiresAt', 'issuedAt', 'uscc']);
    expect(stored).not.toContain('codeHash');
    expect(codeHashes.length).toBeGreaterThan(0); // open challenges (e.g. the rate-limit test's) keep theirs
    for (const row of codeHashes) expect(stored).not.toContain(row.code_hash);
    expect(codeHashes.filter((row) => ended.includes(row.challenge_id))).toEqual([]); // completed or locked: hash removed
    const codes = readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).code as string);
    for (const code of codes) expect(text).not.toMatch(new RegExp(`(?<![0-9A-Za-z-])${code}(?![0-9A-Za-z])`)); // not inside ids or hex
  });
});
