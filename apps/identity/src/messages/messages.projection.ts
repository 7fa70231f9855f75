import type { SqlExecutor } from '@cfc/eventing';
import type { MessageEvent } from '../domain/message/message.events';

// identity.messages: one row per message, written in the transaction that appends its event (so a list
// read right after a POST shows it), and rebuilt from the event log when its version changes.

/** Bump when identity.messages changes shape or meaning: the next start rebuilds it from the event log. */
export const MESSAGES_READ_MODEL_VERSION = 1;

/** Applies one message event to identity.messages (the append's transaction, or a rebuild's). */
export async function projectMessageEvent(tx: SqlExecutor, event: MessageEvent, streamVersion: number): Promise<void> {
  switch (event.type) {
    case 'message.left': {
      const d = event.data;
      await tx.query(`INSERT INTO identity.messages (message_id, uscc, text, left_at, stream_version) VALUES ($1, $2, $3, $4, $5)`, [d.messageId, d.uscc, d.text, d.leftAt, streamVersion]);
      return;
    }
    case 'message.replied': {
      const d = event.data;
      const { rowCount } = await tx.query(`UPDATE identity.messages SET reply_text = $2, replied_at = $3, stream_version = $4 WHERE message_id = $1`, [d.messageId, d.text, d.repliedAt, streamVersion]);
      if (rowCount !== 1) throw new Error(`read model has no message ${d.messageId}`);
      return;
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

/** Empties identity.messages and replays every message event in log order (inside the caller's transaction). */
export async function rebuildMessages(tx: SqlExecutor): Promise<void> {
  await tx.query(`TRUNCATE identity.messages`);
  const { rows } = await tx.query<{ type: MessageEvent['type']; data: MessageEvent['data']; stream_version: number }>(
    `SELECT type, data, stream_version FROM eventing.events WHERE stream_id LIKE 'message-%' ORDER BY position`,
  );
  for (const row of rows) await projectMessageEvent(tx, { type: row.type, data: row.data } as MessageEvent, row.stream_version);
}
