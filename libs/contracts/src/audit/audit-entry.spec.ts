import { validateAuditCheckpoint, validateAuditEntry } from './audit-entry';

describe('audit contracts', () => {
  const entry = { seq: 0, at: '2026-11-01T02:00:00Z', type: 'authorization.granted', subject: '91110000600037341L', actor: { kind: 'enterprise', id: '91110000600037341L' }, data: { authorizationId: 'a-1' } };

  it('accepts an audit entry, with or without subject', () => {
    expect(validateAuditEntry(entry)).toEqual(entry);
    const { subject: _s, ...platformWide } = entry;
    expect(validateAuditEntry.check(platformWide).ok).toBe(true);
  });

  it('rejects a negative seq, a missing actor and a non-object data', () => {
    expect(validateAuditEntry.check({ ...entry, seq: -1 }).ok).toBe(false);
    const { actor: _a, ...noActor } = entry;
    expect(validateAuditEntry.check(noActor).ok).toBe(false);
    expect(validateAuditEntry.check({ ...entry, data: 'x' }).ok).toBe(false);
  });

  it('checks checkpoint hash and signature sizes (SHA-256 and Ed25519, base64)', () => {
    const checkpoint = { treeSize: 1, rootHash: Buffer.alloc(32).toString('base64'), timestamp: '2026-11-01T02:00:00Z', keyId: 'k1', signature: Buffer.alloc(64).toString('base64') };
    expect(validateAuditCheckpoint(checkpoint)).toEqual(checkpoint);
    expect(validateAuditCheckpoint.check({ ...checkpoint, rootHash: Buffer.alloc(20).toString('base64') }).ok).toBe(false);
  });
});
