import type { SqlDatabase } from '@cfc/eventing';

// The report service's own read models beside its event store (query.performed is its outbox). Built
// from other services' events only; never another service's tables. Idempotent, under an advisory lock.
const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS report`,
  // The highest revision of each account-month (statistics.accepted), without account number and subject
  // in the record: the subject has its own column, the number is not needed.
  `CREATE TABLE IF NOT EXISTS report.statistics (
     binding_id    text NOT NULL,
     period        text NOT NULL,
     subject       text NOT NULL,
     revision      integer NOT NULL,
     record        jsonb NOT NULL,
     submission_id text NOT NULL,
     accepted_at   timestamptz NOT NULL,
     PRIMARY KEY (binding_id, period)
   )`,
  // Raised whenever a binding's statistics change: a query compares it with its cached copy.
  `CREATE TABLE IF NOT EXISTS report.statistics_versions (
     binding_id text PRIMARY KEY,
     version    bigint NOT NULL
   )`,
  // What a report shows of an account (binding events): masked number, provider, type; and its status.
  `CREATE TABLE IF NOT EXISTS report.bindings (
     binding_id     text PRIMARY KEY,
     subject        text NOT NULL,
     provider       text NOT NULL,
     account_type   text NOT NULL,
     account_number text NOT NULL,
     status         text NOT NULL,
     stream_version integer NOT NULL,
     updated_at     timestamptz NOT NULL
   )`,
  // The enterprises' declarations (identity's declaration.made / withdrawn): printed while active. A
  // withdrawal that overtook its declaration leaves a row without text, completed when the declaration comes.
  `CREATE TABLE IF NOT EXISTS report.declarations (
     declaration_id text PRIMARY KEY,
     subject        text NOT NULL,
     scope          text NOT NULL,
     binding_id     text,
     period         text,
     text           text,
     declared_at    text,
     withdrawn_at   text
   )`,
  `CREATE INDEX IF NOT EXISTS declarations_active ON report.declarations (subject) WHERE withdrawn_at IS NULL`,
  // Objections on months of bindings (ingestion's objection.raised / resolved / overdue): open ones mark
  // their month as disputed, corrected ones flag the corrected figures. rank orders the statuses
  // (SUBMITTED < OVERDUE < CORRECTED, UPHELD), so a late or repeated event never moves one back.
  `CREATE TABLE IF NOT EXISTS report.objections (
     objection_id       text PRIMARY KEY,
     subject            text,
     binding_id         text NOT NULL,
     period             text NOT NULL,
     status             text NOT NULL,
     rank               integer NOT NULL,
     fields             jsonb,
     raised_at          text,
     due_by             text,
     resolved_at        text,
     corrected_revision integer
   )`,
  `CREATE INDEX IF NOT EXISTS objections_by_binding ON report.objections (binding_id, period)`,
];

/** Creates or completes the report service's schema. */
export async function migrateReport(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cfc.report.migration'))`);
    for (const statement of STATEMENTS) await tx.query(statement);
  });
}
