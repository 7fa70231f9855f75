import type { SqlDatabase } from '@cfc/eventing';
import { BINDINGS_READ_MODEL_VERSION, rebuildBindingsReadModel } from './read-model/bindings.rebuild';

// Binding's own tables beside the event store. binding.bindings is the read model of every binding
// stream, written in the transaction of each append (so the internal API is true the moment a command
// returns); its partial unique index is the rule "one open binding per account". Idempotent; run at
// service start under an advisory lock.
const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS binding`,
  `CREATE TABLE IF NOT EXISTS binding.bindings (
     binding_id        text PRIMARY KEY,
     subject           text NOT NULL,
     provider          text NOT NULL,
     account_number    text NOT NULL,
     account_type      text NOT NULL,
     status            text NOT NULL,
     agreement_version text NOT NULL,
     agreement_sha256  text NOT NULL,
     accepted_at       timestamptz NOT NULL,
     requested_at      timestamptz NOT NULL,
     expires_at        timestamptz NOT NULL,
     activated_at      timestamptz,
     ended_at          timestamptz,
     rejected_at       timestamptz,
     rejection_reason  text,
     expired_at        timestamptz,
     stream_version    integer NOT NULL
   )`,
  // At most one pending or active binding per account number at a provider, whoever asked: two
  // concurrent requests for the same account cannot both commit. Also the index resolve() probes.
  `CREATE UNIQUE INDEX IF NOT EXISTS bindings_open_account ON binding.bindings (provider, account_number) WHERE status IN ('PENDING_PROVIDER', 'ACTIVE')`,
  `CREATE INDEX IF NOT EXISTS bindings_by_subject ON binding.bindings (subject, requested_at)`,
  `CREATE INDEX IF NOT EXISTS bindings_pending_expiry ON binding.bindings (expires_at) WHERE status = 'PENDING_PROVIDER'`,
  `CREATE TABLE IF NOT EXISTS binding.read_models (name text PRIMARY KEY, version integer NOT NULL)`,
];

/** Creates or completes binding's schema, and rebuilds the read model from the event log when its version changed. */
export async function migrateBinding(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cfc.binding.migration'))`);
    for (const statement of STATEMENTS) await tx.query(statement);
    const { rows } = await tx.query<{ version: number }>(`SELECT version FROM binding.read_models WHERE name = 'bindings'`);
    if (rows[0]?.version === BINDINGS_READ_MODEL_VERSION) return;
    await rebuildBindingsReadModel(tx);
    await tx.query(
      `INSERT INTO binding.read_models (name, version) VALUES ('bindings', $1) ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version`,
      [BINDINGS_READ_MODEL_VERSION],
    );
  });
}
