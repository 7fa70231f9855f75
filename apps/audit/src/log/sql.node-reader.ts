import type { SqlExecutor } from '@cfc/eventing';
import type { Hash, NodeId, NodeReader } from '@cfc/tlog';

/**
 * The log's stored hashes as a NodeReader: leaves from audit.entries, higher complete subtrees from
 * audit.nodes, answered in the order asked, in one query per call (one per proof).
 */
export function sqlNodeReader(db: SqlExecutor): NodeReader {
  return {
    async readNodes(ids: readonly NodeId[]): Promise<Hash[]> {
      if (ids.length === 0) return [];
      const { rows } = await db.query<{ hash: Buffer | null }>(
        `SELECT coalesce(e.leaf, n.hash) AS hash
           FROM unnest($1::int[], $2::bigint[]) WITH ORDINALITY AS k(level, idx, ord)
           LEFT JOIN audit.entries e ON k.level = 0 AND e.seq = k.idx
           LEFT JOIN audit.nodes n ON k.level > 0 AND n.level = k.level AND n.idx = k.idx
          ORDER BY k.ord`,
        [ids.map((id) => id.level), ids.map((id) => id.index)],
        'audit-read-nodes',
      );
      return rows.map((row, i) => {
        if (!row.hash) throw new Error(`node ${ids[i].level}/${ids[i].index} is not stored`);
        return row.hash;
      });
    },
  };
}
