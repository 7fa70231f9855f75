import type { Pool, PoolClient } from 'pg';
import type { SqlDatabase, SqlExecutor, SqlResult } from './sql.port';

/** SqlDatabase over a pg Pool: each transaction holds one pooled client from BEGIN to COMMIT. */
export function pgDatabase(pool: Pool): SqlDatabase {
  const on = (client: PoolClient): SqlExecutor => ({
    query: async <Row>(text: string, params?: readonly unknown[], name?: string) => toResult<Row>(await client.query({ text, values: params as unknown[], name })),
  });
  return {
    query: async <Row>(text: string, params?: readonly unknown[], name?: string) => toResult<Row>(await pool.query({ text, values: params as unknown[], name })),
    transaction: async <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
      const client: PoolClient = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
        throw error;
      } finally {
        // A client whose rollback failed is in an unknown state: destroy it rather than reuse it.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    session: async <T>(work: (connection: SqlExecutor) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        return await work(on(client));
      } finally {
        client.release(true);
      }
    },
  };
}

function toResult<Row>(r: { rows: unknown[]; rowCount: number | null }): SqlResult<Row> {
  return { rows: r.rows as Row[], rowCount: r.rowCount ?? 0 };
}
