import type { BoundedContext } from './contexts';
import type { InstitutionId } from './common/common.types';

// Every Kafka topic name in CFC is spelled here and nowhere else.

/** External topics fixed by CONTRACT.md. */
export const Topics = {
  /** Every provider writes here; none may read it. */
  providerInbound: 'cfc.provider.inbound.v1',
  /** Rejected provider messages with a machine-readable reason. */
  ingestionDeadLetter: 'cfc.ingestion.dead-letter.v1',
  /** The immutable audit stream, replayed by regulators from offset 0. */
  audit: 'cfc.audit.v1',
  auditCheckpoints: 'cfc.audit.checkpoints.v1',
} as const;

/** A provider's own outbound topic: binding requests and submission outcomes for it alone. */
export function providerOutboundTopic(institutionId: InstitutionId): string {
  if (!/^[A-Z0-9]{4,20}$/.test(institutionId)) throw new Error(`not an institutionId: ${institutionId}`);
  return `cfc.provider.${institutionId}.outbound.v1`;
}

/** The internal domain-event topic a context's outbox relay publishes to, e.g. cfc.identity.events.v1. */
export function contextEventsTopic(context: BoundedContext): string {
  return `cfc.${context}.events.v1`;
}

/** Where a context's consumers park messages that keep failing (ingestion's is the CONTRACT one). */
export function deadLetterTopic(context: BoundedContext): string {
  return `cfc.${context}.dead-letter.v1`;
}

/**
 * A topic or consumer-group name in a namespace: `<name>.<namespace>`. Tests and benchmarks run side-by-side
 * stacks on one broker this way (AUDIT_KAFKA_NAMESPACE); production leaves the namespace unset.
 */
export function inNamespace(name: string, namespace?: string): string {
  if (namespace === undefined || namespace === '') return name;
  if (!/^[a-z0-9][a-z0-9_-]{0,60}$/.test(namespace)) throw new Error(`bad namespace: ${namespace}`);
  return `${name}.${namespace}`;
}
