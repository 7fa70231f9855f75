import { canonicalJson } from '@cfc/tlog';
import { envelope } from '../../testing/event-samples';
import { AUDITED_TYPES } from '../audited-types/audited-types';
import { draftFrom, draftParts, entryBytes, entryFromParts } from './audit-draft';

describe('audit drafts', () => {
  it.each(Object.keys(AUDITED_TYPES))('%s: head + seq + tail is exactly the JCS of the entry, at any seq', (type) => {
    const draft = draftFrom(envelope(type), AUDITED_TYPES[type]);
    const parts = draftParts(draft);
    for (const seq of [0, 9, 10, 1_000_000, 2 ** 53 - 1]) {
      const bytes = entryFromParts(parts, seq);
      expect(bytes.equals(entryBytes(draft, seq))).toBe(true);
      expect(canonicalJson(JSON.parse(bytes.toString('utf8')))).toBe(bytes.toString('utf8'));
    }
  });

  it('splits around the seq with and without a subject, with keys that sort near "seq"', () => {
    const draft = { at: '2026-11-24T08:00:00.000Z', type: 'a.b', actor: { kind: 'system' as const, id: 's' }, data: { sequence: 1, sea: [{ seq: 'x' }], '\u00e9': 'é' } };
    expect(entryFromParts(draftParts(draft), 3).equals(entryBytes(draft, 3))).toBe(true);
    const withSubject = { ...draft, subject: '91110000600037341L' };
    expect(entryFromParts(draftParts(withSubject), 3).equals(entryBytes(withSubject, 3))).toBe(true);
    expect(() => draftParts({ ...draft, extra: 1 } as never)).toThrow(/no field extra/);
    expect(() => entryFromParts(draftParts(draft), -1)).toThrow(RangeError);
  });
});
