import { BOUNDED_CONTEXTS, type BoundedContext } from './contexts';
import { contextEventsTopic, deadLetterTopic, Topics } from './topics';

/** A topic the platform provisions: its name and partition count (replication is the cluster's default). */
export interface PlatformTopic {
  readonly topic: string;
  readonly partitions: number;
}

// Events travel keyed by subject (uscc): three partitions keep one enterprise in order and let a
// consumer group spread. The audit stream is one totally ordered log (its seq is the Merkle leaf index).
const eventsTopic = (context: BoundedContext): PlatformTopic => ({ topic: contextEventsTopic(context), partitions: 3 });
// Ingestion's dead-letter topic is the contract's: every rejected provider message lands there.
const deadLetters = (context: BoundedContext): PlatformTopic => ({ topic: deadLetterTopic(context), partitions: context === 'ingestion' ? 3 : 1 });

/**
 * Every fixed topic of the platform. Whoever administers the cluster creates them before any service
 * starts: the launcher's admin (`npm start`), the jest global setup, deploy/kafka/kafka-init.sh (docker
 * compose). So no service needs CREATE on a topic it does not own, and no service must start before
 * another (identity reads consent's events even when consent is not up yet). The owner of a topic may
 * still create it (kafka-permissions.ts), with this spec. Not here: the providers' outbound topics, one
 * per provider, which binding creates on its first message to that provider.
 */
export const PLATFORM_TOPICS: readonly PlatformTopic[] = [
  ...BOUNDED_CONTEXTS.flatMap((context) => [eventsTopic(context), deadLetters(context)]),
  { topic: Topics.providerInbound, partitions: 3 },
  { topic: Topics.audit, partitions: 1 },
  { topic: Topics.auditCheckpoints, partitions: 1 },
];

/** The catalogue's spec of one topic (what a service passes to ensureTopics); throws for a topic not in it. */
export function platformTopic(topic: string): PlatformTopic {
  const spec = PLATFORM_TOPICS.find((t) => t.topic === topic);
  if (!spec) throw new Error(`${topic} is not a platform topic (libs/contracts/src/platform-topics.ts)`);
  return spec;
}
