import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePortRange } from '@cfc/testing';

// Issue 5's journey through the public contract only: `npm start` (embedded PostgreSQL and broker),
// then HTTP against the gateway, the SMS outbox file, .data/demo.json and the Kafka topic.
const launcher = join(__dirname, '..', 'tools', 'launcher', 'dist', 'main.js');

interface Demo {
  enterprises: { uscc: string; legalRepName: string; legalRepIdNumber: string; mobile: string }[];
  lenders: { clientId: string; clientSecret: string }[];
  regulators: { clientId: string; clientSecret: string }[];
}

describe('issue 5 journey: enterprise login, institution tokens, roles, audit events (embedded stack)', () => {
  let child: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  let dataDir: string;
  let gateway: string;
  let kafkaPort: number;
  let demo: Demo;

  const call = async (path: string, init: { body?: unknown; token?: string; form?: boolean } = {}) => {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = init.form ? 'application/x-www-form-urlencoded' : 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(`${gateway}${path}`, { method: init.body === undefined ? 'GET' : 'POST', headers, body: init.body === undefined ? undefined : init.form ? String(init.body) : JSON.stringify(init.body) });
    const text = await res.text();
    return { status: res.status, requestId: res.headers.get('x-request-id'), type: res.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const smsCode = (challengeId: string) =>
    readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.challengeId === challengeId)?.code as string;
  const clientToken = (c: { clientId: string; clientSecret: string }) =>
    call('/v1/oauth/token', { form: true, body: `grant_type=client_credentials&client_id=${encodeURIComponent(c.clientId)}&client_secret=${encodeURIComponent(c.clientSecret)}` });
  const identityEventsOnKafka = async () => {
    // The embedded broker runs SASL and ACLs: log in as the launcher's admin.
    const { admin: login } = JSON.parse(readFileSync(join(dataDir, 'kafka-secrets.json'), 'utf8')) as { admin: { username: string; password: string } };
    const admin = new Kafka({ clientId: 'e2e', brokers: [`127.0.0.1:${kafkaPort}`], sasl: { mechanism: 'scram-sha-256', ...login }, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets('cfc.identity.events.v1')).reduce((n, p) => n + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    if (!existsSync(launcher)) throw new Error(`${launcher} is missing: run \`npm run build\` first`);
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-e2e-identity-'));
    // Nine ports checked free together, below the ephemeral range (libs/testing free-port.ts): gateway,
    // the six internal services, PostgreSQL, the broker.
    const first = await freePortRange(9);
    const [gatewayPort, base, pgPort] = [first, first + 1, first + 7];
    kafkaPort = first + 8;
    gateway = `http://127.0.0.1:${gatewayPort}`;
    child = spawn(process.execPath, [launcher], {
      env: { ...process.env, DATABASE_URL: '', KAFKA_BROKERS: '', CFC_DATA_DIR: dataDir, CFC_LOG_FORMAT: 'json', CFC_GATEWAY_PORT: String(gatewayPort), CFC_SERVICE_PORT_BASE: String(base), CFC_PG_PORT: String(pgPort), CFC_KAFKA_PORT: String(kafkaPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    exited = new Promise((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 110_000;
    while (!output.includes('CFC is ready')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the platform did not start:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('a USCC with a wrong check character gets 400 naming the field', async () => {
    const e = demo.enterprises[0];
    const uscc = e.uscc.slice(0, 17) + (e.uscc[17] === '1' ? '2' : '1');
    const res = await call('/v1/subject/login/challenge', { body: { uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'uscc' }] } });
    expect(res.type).toContain('application/problem+json');
    expect(res.requestId).toBeTruthy();
  });

  it('a demo enterprise logs in with its code from the SMS outbox; wrong and reused codes get 401; the events reach Kafka', async () => {
    const before = await identityEventsOnKafka();
    const e = demo.enterprises[0];
    const challenge = await call('/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
    expect(challenge.status).toBe(200);
    const challengeId = challenge.body.challengeId as string;
    const code = smsCode(challengeId);
    expect(code).toMatch(/^\d{6}$/);
    expect(await call('/v1/subject/login', { body: { challengeId, code: code === '000000' ? '000001' : '000000' } })).toMatchObject({ status: 401, body: { code: 'LOGIN_CODE_REJECTED' } });
    const login = await call('/v1/subject/login', { body: { challengeId, code } });
    expect(login).toMatchObject({ status: 200, body: { token_type: 'Bearer' } });
    expect(await call('/v1/subject/login', { body: { challengeId, code } })).toMatchObject({ status: 401, body: { code: 'LOGIN_CODE_REJECTED' } });
    expect(await call('/v1/subject/session', { token: login.body.access_token as string })).toMatchObject({ status: 200, body: { kind: 'enterprise', id: e.uscc } });
    // wrong code, logged in, data account opened, reused code: four events at least
    let after = before;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && after < before + 4; await new Promise((r) => setTimeout(r, 200))) after = await identityEventsOnKafka();
    expect(after).toBeGreaterThanOrEqual(before + 4);
  });

  it('a lender and a regulator get tokens with their demo credentials; a wrong secret gets 401; role confusion gets 403', async () => {
    const lender = await clientToken(demo.lenders[0]);
    const regulator = await clientToken(demo.regulators[0]);
    expect(lender).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'lender' } });
    expect(regulator).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'regulator' } });
    expect(await clientToken({ ...demo.lenders[0], clientSecret: 'wrong' })).toMatchObject({ status: 401, body: { code: 'INVALID_CLIENT' } });
    expect(await clientToken({ ...demo.regulators[0], clientSecret: 'wrong' })).toMatchObject({ status: 401 });
    for (const token of [lender.body.access_token, regulator.body.access_token] as string[]) {
      expect(await call('/v1/subject/session', { token })).toMatchObject({ status: 403, body: { code: 'ROLE_FORBIDDEN' } });
    }
    expect(await call('/v1/subject/session')).toMatchObject({ status: 401, body: { code: 'AUTHENTICATION_REQUIRED' } });
  });

  it('serves OpenAPI at /docs', async () => {
    const doc = await call('/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths as object)).toEqual(expect.arrayContaining(['/v1/subject/login/challenge', '/v1/subject/login', '/v1/oauth/token']));
  });

  it('no service logged an ID number, mobile, client secret or login code', () => {
    expect(output).toContain('/v1/subject/login');
    for (const e of demo.enterprises) {
      expect(output).not.toContain(e.legalRepIdNumber);
      expect(output).not.toContain(e.mobile);
    }
    for (const c of [...demo.lenders, ...demo.regulators]) expect(output).not.toContain(c.clientSecret);
    const codes = readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).code as string);
    for (const code of codes) expect(output).not.toMatch(new RegExp(`(?<![0-9A-Za-z-])${code}(?![0-9A-Za-z])`)); // not inside ids or hex
  });
});
