import type { Server } from 'node:http';
import type { BindingListResponse, BindingStatusResponse, BindingView } from '@cfc/contracts';
import { startStandInServer, stopServer, type StandInRequest } from './stand-in.server';

/**
 * Test stand-in for binding's internal API (libs/contracts binding.internal-api): GET /internal/bindings
 * ?subject=&status= and POST /internal/bindings/status, over bindings the test puts in. The lead swaps the
 * real binding service in when merging.
 */
export class BindingApiStandIn {
  private readonly bindings = new Map<string, BindingView>();
  readonly calls: StandInRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(secret: string, port = 0): Promise<BindingApiStandIn> {
    const holder: { self?: BindingApiStandIn } = {}; // the route needs the instance, the instance needs the server
    const { server, url } = await startStandInServer('binding', secret, (request) => holder.self!.route(request), port);
    holder.self = new BindingApiStandIn(server, url);
    return holder.self;
  }

  put(...views: BindingView[]): this {
    for (const view of views) this.bindings.set(view.bindingId, view);
    return this;
  }

  /** The enterprise unbound the account. */
  end(bindingId: string, endedAt = new Date().toISOString()): void {
    const view = this.bindings.get(bindingId);
    if (view) this.bindings.set(bindingId, { ...view, status: 'ENDED', endedAt });
  }

  status(bindingId: string): BindingView['status'] | undefined {
    return this.bindings.get(bindingId)?.status;
  }

  stop(): Promise<void> {
    return stopServer(this.server);
  }

  private route(request: StandInRequest) {
    this.calls.push(request);
    if (request.method === 'GET' && request.url.pathname === '/internal/bindings') {
      const subject = request.url.searchParams.get('subject');
      const status = request.url.searchParams.get('status');
      const body: BindingListResponse = { bindings: [...this.bindings.values()].filter((b) => b.subject === subject && (!status || b.status === status)) };
      return { status: 200, body };
    }
    if (request.method === 'POST' && request.url.pathname === '/internal/bindings/status') {
      const ids = (request.body as { bindingIds: string[] }).bindingIds;
      const body: BindingStatusResponse = { bindings: ids.flatMap((id) => (this.bindings.has(id) ? [this.bindings.get(id)!] : [])) };
      return { status: 200, body };
    }
    return undefined;
  }
}
