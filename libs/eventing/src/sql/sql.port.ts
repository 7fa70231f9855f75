// The small SQL port eventing needs: a service hands in a pg Pool or a TypeORM DataSource behind it.

export interface SqlResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Something that runs one statement: the database itself, or an open transaction. */
export interface SqlExecutor {
  /** `prepareAs` names a hot statement so drivers that can (pg) parse and plan it once per connection. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], prepareAs?: string): Promise<SqlResult<Row>>;
}

/** A database: runs statements on their own, or several in one transaction (commit on resolve, rollback on throw). */
export interface SqlDatabase extends SqlExecutor {
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on one dedicated connection, statements autocommitted, for session state such as an
   * advisory lock held across many statements. The connection is closed afterwards, never pooled
   * again, so that state cannot leak to another user.
   */
  session<T>(work: (connection: SqlExecutor) => Promise<T>): Promise<T>;
}
