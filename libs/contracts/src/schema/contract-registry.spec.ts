import { consumerGroup } from '../consumer-groups';
import { contextEventsTopic, deadLetterTopic, Topics } from '../topics';
import { ContractRegistry } from './contract-registry';
import { defineEvent } from './event-contract';
import { ContractViolationError } from './validator';

interface OpenedV1 { uscc: string }
interface OpenedV2 { uscc: string; openedBy: string }
const openedV1 = defineEvent<OpenedV1>()('data-account.opened', 1, { type: 'object', required: ['uscc'], properties: { uscc: { type: 'string', format: 'uscc' } } });
const openedV2 = defineEvent<OpenedV2>()('data-account.opened', 2, { type: 'object', required: ['uscc', 'openedBy'], properties: { uscc: { type: 'string' }, openedBy: { type: 'string' } } });

describe('contract registry', () => {
  const registry = new ContractRegistry([openedV1, openedV2]);

  it('validates by (type, version) and knows the latest version', () => {
    expect(() => registry.validate('data-account.opened', 1, { uscc: '91110000600037341L' })).not.toThrow();
    expect(() => registry.validate('data-account.opened', 2, { uscc: '91110000600037341L' })).toThrow(ContractViolationError);
    expect(registry.latestVersion('data-account.opened')).toBe(2);
  });

  it('treats an unknown type or version as a violation, and refuses duplicates', () => {
    expect(() => registry.validate('data-account.closed', 1, {})).toThrow(/no such contract/);
    expect(() => registry.validate('data-account.opened', 3, {})).toThrow(ContractViolationError);
    expect(() => new ContractRegistry([openedV1, openedV1])).toThrow(/twice/);
  });
});

describe('names', () => {
  it('spells topics and groups in one place', () => {
    expect(Topics.providerInbound).toBe('cfc.provider.inbound.v1');
    expect(deadLetterTopic('ingestion')).toBe(Topics.ingestionDeadLetter);
    expect(contextEventsTopic('identity')).toBe('cfc.identity.events.v1');
    expect(consumerGroup('audit', 'recorder')).toBe('cfc.audit.recorder');
    expect(() => consumerGroup('audit', 'Bad Name')).toThrow();
  });
});
