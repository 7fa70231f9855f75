import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Demo, Stack } from './stack';

// The public HTTP API as lenders, enterprises and regulators call it (CONTRACT.md "HTTP gateway").

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the suites read the contract's JSON shapes
  body: T & Record<string, any>;
}

export type Call = (method: string, path: string, init?: { body?: unknown; token?: string; accept?: string }) => Promise<Answer>;

export function gatewayClient(gateway: string): Call {
  return async (method, path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.accept) headers.accept = init.accept;
    const res = await fetch(`${gateway}${path}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await res.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { text };
    }
    return { status: res.status, headers: res.headers, body: body as Answer['body'] };
  };
}

/** A lender's or regulator's bearer token (OAuth2 client credentials). */
export async function institutionToken(stack: Stack, client: { clientId: string; clientSecret: string }): Promise<string> {
  const res = await fetch(`${stack.gateway}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (res.status !== 200 || !body.access_token) throw new Error(`no token for ${client.clientId}: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** An enterprise logs in: challenge, the one-time code from the embedded SMS outbox, login. */
export async function enterpriseLogin(stack: Stack, call: Call, enterprise: Demo['enterprises'][number]): Promise<string> {
  const challenge = await call('POST', '/v1/subject/login/challenge', { body: { uscc: enterprise.uscc, legalRepName: enterprise.legalRepName, legalRepIdNumber: enterprise.legalRepIdNumber } });
  if (challenge.status !== 200) throw new Error(`login challenge: ${challenge.status} ${JSON.stringify(challenge.body)}`);
  const code = readFileSync(join(stack.dataDir, 'sms-outbox.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { challengeId: string; code: string })
    .find((line) => line.challengeId === challenge.body.challengeId)?.code;
  const login = await call('POST', '/v1/subject/login', { body: { challengeId: challenge.body.challengeId, code } });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.access_token as string;
}

/** The enterprise asks to bind a demo account under the current agreement; answers the binding id. */
export async function requestBinding(call: Call, token: string, account: { provider: string; number: string; type: string }): Promise<string> {
  const agreement = await call('GET', '/v1/subject/agreement', { token });
  const res = await call('POST', '/v1/subject/bindings', {
    token,
    body: { provider: account.provider, accountNumber: account.number, accountType: account.type, agreementVersion: agreement.body.version, agreementAccepted: true },
  });
  if (res.status !== 202) throw new Error(`binding request: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
