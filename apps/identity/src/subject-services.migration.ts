import type { SqlDatabase, SqlExecutor } from '@cfc/eventing';
import { DECLARATIONS_READ_MODEL_VERSION, rebuildDeclarations } from './declarations/declarations.projection';
import { MESSAGES_READ_MODEL_VERSION, rebuildMessages } from './messages/messages.projection';

// The subject services' read models (messages, declarations) beside identity's event store. Each is
// rebuilt from the event log when its version in identity.read_models differs from the code's.
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS identity.read_models (name text PRIMARY KEY, version integer NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS identity.messages (
     message_id     uuid PRIMARY KEY,
     uscc           text NOT NULL,
     text           text NOT NULL,
     left_at        timestamptz NOT NULL,
     reply_text     text,
     replied_at     timestamptz,
     stream_version integer NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS messages_by_enterprise ON identity.messages (uscc, left_at DESC)`,
  `CREATE INDEX IF NOT EXISTS messages_awaiting_reply ON identity.messages (left_at) WHERE replied_at IS NULL`,
  `CREATE TABLE IF NOT EXISTS identity.declarations (
     declaration_id uuid PRIMARY KEY,
     uscc           text NOT NULL,
     text           text NOT NULL,
     scope          text NOT NULL,
     binding_id     text,
     period         text,
     made_at        timestamptz NOT NULL,
     withdrawn_at   timestamptz,
     stream_version integer NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS declarations_by_enterprise ON identity.declarations (uscc, made_at DESC)`,
];

const READ_MODELS: Array<{ name: string; version: number; rebuild: (tx: SqlExecutor) => Promise<void> }> = [
  { name: 'messages', version: MESSAGES_READ_MODEL_VERSION, rebuild: rebuildMessages },
  { name: 'declarations', version: DECLARATIONS_READ_MODEL_VERSION, rebuild: rebuildDeclarations },
];

/** Creates or completes the subject services' tables, rebuilding a read model whose version changed. */
export async function migrateSubjectServices(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cfc.identity.subject-services.migration'))`);
    for (const statement of STATEMENTS) await tx.query(statement);
    const { rows } = await tx.query<{ name: string; version: number }>(`SELECT name, version FROM identity.read_models`);
    const stored = new Map(rows.map((r) => [r.name, r.version]));
    for (const model of READ_MODELS) {
      if (stored.get(model.name) === model.version) continue;
      await model.rebuild(tx);
      await tx.query(`INSERT INTO identity.read_models (name, version) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version`, [model.name, model.version]);
    }
  });
}
