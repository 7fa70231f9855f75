import { Agent, request } from 'node:http';

// HTTP load from the bench process: node:http with keep-alive (cheaper per request than fetch, so the
// load generator takes less of the two cores the services need).

export interface Call {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}
export interface Answer {
  status: number;
  bytes: Buffer;
}
export interface LoadResult {
  ok: number;
  errors: number;
  firstError?: string;
  seconds: number;
  /** Milliseconds per request: from its send (closed loop) or its scheduled send (open loop). */
  latencies: number[];
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function send(call: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(call.url, { method: call.method, agent, headers: { ...(call.body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(call.body)) } : {}), ...call.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(call.body);
  });
}

function tally(result: LoadResult, answer: Answer | Error, ms: number): void {
  if (!(answer instanceof Error) && answer.status === 200) {
    result.ok++;
    result.latencies.push(ms);
    return;
  }
  result.errors++;
  result.firstError ??= answer instanceof Error ? answer.message : `${answer.status} ${answer.bytes.toString('utf8').slice(0, 300)}`;
}

/** `clients` callers, each sending its next request when the last one answered, for `seconds`. */
export async function closedLoop(clients: number, seconds: number, next: (i: number) => Call): Promise<LoadResult> {
  const result: LoadResult = { ok: 0, errors: 0, seconds, latencies: [] };
  const end = Date.now() + seconds * 1000;
  let n = 0;
  const client = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      const answer = await send(next(n++)).catch((e: Error) => e);
      tally(result, answer, performance.now() - started);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: clients }, client));
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

/** `rate` requests a second on a fixed schedule whatever the answers do (no coordinated omission), for `seconds`. */
export async function openLoop(rate: number, seconds: number, next: (i: number) => Call): Promise<LoadResult> {
  const result: LoadResult = { ok: 0, errors: 0, seconds, latencies: [] };
  const total = Math.round(rate * seconds);
  const t0 = performance.now() + 50;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = t0 + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(next(i)).then((a) => tally(result, a, performance.now() - at), (e: Error) => tally(result, e, performance.now() - at)));
  }
  await Promise.all(inFlight);
  return result;
}
