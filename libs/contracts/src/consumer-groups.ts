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
  /** The activity records, projected from cfc.audit.v1 alone (a generation suffix per rebuild). */
  auditActivity: consumerGroup('audit', 'activity'),
} as const;
