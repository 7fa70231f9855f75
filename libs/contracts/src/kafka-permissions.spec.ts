import { BOUNDED_CONTEXTS } from './contexts';
import { kafkaAclRules, kafkaServiceUser, type KafkaAclRule, type KafkaOperation } from './kafka-permissions';
import { PLATFORM_TOPICS, platformTopic } from './platform-topics';
import { contextEventsTopic, deadLetterTopic, inNamespace, Topics } from './topics';

const rules = kafkaAclRules({ providers: ['B0001', 'B0002'], regulators: ['R0001'] });

// The same matching as Kafka's authorizer for allow rules (literal, prefixed, ALL), without DESCRIBE implication.
function allowed(user: string, operation: KafkaOperation, type: KafkaAclRule['resourceType'], name: string): boolean {
  return rules.some(
    (r) =>
      r.principal === `User:${user}` &&
      r.resourceType === type &&
      (r.operation === operation || r.operation === 'ALL') &&
      (r.patternType === 'LITERAL' ? r.resourceName === name : name.startsWith(r.resourceName)),
  );
}

describe('Kafka permissions table', () => {
  it('lets a provider write the inbound topic and read only its own outbound topic, in its own groups', () => {
    expect(allowed('B0001', 'WRITE', 'TOPIC', Topics.providerInbound)).toBe(true);
    expect(allowed('B0001', 'READ', 'TOPIC', Topics.providerInbound)).toBe(false);
    expect(allowed('B0001', 'READ', 'TOPIC', 'cfc.provider.B0001.outbound.v1')).toBe(true);
    expect(allowed('B0001', 'READ', 'TOPIC', 'cfc.provider.B0002.outbound.v1')).toBe(false);
    expect(allowed('B0001', 'READ', 'GROUP', 'cfc.provider.B0001.kcat')).toBe(true);
    expect(allowed('B0001', 'READ', 'GROUP', 'cfc.provider.B0002.kcat')).toBe(false);
    for (const t of [Topics.audit, Topics.auditCheckpoints, Topics.ingestionDeadLetter]) {
      expect(allowed('B0001', 'READ', 'TOPIC', t)).toBe(false);
      expect(allowed('B0001', 'WRITE', 'TOPIC', t)).toBe(false);
    }
  });

  it('lets a regulator read the audit topics and the dead letters, and write nothing', () => {
    for (const t of [Topics.audit, Topics.auditCheckpoints, Topics.ingestionDeadLetter]) expect(allowed('R0001', 'READ', 'TOPIC', t)).toBe(true);
    expect(rules.filter((r) => r.principal === 'User:R0001' && r.resourceType === 'TOPIC').map((r) => r.operation)).toEqual(['READ', 'READ', 'READ']);
  });

  it('gives each context the only write on its own event topic, and audit the read of all of them', () => {
    for (const context of BOUNDED_CONTEXTS) {
      const writers = rules.filter((r) => r.operation === 'WRITE' && r.resourceType === 'TOPIC' && r.resourceName === contextEventsTopic(context));
      expect(writers.map((r) => r.principal)).toEqual([`User:${kafkaServiceUser(context)}`]);
      expect(allowed('cfc-audit', 'READ', 'TOPIC', contextEventsTopic(context))).toBe(true);
    }
    expect(allowed('cfc-audit', 'WRITE', 'TOPIC', Topics.audit)).toBe(true);
    // the activity projection consumes the audit stream; the publisher reads both topics' ends
    for (const t of [Topics.audit, Topics.auditCheckpoints]) expect(allowed('cfc-audit', 'READ', 'TOPIC', t)).toBe(true);
    expect(allowed('cfc-report', 'WRITE', 'TOPIC', Topics.audit)).toBe(false);
  });

  it("lets audit run a namespaced log (AUDIT_KAFKA_NAMESPACE) on copies of its topics, and nobody else's topic through them", () => {
    for (const t of [Topics.audit, Topics.auditCheckpoints, deadLetterTopic('audit')]) {
      expect(allowed('cfc-audit', 'CREATE', 'TOPIC', inNamespace(t, 'a-1'))).toBe(true);
      expect(allowed('cfc-audit', 'WRITE', 'TOPIC', inNamespace(t, 'a-1'))).toBe(true);
    }
    expect(allowed('cfc-audit', 'READ', 'TOPIC', inNamespace(Topics.audit, 'a-1'))).toBe(true);
    for (const context of BOUNDED_CONTEXTS) {
      expect(allowed('cfc-audit', 'READ', 'TOPIC', inNamespace(contextEventsTopic(context), 'a-1'))).toBe(true);
      expect(allowed('cfc-audit', 'WRITE', 'TOPIC', inNamespace(contextEventsTopic(context), 'a-1'))).toBe(false);
    }
    expect(allowed('cfc-audit', 'WRITE', 'TOPIC', contextEventsTopic('binding'))).toBe(false);
    expect(allowed('cfc-audit', 'WRITE', 'TOPIC', Topics.ingestionDeadLetter)).toBe(false);
    expect(allowed('cfc-audit', 'READ', 'TOPIC', Topics.providerInbound)).toBe(false);
    expect(allowed('cfc-audit', 'READ', 'TOPIC', 'cfc.provider.P0001.outbound.v1')).toBe(false);
  });

  it('lets binding and ingestion write provider outbound topics and read the inbound topic', () => {
    for (const service of ['cfc-binding', 'cfc-ingestion']) {
      expect(allowed(service, 'WRITE', 'TOPIC', 'cfc.provider.P0001.outbound.v1')).toBe(true);
      expect(allowed(service, 'READ', 'TOPIC', Topics.providerInbound)).toBe(true);
      expect(allowed(service, 'READ', 'TOPIC', 'cfc.provider.P0001.outbound.v1')).toBe(false);
    }
    expect(allowed('cfc-consent', 'WRITE', 'TOPIC', 'cfc.provider.P0001.outbound.v1')).toBe(false);
  });

  it('gives CREATE on a named topic to its owner only; readers and second writers find it provisioned', () => {
    const owned: Record<string, string[]> = {
      ...Object.fromEntries(BOUNDED_CONTEXTS.map((c) => [`User:${kafkaServiceUser(c)}`, [contextEventsTopic(c), deadLetterTopic(c)]])),
    };
    owned['User:cfc-ingestion'].push(Topics.providerInbound);
    owned['User:cfc-audit'].push(Topics.audit, Topics.auditCheckpoints);
    const literalCreates = rules.filter((r) => r.operation === 'CREATE' && r.resourceType === 'TOPIC' && r.patternType === 'LITERAL');
    expect(literalCreates.filter((r) => !owned[r.principal]?.includes(r.resourceName))).toEqual([]);
    expect(allowed('cfc-identity', 'CREATE', 'TOPIC', contextEventsTopic('consent'))).toBe(false);
    expect(allowed('cfc-identity', 'READ', 'TOPIC', contextEventsTopic('consent'))).toBe(true);
    expect(allowed('cfc-binding', 'CREATE', 'TOPIC', Topics.ingestionDeadLetter)).toBe(false);
    expect(allowed('cfc-binding', 'WRITE', 'TOPIC', Topics.ingestionDeadLetter)).toBe(true);
  });

  it('names only provisioned topics (platform-topics.ts) or provider outbound topics', () => {
    const named = rules.filter((r) => r.resourceType === 'TOPIC' && r.patternType === 'LITERAL').map((r) => r.resourceName);
    const provisioned = new Set(PLATFORM_TOPICS.map((t) => t.topic));
    expect(named.filter((t) => !provisioned.has(t) && !/^cfc\.provider\.[A-Z0-9]{4,20}\.outbound\.v1$/.test(t))).toEqual([]);
    expect(platformTopic(Topics.audit).partitions).toBe(1); // one ordered log: seq is the Merkle leaf index
    expect(() => platformTopic('cfc.nobody.events.v1')).toThrow('not a platform topic');
  });

  it('refuses institution ids that are not ones', () => {
    expect(() => kafkaAclRules({ providers: ['b0001;rm'] })).toThrow('not an institutionId');
    expect(() => kafkaAclRules({ regulators: ['R 1'] })).toThrow('not an institutionId');
  });
});
