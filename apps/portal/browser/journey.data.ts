import type { Demo, DemoEnterprise, Platform } from './platform';

// The API calls the journey makes beside the browser: the lender's side (client credentials, a request, a
// query), and reading what the page should show, with the enterprise's own token from the tab.

export interface Json {
  [key: string]: unknown;
}

export async function call(platform: Platform, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${platform.gateway}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
}

/** The lender's bearer token (OAuth2 client credentials, form-encoded, as CONTRACT "Lenders" says). */
export async function lenderToken(platform: Platform, lender: Demo['lenders'][number]): Promise<string> {
  const res = await fetch(`${platform.gateway}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&client_id=${encodeURIComponent(lender.clientId)}&client_secret=${encodeURIComponent(lender.clientSecret)}`,
  });
  const body = (await res.json()) as { access_token?: string };
  if (res.status !== 200 || !body.access_token) throw new Error(`lender token: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** A demo enterprise the other tests do not log in with, and its first account at the bank B0001. */
export function journeyEnterprise(demo: Demo): { enterprise: DemoEnterprise; account: DemoEnterprise['accounts'][number] } {
  const enterprise = demo.enterprises.slice(5).find((e) => e.accounts.some((a) => a.provider === 'B0001'));
  if (!enterprise) throw new Error('no demo enterprise with a B0001 account after the fifth');
  return { enterprise, account: enterprise.accounts.find((a) => a.provider === 'B0001') as DemoEnterprise['accounts'][number] };
}

/** Asks again every `everyMs` until `done` says the answer is there (a positive marker), or fails at the deadline. */
export async function until<T>(what: string, ask: () => Promise<T>, done: (answer: T) => boolean, timeoutMs: number, everyMs = 1000): Promise<T> {
  let last: T | undefined;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, everyMs))) {
    last = await ask();
    if (done(last)) return last;
  }
  throw new Error(`${what}: not within ${timeoutMs} ms; last answer ${JSON.stringify(last)?.slice(0, 500)}`);
}

/** The simulator's objection rule (tools/provider-simulator README): the id's last character, even corrected, odd upheld. */
export function simulatorOutcome(objectionId: string): 'CORRECTED' | 'UPHELD' {
  const last = objectionId.slice(-1).toLowerCase();
  const digit = parseInt(last, 36);
  return (Number.isNaN(digit) ? last.charCodeAt(0) : digit) % 2 === 0 ? 'CORRECTED' : 'UPHELD';
}
