import { verifyProviderMessage, type BindingReplyRejection, type Contract, type ProviderKeyRegistry } from '@cfc/contracts';
import { PoisonMessageError } from '@cfc/eventing';
import type { IncomingMessage } from '@cfc/platform';

/** A refused provider answer: dead-lettered at once with `reason` as cfc-error-reason, nothing changed. */
export function refuseReply(reason: BindingReplyRejection, detail: string): PoisonMessageError {
  return new PoisonMessageError(reason, detail);
}

/**
 * Authenticates a binding answer the way every consumer of the inbound topic must: the signature over the
 * exact value bytes by a registered, active key of the provider in cfc-provider (verifyProviderMessage),
 * the contract's schema, and a body that speaks for that same provider.
 */
export async function authenticateReply<T extends { provider: string }>(contract: Contract<string, T>, value: unknown, message: IncomingMessage, keys: ProviderKeyRegistry): Promise<T> {
  const verified = await verifyProviderMessage(message.headers, message.value, keys);
  if (!verified.ok) throw refuseReply(verified.reason, `signature check failed (provider ${verified.provider ?? '?'}, key ${verified.keyId ?? '?'})`);
  const checked = contract.validate.check(value);
  if (!checked.ok) throw refuseReply('SCHEMA_VIOLATION', checked.error.message);
  if (checked.value.provider !== verified.provider) throw refuseReply('PROVIDER_MISMATCH', `signed by ${verified.provider}, body names ${checked.value.provider}`);
  return checked.value;
}
