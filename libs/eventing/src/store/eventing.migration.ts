import type { SqlDatabase } from '../sql/sql.port';

// The eventing schema of one service database: the event table (which is also the outbox), the
// checkpoints of relays and projections, and the consumers' inbox. Idempotent; run at service start.
const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS eventing`,
  `CREATE TABLE IF NOT EXISTS eventing.events (
     position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     event_id       uuid NOT NULL UNIQUE,
     stream_id      text NOT NULL,
     stream_version integer NOT NULL CHECK (stream_version > 0),
     type           text NOT NULL,
     schema_version integer NOT NULL CHECK (schema_version > 0),
     subject        text,
     data           jsonb NOT NULL,
     metadata       jsonb NOT NULL,
     occurred_at    timestamptz NOT NULL,
     recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
     CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
   )`,
  // Readers of committed events (relay, projections) scan in (transaction id, position) order.
  `CREATE INDEX IF NOT EXISTS events_commit_order ON eventing.events (transaction_id, position)`,
  `CREATE OR REPLACE FUNCTION eventing.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'eventing.events is append-only'; END $$`,
  `CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON eventing.events
     FOR EACH ROW EXECUTE FUNCTION eventing.reject_change()`,
  `CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON eventing.events
     FOR EACH STATEMENT EXECUTE FUNCTION eventing.reject_change()`,
  `CREATE TABLE IF NOT EXISTS eventing.checkpoints (
     name           text PRIMARY KEY,
     transaction_id xid8 NOT NULL DEFAULT '0',
     position       bigint NOT NULL DEFAULT 0,
     version        integer NOT NULL DEFAULT 1,
     updated_at     timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS eventing.inbox (
     consumer   text NOT NULL,
     message_id text NOT NULL,
     handled_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, message_id)
   )`,
];

/** Creates or completes the eventing schema; concurrent starts serialise on an advisory lock. */
export async function migrateEventing(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cfc.eventing.migration'))`);
    for (const statement of STATEMENTS) await tx.query(statement);
  });
}
