import type { SqlExecutor } from '@cfc/eventing';
import { describeIntegration } from '@cfc/testing';
import { fromBase64, nodeHash, verifyConsistency, verifyInclusion } from '@cfc/tlog';
import { envelope, testUscc } from '../testing/event-samples';
import { eventually, startAuditStack, type AuditStack } from '../testing/audit.stack';
import { LogProofs } from './log.proofs';
import { ProofCache } from './proof-cache';
import { sqlNodeReader } from './sql.node-reader';

const hashOf = (base64: string): Uint8Array => {
  const hash = fromBase64(base64);
  if (!hash) throw new Error(`not base64: ${base64}`);
  return hash;
};

/** The statements an executor ran, by their prepared names. */
function counted(db: SqlExecutor): { db: SqlExecutor; names: string[] } {
  const names: string[] = [];
  return { names, db: { query: (text, params, prepareAs) => (names.push(prepareAs ?? text.slice(0, 40)), db.query(text, params, prepareAs)) } };
}

describeIntegration('audit proofs from the stored log: tiles, nodes, the entries past the last checkpoint, and the cache', () => {
  let owner: AuditStack; // checkpoints every 100 entries; its stop() drops the database
  let stack: AuditStack; // the same log reopened with checkpoints only every 1,000 entries or 10 minutes
  let checkpoints: Array<{ treeSize: number; root: Uint8Array }>;
  let leaves: Buffer[];
  const TOTAL = 700; // blocks 0 and 1 full, block 2 partial: every kind of tile
  const logged = async (s: AuditStack, n: number) => (await s.runtime.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit.entries`)).rows[0].n === String(n);

  beforeAll(async () => {
    owner = await startAuditStack({ AUDIT_CHECKPOINT_EVERY_ENTRIES: '100' });
    const subject = testUscc(31);
    for (let i = 0; i < TOTAL - 1; i += 100) {
      const chunk = Math.min(100, TOTAL - 1 - i);
      await owner.publish('binding', Array.from({ length: chunk }, () => envelope('binding.requested', { subject })));
      await eventually(`${i + chunk} entries logged`, () => logged(owner, i + chunk), 60_000);
    }
    await owner.untilPublished(TOTAL - 1);
    await owner.app.app.close();
    // Reopened so that the last entry stays past the last checkpoint, in no tile.
    stack = await startAuditStack({ AUDIT_CHECKPOINT_EVERY_ENTRIES: '1000', AUDIT_CHECKPOINT_INTERVAL_MS: '600000' }, { db: owner.db, namespace: owner.namespace, dataDir: owner.dataDir });
    await stack.publish('binding', [envelope('binding.requested', { subject })]);
    await eventually('the last entry logged', () => logged(stack, TOTAL), 60_000);
    const rows = await stack.runtime.db.query<{ tree_size: string; json: string }>(`SELECT tree_size, json FROM audit.checkpoints ORDER BY tree_size`);
    checkpoints = rows.rows.map((r) => ({ treeSize: Number(r.tree_size), root: hashOf(JSON.parse(r.json).rootHash) }));
    leaves = (await stack.runtime.db.query<{ leaf: Buffer }>(`SELECT leaf FROM audit.entries ORDER BY seq`)).rows.map((r) => r.leaf);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
    await owner?.stop().catch(() => undefined); // its app is closed already; this drops the database
  });

  it('proves every entry at every checkpoint size, partial tiles of older sizes replaced by full ones included', async () => {
    expect(checkpoints.length).toBeGreaterThanOrEqual(7);
    expect(checkpoints.some((c) => c.treeSize % 256 !== 0 && c.treeSize < 512)).toBe(true); // sizes whose partial tile is gone
    expect(checkpoints.at(-1)!.treeSize).toBe(TOTAL - 1);
    const proofs = new LogProofs(stack.runtime.db);
    for (const { treeSize, root } of checkpoints) {
      for (let seq = 0; seq < treeSize; seq += treeSize > 300 ? 7 : 1) {
        const answer = await proofs.inclusion(seq, treeSize);
        expect(verifyInclusion(seq, treeSize, leaves[seq], answer.proofHashes, root)).toBe(true);
      }
    }
    for (let i = 1; i < checkpoints.length; i++) {
      const [a, b] = [checkpoints[i - 1], checkpoints[i]];
      const { proof } = await proofs.consistency(a.treeSize, b.treeSize);
      expect(verifyConsistency(a.treeSize, b.treeSize, a.root, b.root, proof.map(hashOf))).toBe(true);
    }
  });

  it('answers a warm proof without reading a hash again, the same as a cold one', async () => {
    const { db, names } = counted(stack.runtime.db);
    const proofs = new LogProofs(db, new ProofCache());
    const cold = await proofs.inclusion(300, TOTAL - 1);
    expect(names).toEqual(expect.arrayContaining(['audit-read-nodes', 'audit-read-leaf-tiles']));
    expect(names).not.toContain('audit-read-leaves'); // tiles serve every checkpointed leaf
    names.length = 0;
    const warm = await proofs.inclusion(300, TOTAL - 1);
    expect(names).toEqual(['audit-checkpoint-at']);
    expect(warm.proof).toEqual(cold.proof);
    expect(verifyInclusion(300, TOTAL - 1, leaves[300], warm.proofHashes, checkpoints.at(-1)!.root)).toBe(true);
  });

  it('hashes the leaves no tile holds yet from the entries (the sequencer reloading its right edge)', async () => {
    const { db, names } = counted(stack.runtime.db);
    const last = TOTAL - 1; // past the last checkpoint: in no tile
    const [leaf, pair, block] = await sqlNodeReader(db).readNodes([{ level: 0, index: last }, { level: 1, index: (last - 1) / 2 }, { level: 0, index: 10 }]);
    expect(names).toContain('audit-read-leaves');
    expect(Buffer.from(leaf)).toEqual(leaves[last]);
    expect(Buffer.from(pair)).toEqual(Buffer.from(nodeHash(leaves[last - 1], leaves[last])));
    expect(Buffer.from(block)).toEqual(leaves[10]);
  });
});
