import type { BindingView, Uscc } from '@cfc/contracts';

// What consent asks binding, true at the instant of the call (binding owns the bindings; consent keeps
// no copy). The HTTP adapter speaks binding's internal API (libs/contracts/src/binding/binding.internal-api.ts).
export interface BindingDirectory {
  /** Each known binding's status now; unknown ids are absent. */
  statusOf(bindingIds: readonly string[]): Promise<BindingView[]>;
  /** The subject's bindings that are ACTIVE now. */
  activeOf(subject: Uscc): Promise<BindingView[]>;
}

/** DI token of the BindingDirectory adapter. */
export const BINDING_DIRECTORY = Symbol('BINDING_DIRECTORY');

/** The ids among `bindingIds` that are `subject`'s and ACTIVE now. */
export async function activeBindingsOf(directory: BindingDirectory, subject: Uscc, bindingIds: readonly string[]): Promise<Set<string>> {
  if (bindingIds.length === 0) return new Set();
  const views = await directory.statusOf(bindingIds);
  return new Set(views.filter((b) => b.subject === subject && b.status === 'ACTIVE').map((b) => b.bindingId));
}
