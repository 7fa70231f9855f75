import type { BindingListResponse, BindingStatusResponse, BindingView, OnBehalfOf, Uscc } from '@cfc/contracts';
import type { InternalClient } from '@cfc/platform';
import type { BindingDirectory } from './binding-directory.port';

/** BindingDirectory over binding's internal HTTP API. */
export class HttpBindingDirectory implements BindingDirectory {
  constructor(private readonly internal: InternalClient) {}

  async activeBindings(subject: Uscc, onBehalf: OnBehalfOf): Promise<BindingView[]> {
    const query = new URLSearchParams({ subject, status: 'ACTIVE' });
    const answer = await this.internal.json<BindingListResponse>('binding', { path: `/internal/bindings?${query}`, onBehalf: { principal: onBehalf }, timeoutMs: 5000 });
    return answer.bindings;
  }

  async statusOf(bindingIds: readonly string[]): Promise<BindingView[]> {
    if (bindingIds.length === 0) return [];
    const answer = await this.internal.json<BindingStatusResponse>('binding', { method: 'POST', path: '/internal/bindings/status', body: { bindingIds }, timeoutMs: 5000 });
    return answer.bindings;
  }
}
