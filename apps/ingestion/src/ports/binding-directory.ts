import type { BindingResolveRequest, BindingResolveResponse, BindingStatusResponse, BindingView } from '@cfc/contracts';
import type { InternalClient } from '@cfc/platform';

/** What ingestion asks binding, synchronously: the answers must be true at this instant. */
export interface BindingDirectory {
  /** Per account, in order, the binding ACTIVE now for that subject at that provider, or null (one call per message). */
  resolve(request: BindingResolveRequest): Promise<BindingResolveResponse['results']>;
  /** The binding as binding sees it now, or undefined when unknown. */
  find(bindingId: string): Promise<BindingView | undefined>;
}

/** BindingDirectory over binding's internal API (service tokens). */
export class HttpBindingDirectory implements BindingDirectory {
  constructor(private readonly internal: InternalClient) {}

  async resolve(request: BindingResolveRequest): Promise<BindingResolveResponse['results']> {
    const body = await this.internal.json<BindingResolveResponse>('binding', { method: 'POST', path: '/internal/bindings/resolve', body: request, timeoutMs: 30_000 });
    return body.results;
  }

  async find(bindingId: string): Promise<BindingView | undefined> {
    const body = await this.internal.json<BindingStatusResponse>('binding', { method: 'POST', path: '/internal/bindings/status', body: { bindingIds: [bindingId] } });
    return body.bindings.find((b) => b.bindingId === bindingId);
  }
}
