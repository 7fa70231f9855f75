import { BOUNDED_CONTEXTS } from './contexts';
import { kafkaAclRules, kafkaServiceUser, type KafkaAclRule, type KafkaOperation } from './kafka-permissions';
import { contextEventsTopic, Topics } from './topics';

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
    expect(allowed('cfc-report', 'WRITE', 'TOPIC', Topics.audit)).toBe(false);
  });

  it('lets binding and ingestion write provider outbound topics and read the inbound topic', () => {
    for (const service of ['cfc-binding', 'cfc-ingestion']) {
      expect(allowed(service, 'WRITE', 'TOPIC', 'cfc.provider.P0001.outbound.v1')).toBe(true);
      expect(allowed(service, 'READ', 'TOPIC', Topics.providerInbound)).toBe(true);
      expect(allowed(service, 'READ', 'TOPIC', 'cfc.provider.P0001.outbound.v1')).toBe(false);
    }
    expect(allowed('cfc-consent', 'WRITE', 'TOPIC', 'cfc.provider.P0001.outbound.v1')).toBe(false);
  });

  it('refuses institution ids that are not ones', () => {
    expect(() => kafkaAclRules({ providers: ['b0001;rm'] })).toThrow('not an institutionId');
    expect(() => kafkaAclRules({ regulators: ['R 1'] })).toThrow('not an institutionId');
  });
});
