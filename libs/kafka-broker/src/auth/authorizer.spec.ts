import type { AclRule, Principal } from './acl.types';
import { Authorizer } from './authorizer';

const rule = (principal: Principal, resourceType: AclRule['resourceType'], patternType: AclRule['patternType'], resourceName: string, operation: AclRule['operation']): AclRule => ({
  principal,
  resourceType,
  patternType,
  resourceName,
  operation,
});

describe('ACL authorizer', () => {
  const authorizer = new Authorizer(
    [
      rule('User:B0001', 'TOPIC', 'LITERAL', 'cfc.provider.inbound.v1', 'WRITE'),
      rule('User:B0001', 'TOPIC', 'LITERAL', 'cfc.provider.B0001.outbound.v1', 'READ'),
      rule('User:B0001', 'GROUP', 'PREFIXED', 'cfc.provider.B0001.', 'READ'),
      rule('User:ingestion', 'TOPIC', 'PREFIXED', 'cfc.provider.', 'ALL'),
      rule('User:*', 'TOPIC', 'LITERAL', 'public', 'READ'),
      rule('User:tools', 'TOPIC', 'LITERAL', '*', 'DESCRIBE'),
    ],
    new Set<Principal>(['User:admin']),
  );

  it('allows exactly what a literal rule names', () => {
    expect(authorizer.allows('User:B0001', 'WRITE', 'TOPIC', 'cfc.provider.inbound.v1')).toBe(true);
    expect(authorizer.allows('User:B0001', 'READ', 'TOPIC', 'cfc.provider.inbound.v1')).toBe(false);
    expect(authorizer.allows('User:B0001', 'READ', 'TOPIC', 'cfc.provider.B0002.outbound.v1')).toBe(false);
    expect(authorizer.allows('User:B0002', 'WRITE', 'TOPIC', 'cfc.provider.inbound.v1')).toBe(false);
  });

  it('matches prefixes, ALL, the User:* principal and the * resource', () => {
    expect(authorizer.allows('User:B0001', 'READ', 'GROUP', 'cfc.provider.B0001.simulator')).toBe(true);
    expect(authorizer.allows('User:B0001', 'READ', 'GROUP', 'cfc.provider.B00012')).toBe(false);
    expect(authorizer.allows('User:ingestion', 'DELETE', 'TOPIC', 'cfc.provider.P0001.outbound.v1')).toBe(true);
    expect(authorizer.allows('User:anyone', 'READ', 'TOPIC', 'public')).toBe(true);
    expect(authorizer.allows('User:tools', 'DESCRIBE', 'TOPIC', 'whatever')).toBe(true);
    expect(authorizer.allows('User:tools', 'READ', 'TOPIC', 'whatever')).toBe(false);
  });

  it('lets READ, WRITE, DELETE and ALTER imply DESCRIBE, as Kafka does, but nothing else', () => {
    expect(authorizer.allows('User:B0001', 'DESCRIBE', 'TOPIC', 'cfc.provider.inbound.v1')).toBe(true);
    expect(authorizer.allows('User:B0001', 'CREATE', 'TOPIC', 'cfc.provider.inbound.v1')).toBe(false);
    expect(authorizer.allows('User:B0001', 'DESCRIBE', 'TOPIC', 'cfc.audit.v1')).toBe(false);
  });

  it('keeps resource types apart', () => {
    expect(authorizer.allows('User:B0001', 'WRITE', 'GROUP', 'cfc.provider.inbound.v1')).toBe(false);
    expect(authorizer.allows('User:B0001', 'WRITE', 'CLUSTER', 'kafka-cluster')).toBe(false);
  });

  it('allows super users everything and answers by resource type', () => {
    expect(authorizer.allows('User:admin', 'DELETE', 'TOPIC', 'cfc.audit.v1')).toBe(true);
    expect(authorizer.allowsAny('User:admin', 'IDEMPOTENT_WRITE', 'CLUSTER')).toBe(true);
    expect(authorizer.allowsAny('User:B0001', 'WRITE', 'TOPIC')).toBe(true);
    expect(authorizer.allowsAny('User:tools', 'WRITE', 'TOPIC')).toBe(false);
  });
});
