import type { SqlDatabase } from '@cfc/eventing';

// Identity's own tables beside the event store: the embedded registry (personal data sealed), client
// secret hashes, login code hashes and revoked tokens. Idempotent; run at service start under an advisory lock.
const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS identity`,
  `CREATE TABLE IF NOT EXISTS identity.registry_enterprises (
     uscc                text PRIMARY KEY,
     name                text NOT NULL,
     legal_rep_id_sealed text NOT NULL,
     legal_rep_id_lookup text NOT NULL,
     mobile_sealed       text NOT NULL,
     updated_at          timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS registry_enterprises_id_lookup ON identity.registry_enterprises (legal_rep_id_lookup)`,
  // The legal representative's name is personal data too (CONTRACT: encrypted at rest): sealed, and
  // matched by keyed hash. It was once stored in clear; that column goes, and rows written before
  // match nobody until their next upsert (the demo seeder rewrites every row at start).
  `ALTER TABLE identity.registry_enterprises
     ADD COLUMN IF NOT EXISTS legal_rep_name_sealed text,
     ADD COLUMN IF NOT EXISTS legal_rep_name_lookup text`,
  `ALTER TABLE identity.registry_enterprises DROP COLUMN IF EXISTS legal_rep_name`,
  // Client secret hashes, by the secretId that institution.client-registered names (never in events).
  `CREATE TABLE IF NOT EXISTS identity.client_secrets (
     secret_id      text PRIMARY KEY,
     institution_id text NOT NULL,
     client_id      text NOT NULL,
     secret_hash    text NOT NULL,
     created_at     timestamptz NOT NULL DEFAULT clock_timestamp()
   )`,
  `CREATE INDEX IF NOT EXISTS client_secrets_client ON identity.client_secrets (client_id, created_at DESC)`,
  // Login code hashes and the requester's keyed address hash, by challenge reference (never in events);
  // a row goes when its challenge completes or locks. It replaces login_codes, keyed by the challenge
  // id itself: its rows belonged to challenges of at most five minutes, which are asked for again.
  `DROP TABLE IF EXISTS identity.login_codes`,
  `CREATE TABLE IF NOT EXISTS identity.login_challenge_codes (
     challenge_ref text PRIMARY KEY,
     code_hash     text NOT NULL,
     requested_by  text NOT NULL,
     expires_at    timestamptz NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS login_challenge_codes_expiry ON identity.login_challenge_codes (expires_at)`,
  `CREATE TABLE IF NOT EXISTS identity.revoked_tokens (
     token_id   text PRIMARY KEY,
     subject    text NOT NULL,
     expires_at timestamptz NOT NULL,
     revoked_at timestamptz NOT NULL DEFAULT now()
   )`,
];

/** Creates or completes identity's schema. */
export async function migrateIdentity(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cfc.identity.migration'))`);
    for (const statement of STATEMENTS) await tx.query(statement);
  });
}
