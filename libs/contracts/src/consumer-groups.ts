import type { BoundedContext } from './contexts';

// Consumer-group names, spelled here only: explicit, no framework-added suffixes (STYLE.md).

/** `cfc.<context>.<purpose>`: e.g. consumerGroup('audit', 'recorder') = cfc.audit.recorder. */
export function consumerGroup(context: BoundedContext, purpose: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(purpose)) throw new Error(`bad consumer purpose: ${purpose}`);
  return `cfc.${context}.${purpose}`;
}

/** The well-known groups of the platform; add a line when a context gains a consumer. */
export const ConsumerGroups = {
  ingestionInbound: consumerGroup('ingestion', 'provider-inbound'),
  auditRecorder: consumerGroup('audit', 'recorder'),
  /** The report service's read model of accepted statistics (cfc.ingestion.events.v1). */
  reportStatistics: consumerGroup('report', 'statistics'),
  /** The report service's read model of bindings: masked numbers, provider, account type (cfc.binding.events.v1). */
  reportBindings: consumerGroup('report', 'bindings'),
} as const;
