import type { BindingStatusResponse } from '@cfc/contracts';
import type { InternalClient } from '@cfc/platform';

/** What binding says of a binding an enterprise names: its own and ACTIVE, its own but not active, or not its own. */
export type BindingOwnership = { kind: 'ACTIVE' } | { kind: 'NOT_ACTIVE'; status: string } | { kind: 'NOT_FOUND' };

/** Port: asked before a declaration names a binding (the answer must be true now, so it is asked, not kept). */
export interface BindingOwnershipCheck {
  ownership(uscc: string, bindingId: string): Promise<BindingOwnership>;
}

/** Binding's internal API (POST /internal/bindings/status), on behalf of the enterprise. */
export class HttpBindingOwnershipCheck implements BindingOwnershipCheck {
  constructor(private readonly internal: InternalClient) {}

  async ownership(uscc: string, bindingId: string): Promise<BindingOwnership> {
    const answer = await this.internal.json<BindingStatusResponse>('binding', {
      method: 'POST',
      path: '/internal/bindings/status',
      body: { bindingIds: [bindingId] },
      onBehalf: { principal: { kind: 'enterprise', id: uscc } },
    });
    // Someone else's binding and no binding at all look the same: neither is this enterprise's.
    const view = answer.bindings.find((b) => b.bindingId === bindingId && b.subject === uscc);
    if (!view) return { kind: 'NOT_FOUND' };
    return view.status === 'ACTIVE' ? { kind: 'ACTIVE' } : { kind: 'NOT_ACTIVE', status: view.status };
  }
}
