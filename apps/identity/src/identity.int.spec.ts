import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAccessToken } from '@cfc/contracts';
import { contextEventsTopic, httpProviderKeyRegistry, signProviderMessage, verifyProviderMessage } from '@cfc/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { ServiceTokens } from '@cfc/contracts';
import { createTestDatabase, describeIntegration, integrationStack, serviceAuthHeaders, type TestDatabase } from '@cfc/testing';
import { startIdentity, type IdentityTestApp } from './testing/identity.test-app';

// Each test uses demo enterprises and client addresses (x-cfc-client-address) of its own, so that no
// test depends on what another wrote, and any one can run alone (jest -t).
describeIntegration('identity service: login, OAuth2, JWKS, logout on real PostgreSQL', () => {
  let db: TestDatabase;
  let identity: IdentityTestApp;
  const OPERATOR_TOKEN = 'operator-token-for-the-identity-spec-0123456789';
  const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const login = async (index: number, address: string) => {
    const { body } = await identity.challenge(index, address);
    return identity.post('/v1/subject/login', { challengeId: body.challengeId, code: identity.smsFor(body.challengeId) }, { 'x-cfc-client-address': address });
  };
  const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000');

  beforeAll(async () => {
    db = await createTestDatabase('identity');
    identity = await startIdentity(db.url, integrationStack().kafkaBrokers, { ...integrationStack().kafkaServiceEnv('identity'), LOGIN_CHALLENGES_PER_USCC: '4', IDENTITY_OPERATOR_TOKEN: OPERATOR_TOKEN });
  });

  afterAll(async () => {
    await identity?.close();
    await db?.drop();
  });

  it('writes demo.json on first start in the contract shape', () => {
    const { demo } = identity;
    expect(Object.keys(demo)).toEqual(['gateway', 'kafka', 'enterprises', 'providers', 'lenders', 'regulators']);
    expect(demo.enterprises).toHaveLength(12);
    expect(demo.providers[0].privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(demo.lenders).toHaveLength(2);
    expect(demo.regulators).toHaveLength(1);
  });

  it('names the field of a USCC with a wrong check character (400)', async () => {
    const e = identity.demo.enterprises[0];
    const wrong = e.uscc.slice(0, 17) + (e.uscc[17] === '0' ? '1' : '0');
    const res = await identity.post('/v1/subject/login/challenge', { uscc: wrong, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber }, { 'x-cfc-client-address': '192.0.2.1' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'uscc', code: 'USCC_CHECK_CHARACTER' }] });
  });

  it('answers one generic 401 whichever registry fact is wrong, and records the failure', async () => {
    const other = identity.demo.enterprises[2];
    const wrongName = await identity.challenge(1, '192.0.2.2', { legalRepName: '某某某' });
    const wrongId = await identity.challenge(1, '192.0.2.2', { legalRepIdNumber: other.legalRepIdNumber });
    for (const res of [wrongName, wrongId]) expect(res.status).toBe(401);
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(wrongName.body)).toEqual(strip(wrongId.body));
    const failed = await identity.events('subject.login-failed');
    expect(failed.filter((f) => f.subject === identity.demo.enterprises[1].uscc && f.data.reason === 'IDENTITY_MISMATCH')).toHaveLength(2);
  });

  it('logs in with the SMS code once, opens the data account once, and refuses wrong and reused codes', async () => {
    const e = identity.demo.enterprises[0];
    const from = { 'x-cfc-client-address': '192.0.2.3' };
    const first = await identity.challenge(0, '192.0.2.3');
    expect(first.status).toBe(200);
    const { challengeId } = first.body;
    const code = identity.smsFor(challengeId);
    expect(await identity.post('/v1/subject/login', { challengeId, code: wrongCode(code) }, from)).toMatchObject({ status: 401, body: { code: 'LOGIN_CODE_REJECTED', reason: 'WRONG_CODE' } });
    const ok = await identity.post('/v1/subject/login', { challengeId, code }, from);
    expect(ok).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 900 } });
    const jwks = (await identity.get('/internal/jwks')).body as Parameters<typeof verifyAccessToken>[1];
    expect(verifyAccessToken(ok.body.access_token, jwks, ['cfc:subject'], new Date())).toMatchObject({ ok: true, claims: { sub: e.uscc, aud: 'cfc:subject' } });
    expect(await identity.post('/v1/subject/login', { challengeId, code }, from)).toMatchObject({ status: 401, body: { reason: 'ALREADY_USED' } });

    expect((await login(0, '192.0.2.3')).status).toBe(200);
    expect((await identity.events('data-account.opened')).filter((o) => o.subject === e.uscc)).toHaveLength(1);
    expect((await identity.events('subject.logged-in')).filter((o) => o.subject === e.uscc)).toHaveLength(2);
  });

  it('answers UNKNOWN_CHALLENGE for a challenge id nobody was given, and 400 for one that is not an id', async () => {
    const unknown = await identity.post('/v1/subject/login', { challengeId: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7', code: '123456' }, { 'x-cfc-client-address': '192.0.2.4' });
    expect(unknown).toMatchObject({ status: 401, body: { code: 'LOGIN_CODE_REJECTED', reason: 'UNKNOWN_CHALLENGE' } });
    const notAnId = await identity.post('/v1/subject/login', { challengeId: 'login-challenge-x', code: '123456' });
    expect(notAnId).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'challengeId' }] } });
  });

  it('lets a code work only once under concurrent submissions', async () => {
    const { body } = await identity.challenge(6, '192.0.2.6');
    const code = identity.smsFor(body.challengeId);
    const results = await Promise.all(Array.from({ length: 6 }, () => identity.post('/v1/subject/login', { challengeId: body.challengeId, code }, { 'x-cfc-client-address': '192.0.2.6' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
    expect(results.filter((r) => r.status === 401).map((r) => r.body.reason)).toEqual(Array(5).fill('ALREADY_USED'));
  });

  it('locks a challenge after five wrong codes from its requester', async () => {
    const from = { 'x-cfc-client-address': '192.0.2.7' };
    const { body } = await identity.challenge(3, '192.0.2.7');
    const code = identity.smsFor(body.challengeId);
    for (let i = 0; i < 5; i++) expect((await identity.post('/v1/subject/login', { challengeId: body.challengeId, code: wrongCode(code) }, from)).body.reason).toBe('WRONG_CODE');
    expect(await identity.post('/v1/subject/login', { challengeId: body.challengeId, code }, from)).toMatchObject({ status: 401, body: { reason: 'LOCKED' } });
  });

  it('rate-limits challenges per USCC with 429 and retry-after', async () => {
    for (let i = 0; i < 4; i++) expect((await identity.challenge(4, `192.0.2.${10 + i}`)).status).toBe(200);
    const limited = await identity.challenge(4, '192.0.2.14');
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('does not let strangers lock a USCC out: mismatches count per address, not against the USCC', async () => {
    for (let i = 0; i < 8; i++) expect((await identity.challenge(7, `203.0.113.${i}`, { legalRepName: '某某某' })).status).toBe(401);
    expect((await identity.challenge(7, '198.51.100.7')).status).toBe(200);
    // One address making mismatch after mismatch is stopped (LOGIN_MISMATCHES_PER_ADDRESS, default 5).
    for (let i = 0; i < 5; i++) expect((await identity.challenge(7, '203.0.113.200', { legalRepName: '某某某' })).status).toBe(401);
    expect(await identity.challenge(7, '203.0.113.200', { legalRepName: '某某某' })).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
  });

  it('issues client-credentials tokens to lenders (form and Basic) and regulators; wrong secrets get 401', async () => {
    const { lenders, regulators } = identity.demo;
    const lender = lenders[0];
    const viaForm = await identity.post('/v1/oauth/token', `grant_type=client_credentials&client_id=${lender.clientId}&client_secret=${encodeURIComponent(lender.clientSecret)}`, form);
    expect(viaForm).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'lender' } });
    const basic = Buffer.from(`${regulators[0].clientId}:${regulators[0].clientSecret}`).toString('base64');
    expect(await identity.post('/v1/oauth/token', 'grant_type=client_credentials', { ...form, authorization: `Basic ${basic}` })).toMatchObject({ status: 200, body: { scope: 'regulator' } });
    const wrong = await identity.post('/v1/oauth/token', `grant_type=client_credentials&client_id=${lender.clientId}&client_secret=wrong`, form);
    expect(wrong).toMatchObject({ status: 401, body: { code: 'INVALID_CLIENT', error: 'invalid_client' } });
    expect((await identity.post('/v1/oauth/token', { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' })).status).toBe(401);
    const asRegulator = await identity.post('/v1/oauth/token', `grant_type=client_credentials&scope=regulator&client_id=${lender.clientId}&client_secret=${encodeURIComponent(lender.clientSecret)}`, form);
    expect(asRegulator).toMatchObject({ status: 400, body: { code: 'UNAUTHORIZED_CLIENT' } });
  });

  it('refuses other grant types (UNSUPPORTED_GRANT_TYPE) and unknown scopes (INVALID_SCOPE) with their OAuth2 error names', async () => {
    const lender = identity.demo.lenders[0];
    const secret = encodeURIComponent(lender.clientSecret);
    for (const grant of ['password', 'authorization_code', '']) {
      const res = await identity.post('/v1/oauth/token', `grant_type=${grant}&client_id=${lender.clientId}&client_secret=${secret}`, form);
      expect(res).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED_GRANT_TYPE', error: 'unsupported_grant_type' } });
    }
    expect(await identity.post('/v1/oauth/token', { client_id: lender.clientId, client_secret: lender.clientSecret })).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED_GRANT_TYPE' } });
    const scoped = await identity.post('/v1/oauth/token', `grant_type=client_credentials&scope=admin&client_id=${lender.clientId}&client_secret=${secret}`, form);
    expect(scoped).toMatchObject({ status: 400, body: { code: 'INVALID_SCOPE', error: 'invalid_scope' } });
    expect(scoped.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers a malformed HTTP Basic header with 401 INVALID_CLIENT, and form-decodes + as a space', async () => {
    const basic = (raw: string) => ({ ...form, authorization: `Basic ${Buffer.from(raw).toString('base64')}` });
    for (const headers of [basic('a%zz:b'), basic('L0001:%E0%A4%A'), basic('no-colon'), { ...form, authorization: 'Basic !!!' }]) {
      const res = await identity.post('/v1/oauth/token', 'grant_type=client_credentials', headers);
      expect(res).toMatchObject({ status: 401, body: { code: 'INVALID_CLIENT', error: 'invalid_client' } });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const lender = identity.demo.lenders[0];
    const plus = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
    expect(await identity.post('/v1/oauth/token', 'grant_type=client_credentials', basic(`${plus(lender.clientId)}:${plus(lender.clientSecret)}`))).toMatchObject({ status: 200 });
  });

  it('serves provider keys for the inbound signature check, and revokes tokens on logout, once however often it is asked', async () => {
    const keys = (await identity.get('/internal/provider-keys')).body as { keys: { institutionId: string; keyId: string; status: string }[] };
    expect(keys.keys.map((k) => `${k.institutionId}/${k.keyId}`).sort()).toEqual(expect.arrayContaining(['B0001/b0001-k1', 'P0001/p0001-k1']));
    const e = identity.demo.enterprises[5];
    const token = (await login(5, '192.0.2.20')).body.access_token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await identity.post('/v1/subject/logout', {}, bearer)).status).toBe(204);
    expect((await identity.post('/v1/subject/logout', {}, bearer)).status).toBe(204); // repeated: still logged out, no second event
    const revoked = (await identity.get('/internal/revocations')).body as { revoked: { tokenId: string }[] };
    const jti = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).jti;
    expect(revoked.revoked.filter((r) => r.tokenId === jti)).toHaveLength(1);
    expect((await identity.events('subject.logged-out')).filter((r) => r.subject === e.uscc)).toHaveLength(1);
    expect(await identity.post('/v1/subject/logout', {}, { authorization: 'Bearer nonsense' })).toMatchObject({ status: 401, body: { code: 'INVALID_TOKEN' } });
    expect((await identity.post('/v1/subject/logout', {})).status).toBe(401);
  });

  it('verifies a demo provider\'s signed inbound message against identity\'s key registry', async () => {
    const registry = httpProviderKeyRegistry(identity.base, { headers: () => serviceAuthHeaders('identity', {}, 'ingestion') });
    const [bank, payments] = identity.demo.providers;
    const value = Buffer.from(JSON.stringify({ type: 'binding.confirmed', bindingId: 'b-1', provider: bank.institutionId }));
    const headers = signProviderMessage({ provider: bank.institutionId, keyId: bank.keyId, privateKeyPem: bank.privateKeyPem, value });
    await expect(verifyProviderMessage(headers, value, registry)).resolves.toEqual({ ok: true, provider: 'B0001', keyId: bank.keyId });
    const forged = signProviderMessage({ provider: bank.institutionId, keyId: bank.keyId, privateKeyPem: payments.privateKeyPem, value });
    await expect(verifyProviderMessage(forged, value, registry)).resolves.toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    const borrowed = signProviderMessage({ provider: bank.institutionId, keyId: payments.keyId, privateKeyPem: payments.privateKeyPem, value });
    await expect(verifyProviderMessage(borrowed, value, registry)).resolves.toMatchObject({ ok: false, reason: 'UNKNOWN_KEY' });
  });

  it('refuses the operator routes without the operator bearer token, registering and revoking nothing', async () => {
    const keys = async () => ((await identity.get('/internal/provider-keys')).body as { keys: { keyId: string; status: string }[] }).keys.map((k) => `${k.keyId}/${k.status}`).sort();
    const before = await keys();
    const { publicKey } = generateKeyPairSync('ed25519');
    const body = { keyId: 'p0001-forged', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    for (const headers of <Record<string, string>[]>[{}, { authorization: 'Bearer wrong-token-of-the-same-length-0123456789xyz' }, { authorization: `Basic ${OPERATOR_TOKEN}` }]) {
      expect(await identity.post('/internal/institutions/P0001/provider-keys', body, headers)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await identity.post('/internal/institutions/P0001/provider-keys/p0001-k1/revoke', {}, headers)).toMatchObject({ status: 401 });
    }
    expect(await keys()).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((k) => k.startsWith('p0001-forged'))).toEqual([]);
  });

  it('rotates a provider key: both valid in between, the old one refused once revoked', async () => {
    const bank = identity.demo.providers[1]; // the payment institution: the signature test above keeps the bank's key
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const next = { keyId: 'p0001-k2', privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    const keysPath = `/internal/institutions/${bank.institutionId}/provider-keys`;
    expect(await identity.post(keysPath, { keyId: next.keyId, publicKeyPem: next.publicKeyPem }, operator)).toMatchObject({ status: 201, body: { status: 'ACTIVE' } });
    expect(await identity.post(keysPath, { keyId: 'bad key', publicKeyPem: 'nope' }, operator)).toMatchObject({ status: 400, body: { errors: [{ field: 'keyId' }, { field: 'publicKeyPem' }] } });
    expect(await identity.post('/internal/institutions/L0001/provider-keys', { keyId: 'x1', publicKeyPem: next.publicKeyPem }, operator)).toMatchObject({ status: 409, body: { code: 'INSTITUTION_RULE_VIOLATED' } });
    const value = Buffer.from('{"type":"binding.confirmed","bindingId":"b-2","provider":"P0001"}');
    const signed = (k: { keyId: string; privateKeyPem: string }) => signProviderMessage({ provider: bank.institutionId, keyId: k.keyId, privateKeyPem: k.privateKeyPem, value });
    const registry = httpProviderKeyRegistry(identity.base, { refreshMs: 0, headers: () => serviceAuthHeaders('identity', {}, 'ingestion') });
    await expect(verifyProviderMessage(signed(bank), value, registry)).resolves.toMatchObject({ ok: true });
    await expect(verifyProviderMessage(signed(next), value, registry)).resolves.toMatchObject({ ok: true });
    expect(await identity.post(`${keysPath}/${bank.keyId}/revoke`, {}, operator)).toMatchObject({ status: 200, body: { status: 'REVOKED' } });
    await expect(verifyProviderMessage(signed(bank), value, registry)).resolves.toMatchObject({ ok: false, reason: 'REVOKED_KEY' });
    await expect(verifyProviderMessage(signed(next), value, registry)).resolves.toMatchObject({ ok: true });
    expect(await identity.post(keysPath, { keyId: bank.keyId, publicKeyPem: bank.publicKeyPem }, operator)).toMatchObject({ status: 409 });
  });

  it('refuses calls without a valid service token for identity; a client address set by the caller is not trusted', async () => {
    for (const path of ['/internal/jwks', '/internal/revocations', '/internal/provider-keys']) {
      const res = await fetch(`${identity.base}${path}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'SERVICE_AUTH_REQUIRED' });
    }
    const e = identity.demo.enterprises[9];
    const forged = await fetch(`${identity.base}/v1/subject/login/challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cfc-client-address': '203.0.113.9' },
      body: JSON.stringify({ uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber }),
    });
    expect(forged.status).toBe(401);
    const wrongAudience = await fetch(`${identity.base}/internal/jwks`, { headers: await serviceAuthHeaders('binding') });
    expect(await wrongAudience.json()).toMatchObject({ code: 'SERVICE_TOKEN_REJECTED', reason: 'WRONG_AUDIENCE' });
    const otherSecret = await new ServiceTokens('another-deployment-secret-0123456789abcdef', 'gateway').sign('identity');
    const forgedToken = await fetch(`${identity.base}/internal/jwks`, { headers: { 'x-cfc-service-token': otherSecret } });
    expect(await forgedToken.json()).toMatchObject({ code: 'SERVICE_TOKEN_REJECTED', reason: 'INVALID' });
    expect((await fetch(`${identity.base}/metrics`)).status).toBe(200);
  });

  it('relays identity events to Kafka (cfc.identity.events.v1) and reports it on /metrics', async () => {
    expect((await login(8, '192.0.2.30')).status).toBe(200);
    const topic = contextEventsTopic('identity');
    const relayed = async () => {
      const [row] = await identity.sql<{ last: string; done: string | null; total: string }>(
        `SELECT (SELECT max(position) FROM eventing.events) AS last, (SELECT position FROM eventing.checkpoints WHERE name = $1) AS done, (SELECT count(*) FROM eventing.events) AS total`,
        [`relay:${topic}`],
      );
      return { last: String(row.last), done: String(row.done), total: Number(row.total) };
    };
    let state = await relayed();
    for (const deadline = Date.now() + 15000; Date.now() < deadline && state.done !== state.last; await new Promise((r) => setTimeout(r, 100))) state = await relayed();
    // The relay checkpoints only after the broker acknowledged.
    expect(state.done).toBe(state.last);
    const admin = new Kafka({ clientId: 'identity-spec', brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      // Other suites publish to the same topic, hence >=.
      const published = (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
      expect(published).toBeGreaterThanOrEqual(state.total);
    } finally {
      await admin.disconnect();
    }
    let metrics = '';
    for (const deadline = Date.now() + 5000; Date.now() < deadline && !/_published_total\{[^}]*\} [1-9]/.test(metrics); await new Promise((r) => setTimeout(r, 100))) {
      metrics = (await (await fetch(`${identity.base}/metrics`)).text());
    }
    expect(metrics).toMatch(/^cfc_outbox_relay_lag_seconds\{topic="cfc\.identity\.events\.v1"\} \d/m);
    expect(metrics).toMatch(/^cfc_outbox_relay_published_total\{topic="cfc\.identity\.events\.v1"\} [1-9]/m);
  });

  it('never writes ID numbers, mobiles, codes, client secrets or private keys to logs or events, nor representatives\' names to the registry in clear', async () => {
    // This test's own traffic: a mismatch, a wrong code, a login, a lock, a token and a logout.
    const from = { 'x-cfc-client-address': '192.0.2.40' };
    expect((await identity.challenge(9, '192.0.2.40', { legalRepName: '某某某' })).status).toBe(401);
    const open = (await identity.challenge(9, '192.0.2.40')).body.challengeId as string;
    expect((await identity.post('/v1/subject/login', { challengeId: open, code: wrongCode(identity.smsFor(open)) }, from)).status).toBe(401);
    const token = (await login(9, '192.0.2.40')).body.access_token as string;
    const locked = (await identity.challenge(10, '192.0.2.40')).body.challengeId as string;
    for (let i = 0; i < 5; i++) await identity.post('/v1/subject/login', { challengeId: locked, code: wrongCode(identity.smsFor(locked)) }, from);
    const lender = identity.demo.lenders[1];
    expect((await identity.post('/v1/oauth/token', `grant_type=client_credentials&client_id=${lender.clientId}&client_secret=${encodeURIComponent(lender.clientSecret)}`, form)).status).toBe(200);
    expect((await identity.post('/v1/subject/logout', {}, { authorization: `Bearer ${token}` })).status).toBe(204);

    const { demo } = identity;
    const stored = JSON.stringify(await identity.sql(`SELECT data FROM eventing.events`));
    const registry = JSON.stringify(await identity.sql(`SELECT * FROM identity.registry_enterprises`));
    const codeRows = await identity.sql<{ challenge_ref: string; code_hash: string }>(`SELECT challenge_ref, code_hash FROM identity.login_challenge_codes`);
    const ended = (await identity.sql<{ ref: string }>(`SELECT data->>'challengeRef' AS ref FROM eventing.events WHERE type IN ('subject.logged-in', 'login-challenge.locked')`)).map((r) => r.ref);
    const text = identity.logs.join('');
    expect(text).toContain('/v1/subject/login');
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
    // Login code hashes stay in identity.login_challenge_codes: no event carries one, nor a challenge id.
    for (const data of (await identity.events('login-challenge.issued')).map((r) => r.data)) expect(Object.keys(data).sort()).toEqual(['challengeRef', 'expiresAt', 'issuedAt', 'uscc']);
    expect(stored).not.toContain('codeHash');
    expect(stored).not.toContain(open);
    expect(stored).not.toContain(locked);
    expect(codeRows.length).toBeGreaterThan(0); // the challenge left open above keeps its hash
    for (const row of codeRows) expect(stored).not.toContain(row.code_hash);
    expect(codeRows.filter((row) => ended.includes(row.challenge_ref))).toEqual([]); // completed or locked: hash removed
    const codes = readFileSync(join(identity.dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).code as string);
    for (const code of codes) expect(text).not.toMatch(new RegExp(`(?<![0-9A-Za-z-])${code}(?![0-9A-Za-z])`)); // not inside ids or hex
  });
});
