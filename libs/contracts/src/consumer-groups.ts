import type { BoundedContext } from './contexts';

// Consumer-group names, spelled here only: explicit, no framework-added suffixes (STYLE.md).

/** `cfc.<context>.<purpose>`: e.g. consumerGroup('audit', 'recorder') = cfc.audit.recorder. */
export function consumerGroup(context: BoundedContext, purpose: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(purpose)) throw new Error(`bad consumer purpose: ${purpose}`);
  return `cfc.${context}.${purpose}`;
}

/** The well-known groups of the platform; add a line when a context gains a consumer. */
export const ConsumerGroups = {
  /** Ingestion: statistics.submitted and objection.resolved on cfc.provider.inbound.v1, and what nobody owns (dead letters). */
  ingestionInbound: consumerGroup('ingestion', 'provider-inbound'),
  /** Ingestion: submission outcomes, dead letters and objection.raised from cfc.ingestion.events.v1 to providers and the dead-letter topic. */
  ingestionProviderForwarder: consumerGroup('ingestion', 'provider-forwarder'),
  /** Ingestion's read model of bindings (freshness per bound account) from cfc.binding.events.v1. */
  ingestionBindings: consumerGroup('ingestion', 'bindings'),
  auditRecorder: consumerGroup('audit', 'recorder'),
  /** Binding: the providers' binding.confirmed / binding.rejected answers on cfc.provider.inbound.v1. */
  bindingProviderReplies: consumerGroup('binding', 'provider-replies'),
  /** Binding: forwards binding.requested / binding.ended from cfc.binding.events.v1 to each provider's outbound topic. */
  bindingProviderForwarder: consumerGroup('binding', 'provider-forwarder'),
  /** Identity's SMS notice to the enterprise when a lender asks for authorisation (cfc.consent.events.v1). */
  identityConsentNotices: consumerGroup('identity', 'consent-notices'),
  /** The report service's read model of accepted statistics (cfc.ingestion.events.v1). */
  reportStatistics: consumerGroup('report', 'statistics'),
  /** The report service's read model of bindings: masked numbers, provider, account type (cfc.binding.events.v1). */
  reportBindings: consumerGroup('report', 'bindings'),
  /** The activity records, projected from cfc.audit.v1 alone (a generation suffix per rebuild). */
  auditActivity: consumerGroup('audit', 'activity'),
  /** The report service's read model of the enterprises' declarations (声明: declaration.made / withdrawn on cfc.identity.events.v1). */
  reportDeclarations: consumerGroup('report', 'declarations'),
  /** The report service's read model of objections (异议: objection.raised / resolved / overdue on cfc.ingestion.events.v1). */
  reportObjections: consumerGroup('report', 'objections'),
} as const;

/**
 * The provider simulator's group on one provider's outbound topic. A provider's groups start with
 * `cfc.provider.<institutionId>.` (its Kafka ACLs allow that prefix only), e.g. cfc.provider.B0001.simulator.
 */
export function providerSimulatorGroup(institutionId: string): string {
  if (!/^[A-Z0-9]{4,20}$/.test(institutionId)) throw new Error(`not an institutionId: ${institutionId}`);
  return `cfc.provider.${institutionId}.simulator`;
}
