import { ProblemException } from '@cfc/platform';
import { BindingRuleViolation } from './domain/binding/binding.decider';

/** 404 for a binding that does not exist or is someone else's: the answer never tells which. */
export function bindingNotFound(): ProblemException {
  return new ProblemException(404, 'BINDING_NOT_FOUND', 'Not Found', 'no such binding');
}

/** The HTTP problem for a binding rule an enterprise's command broke; anything else is rethrown as is. */
export function problemFor(error: unknown): unknown {
  if (!(error instanceof BindingRuleViolation)) return error;
  switch (error.code) {
    case 'UNKNOWN_BINDING':
    case 'NOT_YOUR_BINDING':
      return bindingNotFound();
    case 'BINDING_ALREADY_ENDED':
      return new ProblemException(409, 'BINDING_ALREADY_ENDED', 'Conflict', 'this binding was already ended');
    case 'BINDING_NOT_ACTIVE':
      return new ProblemException(409, 'BINDING_NOT_ACTIVE', 'Conflict', error.message);
    case 'AGREEMENT_VERSION_NOT_CURRENT':
      return new ProblemException(409, 'AGREEMENT_VERSION_NOT_CURRENT', 'Conflict', error.message);
    case 'BINDING_EXISTS':
    case 'BINDING_OF_ANOTHER_PROVIDER':
    case 'BINDING_NOT_PENDING':
    case 'BINDING_EXPIRED':
    case 'BINDING_NOT_DUE':
      return error; // not reachable from an enterprise's command: a bug, answered 500
    default: {
      const unknown: never = error.code;
      return new Error(`unknown rule ${String(unknown)}`);
    }
  }
}
