// Why the binding service refused a provider's binding.confirmed / binding.rejected: the value of the
// cfc-error-reason header on cfc.ingestion.dead-letter.v1 (the raw message and its headers travel with it).
export const BINDING_REPLY_REJECTIONS = [
  // The signature check (verifyProviderMessage)
  'MISSING_SIGNATURE_HEADERS',
  'UNKNOWN_KEY',
  'REVOKED_KEY',
  'BAD_SIGNATURE',
  /** Not the contract's shape (bindingConfirmed / bindingRejected schemas). */
  'SCHEMA_VIOLATION',
  /** The body's `provider` is not the signing provider of the cfc-provider header. */
  'PROVIDER_MISMATCH',
  /** No binding has this id. */
  'UNKNOWN_BINDING',
  /** The binding exists but asks another provider. */
  'BINDING_OF_ANOTHER_PROVIDER',
  /** The binding was already answered the other way, ended by the enterprise, or expired. */
  'BINDING_NOT_PENDING',
  /** Still pending in the log, but its 7 days have passed: too late to answer. */
  'BINDING_EXPIRED',
] as const;

export type BindingReplyRejection = (typeof BINDING_REPLY_REJECTIONS)[number];
