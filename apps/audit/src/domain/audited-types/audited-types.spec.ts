import { bindingEventContracts, consentEventContracts, ContractRegistry, IDENTITY_AUDITED_EVENT_TYPES, identityEventContracts, INGESTION_AUDITED_EVENT_TYPES, objectionOverdueEvent, objectionRaisedEvent, objectionResolvedEvent, statisticsAccepted, validateAuditEntry } from '@cfc/contracts';
import { ENTERPRISE, envelope, FULL_ACCOUNT, SAMPLE_EVENTS } from '../../testing/event-samples';
import { draftFrom, entryBytes } from '../entries/audit-draft';
import { AUDITED_TYPES, classify, NOT_AUDITED } from './audited-types';
import { pendingContracts } from './pending.contracts';

const onMain = [...identityEventContracts, ...bindingEventContracts, ...consentEventContracts, statisticsAccepted, objectionRaisedEvent, objectionResolvedEvent, objectionOverdueEvent];
const registry = new ContractRegistry([...onMain, ...pendingContracts]);

describe('which event types the audit records', () => {
  it('classifies every event type of the consumed contexts as audited or not, never both', () => {
    for (const contract of onMain) expect([contract.type, classify(contract.type).kind]).not.toEqual([contract.type, 'unmapped']);
    expect(Object.keys(AUDITED_TYPES).filter((t) => t in NOT_AUDITED)).toEqual([]);
  });

  it("audits every type identity names as audited, binding's and consent's but authorization.used, and query.performed", () => {
    for (const type of [...IDENTITY_AUDITED_EVENT_TYPES, ...INGESTION_AUDITED_EVENT_TYPES]) expect([type, classify(type).kind]).toEqual([type, 'audited']);
    for (const c of [...bindingEventContracts, ...consentEventContracts]) expect([c.type, classify(c.type).kind]).toEqual([c.type, c.type === 'authorization.used' ? 'not-audited' : 'audited']);
    expect(classify('query.performed').kind).toBe('audited');
    expect(classify('institution.registered').kind).toBe('audited');
  });

  it('leaves a type nobody classified unmapped (the recorder dead-letters it)', () => {
    expect(classify('message.deleted')).toEqual({ kind: 'unmapped' });
    expect(classify('toString')).toEqual({ kind: 'unmapped' });
  });

  it('has a valid sample of every audited and not-audited type (the samples other suites produce)', () => {
    for (const type of [...Object.keys(AUDITED_TYPES), ...Object.keys(NOT_AUDITED)]) {
      expect([type, type in SAMPLE_EVENTS]).toEqual([type, true]);
      expect(() => registry.validate(type, 1, SAMPLE_EVENTS[type].data)).not.toThrow();
    }
  });

  describe.each(Object.keys(AUDITED_TYPES))('%s', (type) => {
    const entry = { ...draftFrom(envelope(type), AUDITED_TYPES[type]), seq: 7 };
    const bytes = entryBytes(entry, 7).toString('utf8');

    it('becomes a contract audit entry with its subject, actor and time', () => {
      expect(validateAuditEntry.check(JSON.parse(bytes)).ok).toBe(true);
      expect(entry.subject).toBe(SAMPLE_EVENTS[type].subject === undefined && 'subject' in SAMPLE_EVENTS[type] ? undefined : ENTERPRISE);
      expect(entry.actor).toEqual(SAMPLE_EVENTS[type].actor);
    });

    it('carries no full account number and no identity fields', () => {
      expect(bytes).not.toContain(FULL_ACCOUNT);
      expect(bytes).not.toMatch(/"(uscc|legalRepIdNumber|legalRepName|mobile|tokenId|secretId|code)"/);
    });

    it('is read back into a sentence in Chinese and English', () => {
      const summary = AUDITED_TYPES[type].summary(entry.data, { nameOf: () => undefined });
      expect(summary['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(summary.en.replace('示例银行股份有限公司', '')).toMatch(/^[ -~]+$/); // English but for names
    });
  });
});
