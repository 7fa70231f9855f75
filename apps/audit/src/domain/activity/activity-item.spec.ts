import type { AuditEntry } from '@cfc/contracts';
import { ENTERPRISE, envelope } from '../../testing/event-samples';
import { AUDITED_TYPES } from '../audited-types/audited-types';
import { draftFrom } from '../entries/audit-draft';
import { readEntry } from './activity-item';
import { InstitutionDirectory } from './institution-directory';

const entryOf = (type: string, seq: number): AuditEntry => ({ ...draftFrom(envelope(type), AUDITED_TYPES[type]), seq });

describe('reading audit entries into activity records', () => {
  it('names the acting institution from an earlier institution.registered entry', () => {
    const names = new InstitutionDirectory();
    expect(readEntry(entryOf('institution.registered', 0), names)).toEqual({ kind: 'platform' });
    expect(names.learn(entryOf('institution.registered', 0))).toEqual(['L0001', '示例银行股份有限公司']);
    const entry = entryOf('authorization.requested', 1);
    const reading = readEntry(entry, names);
    expect(reading).toEqual({
      kind: 'item',
      subject: ENTERPRISE,
      item: {
        seq: 1, at: entry.at, kind: 'AUTHORIZATION', type: 'authorization.requested',
        actor: { kind: 'institution', id: 'L0001', name: '示例银行股份有限公司' },
        summary: expect.objectContaining({ 'zh-CN': expect.stringContaining('示例银行股份有限公司（L0001）申请查询授权') }),
        entry,
      },
    });
  });

  it('shows an enterprise actor by USCC only, and an unregistered institution by id', () => {
    const names = new InstitutionDirectory();
    const granted = readEntry(entryOf('authorization.granted', 2), names);
    expect(granted.kind === 'item' && granted.item.actor).toEqual({ kind: 'enterprise', id: ENTERPRISE });
    const confirmed = readEntry(entryOf('binding.confirmed', 3), names);
    expect(confirmed.kind === 'item' && confirmed.item.actor).toEqual({ kind: 'institution', id: 'B0001' });
  });

  it('tells a type this build does not know from a platform-wide entry', () => {
    const entry: AuditEntry = { seq: 4, at: '2026-11-24T08:00:00.000Z', type: 'message.deleted', subject: ENTERPRISE, actor: { kind: 'enterprise', id: ENTERPRISE }, data: {} };
    expect(readEntry(entry, new InstitutionDirectory())).toEqual({ kind: 'unknown-type', type: 'message.deleted' });
  });

  it('still gives a sentence when an entry carries data its mapping cannot read', () => {
    const entry: AuditEntry = { ...entryOf('binding.confirmed', 5), data: { bindingId: 'b' } };
    const reading = readEntry(entry, new InstitutionDirectory());
    expect(reading.kind === 'item' && reading.item.summary).toEqual({ 'zh-CN': '记录：binding.confirmed', en: 'Record: binding.confirmed' });
  });
});
