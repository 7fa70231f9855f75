import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The slice of .data/demo.json this needs. */
interface DemoFile {
  enterprises: Array<{ uscc: string; name: string; legalRepName: string; legalRepIdNumber: string; accounts: Array<{ provider: string; number: string; type: string }> }>;
}

export interface DemoBindingsOptions {
  gateway: string;
  dataDir: string;
  demoFile: string;
  /** How many demo enterprises get their accounts bound at first start. */
  enterprises: number;
  log: (line: string) => void;
}

const DONE_FILE = 'demo-bindings.json';

/**
 * A demo that is ready at start: the first few demo enterprises log in and bind their accounts through
 * the public API, exactly as an enterprise would (challenge, the code from the SMS outbox, login, the
 * agreement, one binding per account), so everything is in the audit stream; the provider simulator then
 * confirms and streams their statistics. Done once per data directory (recorded in demo-bindings.json).
 */
export async function bindDemoAccounts(options: DemoBindingsOptions): Promise<number> {
  const donePath = join(options.dataDir, DONE_FILE);
  if (existsSync(donePath)) return 0;
  const demo = JSON.parse(readFileSync(options.demoFile, 'utf8')) as DemoFile;
  const api = client(options.gateway);
  let bound = 0;
  for (const enterprise of demo.enterprises.filter((e) => e.accounts.length > 0).slice(0, options.enterprises)) {
    const token = await login(api, enterprise, join(options.dataDir, 'sms-outbox.ndjson'));
    const agreement = (await api('GET', '/v1/subject/agreement', token)).body as { version: string };
    for (const account of enterprise.accounts) {
      const res = await api('POST', '/v1/subject/bindings', token, { provider: account.provider, accountNumber: account.number, accountType: account.type, agreementVersion: agreement.version, agreementAccepted: true });
      if (res.status === 202) bound++;
      else if (res.status !== 409) throw new Error(`binding an account of ${enterprise.name} answered ${res.status} ${JSON.stringify(res.body)}`);
    }
    await api('POST', '/v1/subject/logout', token);
    options.log(`demo: ${enterprise.name} (${enterprise.uscc}) bound ${enterprise.accounts.length} accounts; the provider simulator confirms them and streams 36 months`);
  }
  writeFileSync(donePath, `${JSON.stringify({ at: new Date().toISOString(), bound })}\n`, { mode: 0o600 });
  return bound;
}

type Api = (method: string, path: string, token?: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

function client(base: string): Api {
  return async (method, path, token, body) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(path, base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

async function login(api: Api, enterprise: DemoFile['enterprises'][number], outbox: string): Promise<string> {
  const challenge = await api('POST', '/v1/subject/login/challenge', undefined, { uscc: enterprise.uscc, legalRepName: enterprise.legalRepName, legalRepIdNumber: enterprise.legalRepIdNumber });
  const { challengeId } = challenge.body as { challengeId?: string };
  if (!challengeId) throw new Error(`demo login of ${enterprise.name} answered ${challenge.status} ${JSON.stringify(challenge.body)}`);
  const code = codeFor(outbox, challengeId);
  const session = await api('POST', '/v1/subject/login', undefined, { challengeId, code });
  const token = (session.body as { access_token?: string }).access_token;
  if (!token) throw new Error(`demo login of ${enterprise.name} answered ${session.status}`);
  return token;
}

function codeFor(outbox: string, challengeId: string): string {
  const lines = readFileSync(outbox, 'utf8').trim().split('\n');
  for (const line of lines.reverse()) {
    const entry = JSON.parse(line) as { challengeId?: string; code?: string };
    if (entry.challengeId === challengeId && entry.code) return entry.code;
  }
  throw new Error(`no SMS code for challenge ${challengeId} in ${outbox}`);
}
