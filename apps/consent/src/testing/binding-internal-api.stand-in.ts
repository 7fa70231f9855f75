import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ServiceTokens, type BindingListResponse, type BindingStatus, type BindingStatusResponse, type BindingView } from '@cfc/contracts';

// TEST SUPPORT ONLY. A stand-in for binding's internal HTTP API (libs/contracts/src/binding/
// binding.internal-api.ts) while the binding service is built in parallel: a real HTTP server that
// verifies service tokens as every CFC service does and answers in the contract's shapes. The tests
// decide which bindings exist. When binding lands, the suites start the real service in its place.

export class BindingInternalApiStandIn {
  private readonly bindings = new Map<string, BindingView>();
  private server?: Server;
  /** Requests received, by path (to see that a check asks binding, or does not). */
  readonly calls: string[] = [];

  constructor(private readonly tokens: ServiceTokens) {}

  /** Starts on a free loopback port; returns the base URL (BINDING_URL). */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A binding of `subject`, ACTIVE unless said otherwise; returns its id. */
  bind(subject: string, status: BindingStatus = 'ACTIVE'): string {
    const bindingId = randomUUID();
    const at = new Date().toISOString();
    this.bindings.set(bindingId, {
      bindingId, subject, provider: 'B0001', account: { number: `6222${String(this.bindings.size).padStart(12, '0')}`, type: 'BASIC' }, status,
      agreement: { version: '2026-01', sha256: '0'.repeat(64), acceptedAt: at }, requestedAt: at, ...(status === 'ACTIVE' ? { activatedAt: at } : {}),
    });
    return bindingId;
  }

  /** The enterprise unbinds: ENDED from now on. */
  end(bindingId: string): void {
    const binding = this.bindings.get(bindingId);
    if (binding) this.bindings.set(bindingId, { ...binding, status: 'ENDED', endedAt: new Date().toISOString() });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    this.calls.push(url.pathname);
    const token = req.headers['x-cfc-service-token'];
    const verified = typeof token === 'string' ? await this.tokens.verify(token) : { ok: false as const };
    if (!verified.ok) return send(res, 401, { code: 'SERVICE_AUTH_REQUIRED' });
    if (req.method === 'GET' && url.pathname === '/internal/bindings') {
      const subject = url.searchParams.get('subject');
      const status = url.searchParams.get('status');
      const bindings = [...this.bindings.values()].filter((b) => b.subject === subject && (!status || b.status === status));
      return send(res, 200, { bindings } satisfies BindingListResponse);
    }
    if (req.method === 'POST' && url.pathname === '/internal/bindings/status') {
      const body = JSON.parse(await readBody(req)) as { bindingIds?: unknown };
      if (!Array.isArray(body.bindingIds) || body.bindingIds.length > 1000) return send(res, 400, { code: 'VALIDATION_FAILED' });
      const bindings = body.bindingIds.map((id) => this.bindings.get(String(id))).filter((b): b is BindingView => b !== undefined);
      return send(res, 200, { bindings } satisfies BindingStatusResponse);
    }
    return send(res, 404, { code: 'NOT_FOUND' });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}
