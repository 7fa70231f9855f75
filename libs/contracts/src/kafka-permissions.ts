import type { InstitutionId } from './common/common.types';
import { BOUNDED_CONTEXTS, type BoundedContext } from './contexts';
import { contextEventsTopic, deadLetterTopic, providerOutboundTopic, Topics } from './topics';

// Who may do what on Kafka: the one table the embedded broker's ACL file and the production
// kafka-acls.sh script are generated from. A service that gains a topic or a group adds a line here.

export type KafkaOperation = 'READ' | 'WRITE' | 'CREATE' | 'DESCRIBE' | 'DELETE' | 'ALTER' | 'ALL' | 'IDEMPOTENT_WRITE';

/** One grant: operations on one topic or group (literal or by prefix), as Kafka ACLs express them. */
export interface KafkaPermission {
  readonly resourceType: 'TOPIC' | 'GROUP' | 'CLUSTER';
  readonly patternType: 'LITERAL' | 'PREFIXED';
  readonly resourceName: string;
  readonly operations: readonly KafkaOperation[];
}

/** A rule per operation, the shape of the broker's auth file and of `kafka-acls.sh --add`. */
export interface KafkaAclRule {
  readonly principal: `User:${string}`;
  readonly resourceType: KafkaPermission['resourceType'];
  readonly patternType: KafkaPermission['patternType'];
  readonly resourceName: string;
  readonly operation: KafkaOperation;
}

/** The services that connect to Kafka, each under its own principal. */
export const KAFKA_SERVICES = [...BOUNDED_CONTEXTS, 'gateway'] as const;
export type KafkaService = (typeof KAFKA_SERVICES)[number];

/** SCRAM user names: `cfc-<service>` for services; institutions log in as their institutionId. */
export const kafkaServiceUser = (service: KafkaService): string => `cfc-${service}`;
/** The super user of the launcher and operators (topic administration, tests). */
export const KAFKA_ADMIN_USER = 'cfc-admin';

/** Every provider's and regulator's consumer groups start with this, e.g. cfc.provider.B0001.kcat. */
export const providerGroupPrefix = (id: InstitutionId): string => `cfc.provider.${institution(id)}.`;
export const regulatorGroupPrefix = (id: InstitutionId): string => `cfc.regulator.${institution(id)}.`;

function institution(id: InstitutionId): InstitutionId {
  if (!/^[A-Z0-9]{4,20}$/.test(id)) throw new Error(`not an institutionId: ${id}`);
  return id;
}

const topic = (name: string, ...operations: KafkaOperation[]): KafkaPermission => ({ resourceType: 'TOPIC', patternType: 'LITERAL', resourceName: name, operations });
const topicsStartingWith = (prefix: string, ...operations: KafkaOperation[]): KafkaPermission => ({ resourceType: 'TOPIC', patternType: 'PREFIXED', resourceName: prefix, operations });
const groupsStartingWith = (prefix: string): KafkaPermission => ({ resourceType: 'GROUP', patternType: 'PREFIXED', resourceName: prefix, operations: ['READ'] });
const reads = (...names: string[]) => names.map((n) => topic(n, 'READ'));

/**
 * What every context owns: it writes its own event topic and dead-letter topic, and its consumer groups
 * are `cfc.<context>.<purpose>` (consumerGroup()). CREATE goes to a topic's owner only: everyone else
 * finds it provisioned before they start (platform-topics.ts), so a reader or a second writer never
 * needs the right to create a topic, nor to start after the owner.
 */
function ownRoom(context: BoundedContext): KafkaPermission[] {
  return [topic(contextEventsTopic(context), 'WRITE', 'CREATE'), topic(deadLetterTopic(context), 'WRITE', 'CREATE'), groupsStartingWith(`cfc.${context}.`)];
}

/**
 * Writing to every provider's outbound topic takes a prefix: Kafka ACLs have no suffix patterns, so
 * `cfc.provider.` also covers the inbound topic. Its messages are signed by the provider's key, so a
 * service cannot pass off a message as a provider's even with that write right.
 */
const providerOutboundTopics = topicsStartingWith('cfc.provider.', 'WRITE', 'CREATE');

/** Add a line when a service gains a topic or a group. */
export const SERVICE_KAFKA_PERMISSIONS: Readonly<Record<KafkaService, readonly KafkaPermission[]>> = {
  // identity sends the SMS notice of each authorisation request (cfc.consent.events.v1, consent's).
  identity: [...ownRoom('identity'), ...reads(contextEventsTopic('consent'))],
  // binding hears the providers' answers (inbound), forwards its own events to their outbound topics and
  // dead-letters refused answers where the contract puts every refused provider message (ingestion's topic).
  binding: [...ownRoom('binding'), providerOutboundTopics, ...reads(Topics.providerInbound, contextEventsTopic('binding')), topic(Topics.ingestionDeadLetter, 'WRITE')],
  consent: [...ownRoom('consent')],
  ingestion: [
    ...ownRoom('ingestion'), // its dead-letter topic is the contract's cfc.ingestion.dead-letter.v1
    topic(Topics.providerInbound, 'READ', 'CREATE'), // ingestion owns the inbound topic (ARCHITECTURE.md)
    providerOutboundTopics,
    // its provider forwarder reads its own events; its freshness read model follows binding's
    ...reads(contextEventsTopic('ingestion'), contextEventsTopic('binding')),
  ],
  // report keeps read models of statistics and objections (ingestion), bindings, and declarations (identity).
  report: [...ownRoom('report'), ...reads(contextEventsTopic('ingestion'), contextEventsTopic('binding'), contextEventsTopic('identity'))],
  audit: [
    ...ownRoom('audit'),
    ...reads(...BOUNDED_CONTEXTS.map(contextEventsTopic)),
    topic(Topics.audit, 'READ', 'WRITE', 'CREATE'), // READ: the activity records are projected from the log alone; the publisher reads its end
    topic(Topics.auditCheckpoints, 'READ', 'WRITE', 'CREATE'), // READ: the publisher reads both topics' ends at start
    // AUDIT_KAFKA_NAMESPACE (suites, bench/audit): a log of its own per stack, since the log's seq is its
    // topic's offset, on namespaced copies `<name>.<namespace>` (inNamespace) of the same topics. The
    // copies' prefixes end in a dot: they reach no platform topic, nothing of another service.
    topicsStartingWith(`${Topics.audit}.`, 'READ', 'WRITE', 'CREATE'),
    ...[Topics.auditCheckpoints, deadLetterTopic('audit')].map((name) => topicsStartingWith(`${name}.`, 'WRITE', 'CREATE')),
    ...BOUNDED_CONTEXTS.map((context) => topicsStartingWith(`${contextEventsTopic(context)}.`, 'READ')),
  ],
  // The gateway sends commands over HTTP; it only checks that Kafka answers (readiness).
  gateway: [],
};

/** A provider writes the inbound topic and reads only its own outbound topic, in its own groups. */
export function providerKafkaPermissions(id: InstitutionId): KafkaPermission[] {
  return [topic(Topics.providerInbound, 'WRITE'), topic(providerOutboundTopic(id), 'READ'), groupsStartingWith(providerGroupPrefix(id))];
}

/** A regulator reads the audit stream, its checkpoints and the dead letters, in its own groups; it writes nothing. */
export function regulatorKafkaPermissions(id: InstitutionId): KafkaPermission[] {
  return [...reads(Topics.audit, Topics.auditCheckpoints, Topics.ingestionDeadLetter), groupsStartingWith(regulatorGroupPrefix(id))];
}

/** Everyone who connects, by SCRAM user name. */
export interface KafkaPrincipals {
  readonly services?: readonly KafkaService[];
  readonly providers?: readonly InstitutionId[];
  readonly regulators?: readonly InstitutionId[];
}

/** The table flattened into one allow rule per principal, resource and operation. */
export function kafkaAclRules(principals: KafkaPrincipals): KafkaAclRule[] {
  const grants: Array<[string, readonly KafkaPermission[]]> = [
    ...(principals.services ?? KAFKA_SERVICES).map((s): [string, readonly KafkaPermission[]] => [kafkaServiceUser(s), SERVICE_KAFKA_PERMISSIONS[s]]),
    ...(principals.providers ?? []).map((id): [string, readonly KafkaPermission[]] => [id, providerKafkaPermissions(id)]),
    ...(principals.regulators ?? []).map((id): [string, readonly KafkaPermission[]] => [id, regulatorKafkaPermissions(id)]),
  ];
  return grants.flatMap(([user, permissions]) =>
    permissions.flatMap((p) =>
      p.operations.map((operation): KafkaAclRule => ({ principal: `User:${user}`, resourceType: p.resourceType, patternType: p.patternType, resourceName: p.resourceName, operation })),
    ),
  );
}
