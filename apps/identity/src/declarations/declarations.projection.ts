import type { SqlExecutor } from '@cfc/eventing';
import type { DeclarationEvent } from '../domain/declaration/declaration.events';

// identity.declarations: one row per declaration, withdrawn ones kept, written in the transaction that
// appends its event, and rebuilt from the event log when its version changes.

/** Bump when identity.declarations changes shape or meaning: the next start rebuilds it from the event log. */
export const DECLARATIONS_READ_MODEL_VERSION = 1;

/** Applies one declaration event to identity.declarations (the append's transaction, or a rebuild's). */
export async function projectDeclarationEvent(tx: SqlExecutor, event: DeclarationEvent, streamVersion: number): Promise<void> {
  switch (event.type) {
    case 'declaration.made': {
      const d = event.data;
      await tx.query(
        `INSERT INTO identity.declarations (declaration_id, uscc, text, scope, binding_id, period, made_at, stream_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [d.declarationId, d.uscc, d.text, d.scope, d.bindingId ?? null, d.period ?? null, d.madeAt, streamVersion],
      );
      return;
    }
    case 'declaration.withdrawn': {
      const d = event.data;
      const { rowCount } = await tx.query(`UPDATE identity.declarations SET withdrawn_at = $2, stream_version = $3 WHERE declaration_id = $1`, [d.declarationId, d.withdrawnAt, streamVersion]);
      if (rowCount !== 1) throw new Error(`read model has no declaration ${d.declarationId}`);
      return;
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

/** Empties identity.declarations and replays every declaration event in log order (inside the caller's transaction). */
export async function rebuildDeclarations(tx: SqlExecutor): Promise<void> {
  await tx.query(`TRUNCATE identity.declarations`);
  const { rows } = await tx.query<{ type: DeclarationEvent['type']; data: DeclarationEvent['data']; stream_version: number }>(
    `SELECT type, data, stream_version FROM eventing.events WHERE stream_id LIKE 'declaration-%' ORDER BY position`,
  );
  for (const row of rows) await projectDeclarationEvent(tx, { type: row.type, data: row.data } as DeclarationEvent, row.stream_version);
}
