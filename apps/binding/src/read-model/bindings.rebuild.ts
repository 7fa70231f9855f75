import type { SqlExecutor } from '@cfc/eventing';
import type { BindingEvent } from '../domain/binding/binding.events';
import { projectBindingEvent } from './bindings.projection';

/** Bump when binding.bindings changes shape or meaning: the next start rebuilds it from the event log. */
export const BINDINGS_READ_MODEL_VERSION = 1;

/** Empties binding.bindings and replays every binding event in log order (inside the caller's transaction). */
export async function rebuildBindingsReadModel(tx: SqlExecutor): Promise<number> {
  await tx.query(`TRUNCATE binding.bindings`);
  const { rows } = await tx.query<{ type: BindingEvent['type']; data: BindingEvent['data']; stream_version: number }>(
    `SELECT type, data, stream_version FROM eventing.events WHERE stream_id LIKE 'binding-%' ORDER BY position`,
  );
  for (const row of rows) await projectBindingEvent(tx, { type: row.type, data: row.data } as BindingEvent, row.stream_version);
  return rows.length;
}
