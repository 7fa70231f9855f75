import type { SqlDatabase, SqlExecutor } from './sql.port';

// Structural view of a TypeORM DataSource (typeorm 1.x), so this file needs no typeorm import.
interface QueryRunnerLike {
  connect(): Promise<unknown>;
  startTransaction(): Promise<void>;
  commitTransaction(): Promise<void>;
  rollbackTransaction(): Promise<void>;
  release(): Promise<void>;
  /** True once released, by us or by TypeORM itself when the connection failed. */
  readonly isReleased?: boolean;
  /** TypeORM's PostgreSQL runner: with an error, closes the connection instead of pooling it. */
  releasePostgresConnection?(error?: Error): Promise<void>;
  query(text: string, params: unknown[] | undefined, structured: true): Promise<{ records: unknown[]; affected?: number | null }>;
}
export interface DataSourceLike {
  createQueryRunner(): QueryRunnerLike;
}

/** SqlDatabase over a service's TypeORM DataSource, using structured results to get row counts. */
export function typeormDatabase(dataSource: DataSourceLike): SqlDatabase {
  const executor = (runner: QueryRunnerLike): SqlExecutor => ({
    query: async <Row>(text: string, params?: readonly unknown[]) => {
      try {
        const r = await runner.query(text, params as unknown[] | undefined, true);
        return { rows: r.records as Row[], rowCount: r.affected ?? r.records.length };
      } catch (error) {
        // TypeORM releases a runner whose connection failed; its next query only says "already released".
        if (runner.isReleased) throw new Error(`the database connection was lost: ${(error as Error).message}`, { cause: error });
        throw error;
      }
    },
  });
  const withRunner = async <T>(work: (runner: QueryRunnerLike) => Promise<T>): Promise<T> => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  };
  const closeAfter = async <T>(work: (runner: QueryRunnerLike) => Promise<T>): Promise<T> => {
    const runner = dataSource.createQueryRunner();
    if (!runner.releasePostgresConnection) throw new Error('typeormDatabase.session needs the PostgreSQL driver');
    await runner.connect();
    try {
      return await work(runner);
    } finally {
      await runner.releasePostgresConnection(new Error('session ended: connection closed, not pooled'));
    }
  };
  return {
    query: (text, params) => withRunner((runner) => executor(runner).query(text, params)),
    transaction: (work) =>
      withRunner(async (runner) => {
        await runner.startTransaction();
        try {
          const result = await work(executor(runner));
          await runner.commitTransaction();
          return result;
        } catch (error) {
          // A connection that died was already released by TypeORM (the rollback then only says "already
          // released"); a rollback failing on a live one leaves it in an unknown state: close it, never pool
          // it. Either way the work's own error is the one to report.
          await runner.rollbackTransaction().catch((rollbackError: Error) => runner.releasePostgresConnection?.(rollbackError));
          throw error;
        }
      }),
    session: (work) => closeAfter((runner) => work(executor(runner))),
  };
}
