import { bindingEventContracts, consentEventContracts, IDENTITY_AUDITED_EVENT_TYPES, INGESTION_AUDITED_EVENT_TYPES, REPORT_AUDITED_EVENT_TYPES, validateAuditEntry } from '@cfc/contracts';
import { CHALLENGE_ID, ENTERPRISE, envelope, FULL_ACCOUNT, LOGIN_SAMPLES_V1, loginEnvelopeV1, SAMPLE_EVENTS } from '../../testing/event-samples';
import { draftFrom, entryBytes } from '../entries/audit-draft';
import { AUDITED_TYPES, classify, NOT_AUDITED } from './audited-types';
import { CONSUMED_CONTRACTS, consumedContracts } from './consumed-contracts';

const registry = consumedContracts();
const latestVersion = (type: string) => Math.max(...CONSUMED_CONTRACTS.filter((c) => c.type === type).map((c) => c.schemaVersion));

describe('which event types the audit records', () => {
  it('classifies every event type of the consumed contexts as audited or not, never both', () => {
    for (const contract of CONSUMED_CONTRACTS) expect([contract.type, classify(contract.type).kind]).not.toEqual([contract.type, 'unmapped']);
    expect(Object.keys(AUDITED_TYPES).filter((t) => t in NOT_AUDITED)).toEqual([]);
  });

  it("audits every type identity names as audited, binding's and consent's but authorization.used, and query.performed", () => {
    for (const type of [...IDENTITY_AUDITED_EVENT_TYPES, ...INGESTION_AUDITED_EVENT_TYPES]) expect([type, classify(type).kind]).toEqual([type, 'audited']);
    for (const c of [...bindingEventContracts, ...consentEventContracts]) expect([c.type, classify(c.type).kind]).toEqual([c.type, c.type === 'authorization.used' ? 'not-audited' : 'audited']);
    for (const type of REPORT_AUDITED_EVENT_TYPES) expect(classify(type).kind).toBe('audited');
    expect(classify('institution.registered').kind).toBe('audited');
  });

  it('reads every version of an audited type that its contracts define (an unread one would be dead-lettered)', () => {
    for (const contract of CONSUMED_CONTRACTS) {
      const classified = classify(contract.type);
      if (classified.kind === 'audited') expect([contract.type, contract.schemaVersion, classified.mapping.versions.includes(contract.schemaVersion)]).toEqual([contract.type, contract.schemaVersion, true]);
    }
  });

  it('leaves a type nobody classified unmapped (the recorder dead-letters it)', () => {
    expect(classify('message.deleted')).toEqual({ kind: 'unmapped' });
    expect(classify('toString')).toEqual({ kind: 'unmapped' });
  });

  it('has a valid sample of every audited and not-audited type at its latest version (the samples other suites produce)', () => {
    for (const type of [...Object.keys(AUDITED_TYPES), ...Object.keys(NOT_AUDITED)]) {
      expect([type, type in SAMPLE_EVENTS]).toEqual([type, true]);
      const version = SAMPLE_EVENTS[type].schemaVersion ?? 1;
      expect([type, version]).toEqual([type, latestVersion(type)]);
      expect(() => registry.validate(type, version, SAMPLE_EVENTS[type].data)).not.toThrow();
    }
  });

  it('has a valid version-1 sample of every login event at version 2', () => {
    const atVersion2 = CONSUMED_CONTRACTS.filter((c) => c.schemaVersion === 2 && classify(c.type).kind === 'audited').map((c) => c.type);
    expect(Object.keys(LOGIN_SAMPLES_V1).sort()).toEqual(atVersion2.sort());
    for (const [type, sample] of Object.entries(LOGIN_SAMPLES_V1)) expect(() => registry.validate(type, 1, sample.data)).not.toThrow();
  });

  describe.each([
    ...Object.keys(AUDITED_TYPES).map((type) => [type, envelope(type)] as const),
    ...Object.keys(LOGIN_SAMPLES_V1).map((type) => [`${type} v1`, loginEnvelopeV1(type)] as const),
  ])('%s', (_name, event) => {
    const type = event.type;
    const entry = { ...draftFrom(event, AUDITED_TYPES[type]), seq: 7 };
    const bytes = entryBytes(entry, 7).toString('utf8');

    it('becomes a contract audit entry with its subject, actor and time', () => {
      expect(validateAuditEntry.check(JSON.parse(bytes)).ok).toBe(true);
      expect(entry.subject).toBe(SAMPLE_EVENTS[type].subject === undefined && 'subject' in SAMPLE_EVENTS[type] ? undefined : ENTERPRISE);
      expect(entry.actor).toEqual(SAMPLE_EVENTS[type].actor);
    });

    it('carries no full account number and no identity fields', () => {
      expect(bytes).not.toContain(FULL_ACCOUNT);
      expect(bytes).not.toMatch(/"(uscc|legalRepIdNumber|legalRepName|mobile|tokenId|secretId|code|challengeId)"/);
      expect(bytes).not.toContain(CHALLENGE_ID);
    });

    it('is read back into a sentence in Chinese and English', () => {
      const summary = AUDITED_TYPES[type].summary(entry.data, { nameOf: () => undefined });
      expect(summary['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(summary.en.replace('示例银行股份有限公司', '')).toMatch(/^[ -~]+$/); // English but for names
    });
  });
});
