import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { signCheckpoint } from '../checkpoint/json-checkpoint';
import { canonicalJsonBytes } from '../jcs/jcs';
import { referenceLeafHash, referenceRoot } from './reference-tree';

/** An audit entry of the contract's shape, ~400 bytes of JCS. */
export function sampleAuditEntry(seq: number): Record<string, unknown> {
  return {
    seq,
    at: new Date(Date.UTC(2026, 2, 1) + seq * 1000).toISOString(),
    type: seq % 3 === 0 ? 'authorization.granted' : seq % 3 === 1 ? 'query.performed' : 'binding.activated',
    subject: '91350100M000100Y43',
    actor: { kind: 'INSTITUTION', institutionId: 'BANK0001', name: '某某银行股份有限公司' },
    data: { authorizationId: `a-${seq.toString(16).padStart(8, '0')}`, purpose: 'LOAN_APPLICATION', products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, accounts: ['6222********3445'], amountFen: seq * 100 },
  };
}

export interface AuditLogFixture {
  readonly entries: Buffer[];
  readonly checkpoints: Buffer[];
  readonly trustedKeys: Map<string, KeyObject>;
  readonly privateKey: KeyObject;
  readonly keyId: string;
}

/** A clean log of `size` entries with a signed JSON checkpoint every `every` entries and at the end. */
export function auditLogFixture(size: number, every: number): AuditLogFixture {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = 'audit-key-1';
  const entries = Array.from({ length: size }, (_, seq) => canonicalJsonBytes(sampleAuditEntry(seq)));
  const leaves = entries.map(referenceLeafHash);
  const sizes = [...Array.from({ length: Math.floor(size / every) }, (_, i) => (i + 1) * every), ...(size % every ? [size] : [])];
  const checkpoints = sizes.map((treeSize) => checkpointBytes(treeSize, referenceRoot(leaves.slice(0, treeSize)), privateKey, keyId));
  return { entries, checkpoints, trustedKeys: new Map([[keyId, publicKey]]), privateKey, keyId };
}

export function checkpointBytes(treeSize: number, root: Uint8Array, privateKey: KeyObject, keyId: string): Buffer {
  const cp = signCheckpoint({ treeSize, rootHash: root, timestamp: new Date(Date.UTC(2026, 2, 1) + treeSize * 1000), keyId }, privateKey);
  return Buffer.from(JSON.stringify(cp));
}
