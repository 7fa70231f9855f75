import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CompactRange, canonicalJsonBytes, signCheckpoint } from '@cfc/tlog';

const TYPES = ['authorization.granted', 'query.performed', 'binding.activated', 'subject.logged-in', 'declaration.filed'];

/** An audit entry of the contract's shape; its JCS is 300-600 bytes depending on the seq. */
function entry(seq: number): Record<string, unknown> {
  return {
    seq,
    at: new Date(Date.UTC(2026, 2, 1) + seq * 37).toISOString(),
    type: TYPES[seq % TYPES.length],
    subject: '91350100M000100Y43',
    actor: { kind: 'INSTITUTION', institutionId: `BANK${String(seq % 97).padStart(4, '0')}`, name: '某某银行股份有限公司福州分行' },
    data: {
      authorizationId: `0f6c${seq.toString(16).padStart(12, '0')}-4d3e-9a1b-7c2d5e8f9a0b`,
      purpose: 'LOAN_APPLICATION',
      products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'],
      accounts: Array.from({ length: 1 + (seq % 4) }, (_, i) => `6222********${String(3445 + i).padStart(4, '0')}`),
      note: 'x'.repeat(seq % 200),
    },
  };
}

export interface SampleLog {
  readonly entries: Buffer[];
  readonly checkpoints: Buffer[];
  readonly trustedKeys: Map<string, KeyObject>;
  readonly bytes: number;
}

/** `size` JCS entries and a signed JSON checkpoint every `every` entries (and at the end). */
export function sampleLog(size: number, every: number): SampleLog {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const entries: Buffer[] = [];
  const checkpoints: Buffer[] = [];
  const tree = CompactRange.empty();
  let bytes = 0;
  for (let seq = 0; seq < size; seq++) {
    const value = canonicalJsonBytes(entry(seq));
    entries.push(value);
    bytes += value.length;
    tree.appendData(value);
    if (tree.size % every === 0 || tree.size === size) {
      const cp = signCheckpoint({ treeSize: tree.size, rootHash: tree.root(), timestamp: new Date(Date.UTC(2026, 2, 1) + seq * 37), keyId: 'bench-key' }, privateKey);
      checkpoints.push(Buffer.from(JSON.stringify(cp)));
    }
  }
  return { entries, checkpoints, trustedKeys: new Map([['bench-key', publicKey]]), bytes };
}
