import type { SqlExecutor } from '../sql/sql.port';

/** True when this consumer already handled the message (its effects are committed). */
export async function alreadyHandled(tx: SqlExecutor, consumer: string, messageId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`SELECT 1 FROM eventing.inbox WHERE consumer = $1 AND message_id = $2`, [consumer, messageId]);
  return rowCount > 0;
}

/**
 * Records the message as handled, in the handler's transaction. Written last, so the transaction
 * gets its xid from the handler's own writes; false means a concurrent twin got there first.
 */
export async function markHandled(tx: SqlExecutor, consumer: string, messageId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO eventing.inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [consumer, messageId],
  );
  return rowCount === 1;
}

/** Records several handled messages at once; false when any of them was already there. */
export async function markAllHandled(tx: SqlExecutor, consumer: string, messageIds: readonly string[]): Promise<boolean> {
  if (messageIds.length === 0) return true;
  const { rowCount } = await tx.query(
    `INSERT INTO eventing.inbox (consumer, message_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [consumer, messageIds],
  );
  return rowCount === messageIds.length;
}
