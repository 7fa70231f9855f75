import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceTokens, type ServiceCaller } from '@cfc/contracts';

// Test support: the HTTP plumbing of the stand-ins for binding's and consent's internal APIs (real HTTP,
// real service tokens), which the report service's integration tests and bench call until the real
// services are merged. Not used in production code.

export interface StandInRequest {
  method: string;
  url: URL;
  body: unknown;
  caller: ServiceCaller;
}
export type StandInAnswer = { status: number; body: unknown; headers?: Record<string, string> };
export type StandInRoute = (request: StandInRequest) => StandInAnswer | undefined;

const problem = (status: number, code: string, detail: string): StandInAnswer => ({ status, body: { type: `https://cfc.example/problems/${code.toLowerCase()}`, title: code, status, code, detail }, headers: { 'content-type': 'application/problem+json' } });
export const notFound = (detail: string) => problem(404, 'NOT_FOUND', detail);

/** An internal service as the platform runs one: every request needs a service token addressed to `service`. */
export async function startStandInServer(service: string, secret: string, route: StandInRoute, port = 0): Promise<{ server: Server; url: string }> {
  const tokens = new ServiceTokens(secret, service);
  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const token = req.headers['x-cfc-service-token'];
    const verified = typeof token === 'string' ? await tokens.verify(token) : undefined;
    let answer: StandInAnswer;
    if (!verified?.ok) answer = problem(401, 'SERVICE_TOKEN_REJECTED', 'internal routes need a valid service token');
    else {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        answer = route({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://stand-in'), body: text ? JSON.parse(text) : undefined, caller: verified.caller }) ?? notFound(`no route ${req.method} ${req.url}`);
      } catch (error) {
        answer = problem(400, 'BAD_REQUEST', (error as Error).message);
      }
    }
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...answer.headers });
    res.end(body);
  }
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  server.keepAliveTimeout = 30_000;
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
