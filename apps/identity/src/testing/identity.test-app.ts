import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { ServiceTokens } from '@cfc/contracts';
import { createRootLogger, createServiceApp, type ServiceApp } from '@cfc/platform';
import type { DemoDataSet } from '../domain/demo/demo-data';
import { identityService } from '../identity.service';

// Test support for identity's integration suites (no @cfc/testing import: this file is built).
// Requests go as the gateway sends them: with a service token, whose signed client address is what a test
// passes as the `x-cfc-client-address` header here (that header itself is never sent, and identity ignores it).

/** INTERNAL_AUTH_SECRET of the identity these suites start (also @cfc/testing's TEST_INTERNAL_AUTH_SECRET). */
const SECRET = 'test-only-internal-auth-secret-0123456789abcdef';
const CLIENT_ADDRESS = 'x-cfc-client-address';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  body: any;
}

export interface IdentityTestApp {
  base: string;
  dataDir: string;
  demo: DemoDataSet;
  /** Every log line the service wrote. */
  logs: string[];
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  get(path: string, headers?: Record<string, string>): Promise<HttpAnswer>;
  /** The code the embedded SMS port sent for a challenge. */
  smsFor(challengeId: string): string;
  /** A challenge request for demo enterprise `index`, from client `address` (x-cfc-client-address). */
  challenge(index: number, address: string, override?: { legalRepName?: string; legalRepIdNumber?: string; requestId?: string }): Promise<HttpAnswer>;
  /** Stored events of one type, in position order. */
  events(type: string): Promise<Array<{ subject: string; data: Record<string, unknown>; metadata: Record<string, unknown> }>>;
  sql<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Starts identity in-process (embedded-mode demo data, its own data dir) on the given database. */
export async function startIdentity(databaseUrl: string, kafkaBrokers: string[], env: Record<string, string> = {}): Promise<IdentityTestApp> {
  const gateway = new ServiceTokens(SECRET, 'gateway');
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-identity-'));
  let service: ServiceApp;
  try {
    service = await createServiceApp(identityService, { DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafkaBrokers.join(','), PORT: '0', INTERNAL_AUTH_SECRET: SECRET, CFC_DATA_DIR: dataDir, CFC_EMBEDDED: 'true', ...env }, createRootLogger('identity', 'debug', sink));
    await service.app.listen(0, '127.0.0.1');
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const base = `http://127.0.0.1:${(service.app.getHttpServer().address() as { port: number }).port}`;
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoDataSet;
  const send = async (method: string, path: string, body: unknown, given: Record<string, string>): Promise<HttpAnswer> => {
    const { [CLIENT_ADDRESS]: clientAddress, ...rest } = given;
    const headers: Record<string, string> = { ...rest, 'x-cfc-service-token': await gateway.sign('identity', { clientAddress: clientAddress ?? '127.0.0.1' }) };
    const form = headers['content-type']?.startsWith('application/x-www-form-urlencoded');
    const init = body === undefined ? { method, headers } : { method, headers: { 'content-type': 'application/json', ...headers }, body: form ? String(body) : JSON.stringify(body) };
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const sql = async <Row>(text: string, params: unknown[] = []): Promise<Row[]> => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as Row[];
    } finally {
      await client.end();
    }
  };
  return {
    base,
    dataDir,
    demo,
    logs,
    post: (path, body, headers = {}) => send('POST', path, body, headers),
    get: (path, headers = {}) => send('GET', path, undefined, headers),
    smsFor: (challengeId) => {
      const lines = readFileSync(join(dataDir, 'sms-outbox.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { challengeId: string; code: string });
      const line = lines.find((l) => l.challengeId === challengeId);
      if (!line) throw new Error(`no SMS for challenge ${challengeId}`);
      return line.code;
    },
    challenge: (index, address, override = {}) => {
      const e = demo.enterprises[index];
      const headers: Record<string, string> = { 'x-cfc-client-address': address, ...(override.requestId ? { 'x-request-id': override.requestId } : {}) };
      return send('POST', '/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: override.legalRepName ?? e.legalRepName, legalRepIdNumber: override.legalRepIdNumber ?? e.legalRepIdNumber }, headers);
    },
    events: (type) => sql(`SELECT subject, data, metadata FROM eventing.events WHERE type = $1 ORDER BY position`, [type]),
    sql,
    close: async () => {
      await service.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
