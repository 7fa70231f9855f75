import type { SqlDatabase } from '@cfc/eventing';

// The audit's tables. The log (entries, nodes, full tiles, checkpoints) is append-only: the database
// itself refuses UPDATE, DELETE and TRUNCATE, and refuses an entry whose seq would leave a gap.
// Idempotent; run at start under an advisory lock.
const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS audit`,
  // Recorded source events waiting for their seq (a queue: the sequencer deletes what it appended).
  // head and tail: the entry's JCS before and after its seq (domain/entries/audit-draft.ts draftParts).
  `CREATE TABLE IF NOT EXISTS audit.intake (
     id              bigserial PRIMARY KEY,
     source_event_id uuid NOT NULL UNIQUE,
     subject         text,
     head            text NOT NULL,
     tail            text NOT NULL,
     received_at     timestamptz NOT NULL DEFAULT now()
   )`,
  // The log: seq is the leaf index; bytes are the entry's JCS, exactly as published; leaf = SHA-256(0x00 || bytes).
  `CREATE TABLE IF NOT EXISTS audit.entries (
     seq             bigint PRIMARY KEY CHECK (seq >= 0),
     source_event_id uuid NOT NULL UNIQUE,
     subject         text,
     bytes           bytea NOT NULL,
     leaf            bytea NOT NULL CHECK (octet_length(leaf) = 32),
     appended_at     timestamptz NOT NULL DEFAULT now()
   )`,
  // Complete subtrees of level 8 and above (one per 256 leaves), for proofs; lower ones are hashed from the leaves (log/sql.node-reader.ts).
  `CREATE TABLE IF NOT EXISTS audit.nodes (
     level smallint NOT NULL CHECK (level >= 8),
     idx   bigint NOT NULL CHECK (idx >= 0),
     hash  bytea NOT NULL CHECK (octet_length(hash) = 32),
     PRIMARY KEY (level, idx)
   )`,
  // C2SP tlog-tiles: level -1 holds entry bundles. Full tiles (width 256) never change; a partial tile is
  // kept for the checkpoints of its size and deleted once its full tile exists (the spec allows it).
  `CREATE TABLE IF NOT EXISTS audit.tiles (
     level smallint NOT NULL CHECK (level >= -1),
     idx   bigint NOT NULL CHECK (idx >= 0),
     width smallint NOT NULL CHECK (width BETWEEN 1 AND 256),
     bytes bytea NOT NULL,
     PRIMARY KEY (level, idx, width)
   )`,
  // Signed checkpoints; ordinal is the offset on cfc.audit.checkpoints.v1.
  `CREATE TABLE IF NOT EXISTS audit.checkpoints (
     tree_size  bigint PRIMARY KEY CHECK (tree_size > 0),
     ordinal    bigint NOT NULL UNIQUE,
     json       text NOT NULL,
     note       text NOT NULL,
     key_id     text NOT NULL,
     signed_at  timestamptz NOT NULL
   )`,
  `CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'audit.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  // Tiles: only a partial tile may go (once its full tile exists).
  `CREATE OR REPLACE FUNCTION audit.refuse_tile_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'DELETE' THEN
       IF OLD.width < 256 THEN RETURN OLD; END IF;
     END IF;
     RAISE EXCEPTION 'audit.tiles: a full tile is immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE OR REPLACE FUNCTION audit.refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION 'audit.% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`,
  // A statement's new entries must continue the log exactly: contiguous, starting right after the last one.
  `CREATE OR REPLACE FUNCTION audit.entries_gap_free() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE lo bigint; hi bigint; n bigint; before bigint; after boolean;
   BEGIN
     SELECT min(seq), max(seq), count(*) INTO lo, hi, n FROM inserted;
     IF n = 0 THEN RETURN NULL; END IF;
     SELECT max(seq) INTO before FROM audit.entries WHERE seq < lo;
     SELECT EXISTS (SELECT 1 FROM audit.entries WHERE seq > hi) INTO after;
     IF hi - lo + 1 <> n OR lo <> coalesce(before, -1) + 1 OR after THEN
       RAISE EXCEPTION 'audit.entries: seq % to % would not continue the log (last seq %)', lo, hi, before USING ERRCODE = 'check_violation';
     END IF;
     RETURN NULL;
   END $$`,
  ...['entries', 'nodes', 'tiles', 'checkpoints'].flatMap((table) => [
    `CREATE OR REPLACE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON audit.${table} FOR EACH ROW EXECUTE FUNCTION audit.${table === 'tiles' ? 'refuse_tile_change' : 'refuse_change'}()`,
    `CREATE OR REPLACE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON audit.${table} FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_truncate()`,
  ]),
  `CREATE OR REPLACE TRIGGER entries_gap_free AFTER INSERT ON audit.entries REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION audit.entries_gap_free()`,
  // The activity records: a projection of cfc.audit.v1 alone, dropped and rebuilt at will.
  `CREATE SCHEMA IF NOT EXISTS audit_activity`,
  `CREATE TABLE IF NOT EXISTS audit_activity.state (
     name        text PRIMARY KEY,
     generation  int NOT NULL,
     applied_seq bigint NOT NULL
   )`,
  `INSERT INTO audit_activity.state (name, generation, applied_seq) VALUES ('activity', 1, -1) ON CONFLICT DO NOTHING`,
];

/** The projection's own tables: created at start and after every rebuild. */
export const ACTIVITY_TABLES = [
  `CREATE TABLE IF NOT EXISTS audit_activity.items (
     seq     bigint PRIMARY KEY,
     subject text NOT NULL,
     at      timestamptz NOT NULL,
     kind    text NOT NULL,
     item    text NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS items_by_subject ON audit_activity.items (subject, seq)`,
  `CREATE TABLE IF NOT EXISTS audit_activity.institutions (id text PRIMARY KEY, name text NOT NULL)`,
];

/** Creates or completes the audit's schema. */
export async function migrateAudit(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cfc.audit.migration'))`);
    for (const statement of [...STATEMENTS, ...ACTIVITY_TABLES]) await tx.query(statement);
  });
}
