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
      const client = await pool.connect();
      const lost = heardErrors(client);
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
        // A client whose rollback failed or whose connection died is in an unknown state: destroy it.
        const failure = lost.error() ?? broken;
        if (!(failure instanceof Error)) lost.stop(); // back to the pool, which listens while it is idle
        client.release(failure instanceof Error ? failure : undefined);
      }
    },
    session: async <T>(work: (connection: SqlExecutor) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      heardErrors(client); // kept to the end: the client is closed, never pooled again
      try {
        return await work(on(client));
      } finally {
        client.release(true);
      }
    },
  };
}

// pg-pool listens for errors only on idle clients: a checked-out client whose connection dies between
// queries (server restart, terminated backend) emits 'error', which unheard would crash the process.
// Heard here, it is kept for the release, and the next query on the client fails as usual.
function heardErrors(client: PoolClient): { error(): Error | undefined; stop(): void } {
  let lost: Error | undefined;
  const onError = (error: Error) => void (lost = error);
  client.on('error', onError);
  return { error: () => lost, stop: () => void client.off('error', onError) };
}

function toResult<Row>(r: { rows: unknown[]; rowCount: number | null }): SqlResult<Row> {
  return { rows: r.rows as Row[], rowCount: r.rowCount ?? 0 };
}
