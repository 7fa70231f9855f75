import type { SqlDatabase } from '@cfc/eventing';

// Ingestion's tables beside its event store (schema eventing). Idempotent; run at start under an advisory lock.
// - submissions: one row per accepted provider message (submissionId idempotency, the regulator's counts).
// - statistics: every revision of every account-month ever stored (the log's statistics.accepted carry them too).
// - current_statistics: per (binding, month) the highest revision: a lower one arriving later never displaces it.
// - dead_letters: every whole-message refusal, counted per provider (the raw bytes go to the dead-letter topic).
// - objections: the read model of objection streams, written in each command's transaction; its partial
//   unique index is the rule "one open objection per (binding, month)".
// - bindings: binding's events as this service needs them (which accounts are bound, for freshness).
const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS ingestion`,
  `CREATE TABLE IF NOT EXISTS ingestion.submissions (
     submission_id     text PRIMARY KEY,
     provider          text NOT NULL,
     content_sha256    text NOT NULL,
     records_total     integer NOT NULL,
     records_stored    integer NOT NULL,
     records_duplicate integer NOT NULL,
     records_rejected  integer NOT NULL,
     received_at       timestamptz NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS submissions_by_provider ON ingestion.submissions (provider, received_at)`,
  `CREATE TABLE IF NOT EXISTS ingestion.statistics (
     binding_id    text NOT NULL,
     period        text NOT NULL,
     revision      integer NOT NULL,
     provider      text NOT NULL,
     subject       text NOT NULL,
     record        jsonb NOT NULL,
     submission_id text NOT NULL,
     received_at   timestamptz NOT NULL,
     PRIMARY KEY (binding_id, period, revision)
   )`,
  `CREATE TABLE IF NOT EXISTS ingestion.current_statistics (
     binding_id    text NOT NULL,
     period        text NOT NULL,
     revision      integer NOT NULL,
     provider      text NOT NULL,
     subject       text NOT NULL,
     submission_id text NOT NULL,
     received_at   timestamptz NOT NULL,
     PRIMARY KEY (binding_id, period)
   )`,
  `CREATE INDEX IF NOT EXISTS current_statistics_by_provider ON ingestion.current_statistics (provider, binding_id, period)`,
  `CREATE TABLE IF NOT EXISTS ingestion.dead_letters (
     dead_letter_id uuid PRIMARY KEY,
     provider       text,
     reason         text NOT NULL,
     message_type   text,
     received_at    timestamptz NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS dead_letters_by_provider ON ingestion.dead_letters (provider, received_at)`,
  `CREATE TABLE IF NOT EXISTS ingestion.objections (
     objection_id       text PRIMARY KEY,
     binding_id         text NOT NULL,
     subject            text NOT NULL,
     provider           text NOT NULL,
     account_number     text NOT NULL,
     account_type       text NOT NULL,
     period             text NOT NULL,
     fields             jsonb NOT NULL,
     reason             text NOT NULL,
     status             text NOT NULL,
     disputed_revision  integer NOT NULL,
     raised_at          timestamptz NOT NULL,
     due_by             timestamptz NOT NULL,
     resolved_at        timestamptz,
     note               text,
     corrected_revision integer,
     late               boolean,
     overdue_at         timestamptz,
     stream_version     integer NOT NULL
   )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS objections_open ON ingestion.objections (binding_id, period) WHERE status IN ('SUBMITTED', 'OVERDUE')`,
  `CREATE INDEX IF NOT EXISTS objections_by_subject ON ingestion.objections (subject, raised_at)`,
  `CREATE INDEX IF NOT EXISTS objections_due ON ingestion.objections (due_by) WHERE status = 'SUBMITTED'`,
  `CREATE TABLE IF NOT EXISTS ingestion.bindings (
     binding_id     text PRIMARY KEY,
     subject        text NOT NULL,
     provider       text NOT NULL,
     account_number text NOT NULL,
     account_type   text NOT NULL,
     status         text NOT NULL,
     stream_version integer NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS bindings_by_provider ON ingestion.bindings (provider) WHERE status = 'ACTIVE'`,
];

/** Creates or completes ingestion's schema. */
export async function migrateIngestion(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cfc.ingestion.migration'))`);
    for (const statement of STATEMENTS) await tx.query(statement);
  });
}
