import type { BindingView, OnBehalfOf, Uscc } from '@cfc/contracts';

/** Binding's internal API (libs/contracts binding.internal-api), asked when the answer must be true now. */
export interface BindingDirectory {
  /** GET /internal/bindings?subject=&status=ACTIVE: the enterprise's ACTIVE bindings now (self-query). */
  activeBindings(subject: Uscc, onBehalf: OnBehalfOf): Promise<BindingView[]>;
  /** POST /internal/bindings/status: bindings the read model has not heard of yet (their events lag). */
  statusOf(bindingIds: readonly string[]): Promise<BindingView[]>;
}

/** DI token of the BindingDirectory port. */
export const BINDING_DIRECTORY = Symbol('BINDING_DIRECTORY');
