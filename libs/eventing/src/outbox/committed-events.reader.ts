import type { SqlExecutor } from '../sql/sql.port';
import { EVENT_COLUMNS, type EventRow } from '../store/stored-event';

/** Where a reader of the event table stands: the last (transaction id, position) it has handled. */
export interface Checkpoint {
  transactionId: string;
  position: string;
}

export const START: Checkpoint = { transactionId: '0', position: '0' };

export interface CommittedRow extends EventRow {
  /** The writing transaction's id, as decimal text (xid8 exceeds 2^53 in principle). */
  txid: string;
}

/**
 * The first transaction id that may still commit events into this database, and whether that is
 * unsure. Each transaction running at the statement's snapshot is looked up in pg_stat_activity:
 * listed in another database, it is ignored (PostgreSQL's own xmin spans the whole cluster, so a
 * long write in a neighbour service's database would otherwise stall every reader sharing the
 * server); listed here, it holds the horizon. Not listed, it finished between the snapshot and the
 * lookup, in a database we cannot tell: it must hold the horizon (its events, if ours, are invisible
 * to this snapshot), and the horizon is `unsure`, so the reader tries again with a fresh snapshot.
 */
const HORIZON = `
  running AS MATERIALIZED (
    SELECT x, (SELECT bool_and(a.datname IS NULL OR a.datname = current_database()) FROM pg_stat_activity a
               WHERE a.backend_xid = x::xid) AS here
    FROM pg_snapshot_xip(pg_current_snapshot()) x),
  horizon AS MATERIALIZED (
    SELECT coalesce(min(x) FILTER (WHERE here IS NOT FALSE), pg_snapshot_xmax(pg_current_snapshot())) AS xid,
           coalesce(min(x) FILTER (WHERE here IS NULL) < coalesce(min(x) FILTER (WHERE here), pg_snapshot_xmax(pg_current_snapshot())), false) AS unsure
    FROM running)`;

// Events after the checkpoint ($1, $2), at most $3, written by transactions older than the horizon;
// one row with null columns when there are none, to carry `unsure`. The text copy of the id gets its
// own name: ORDER BY must see the xid8 column, or it sorts '10' before '9'.
const READ_AFTER = `
  SELECT h.unsure, e.* FROM horizon h LEFT JOIN LATERAL (
    SELECT ${EVENT_COLUMNS}, e.transaction_id::text AS txid FROM eventing.events e
    WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint) AND e.transaction_id < h.xid
    ORDER BY e.transaction_id, e.position
    LIMIT $3) e ON true`;

/** Fresh snapshots tried when the horizon is unsure: each race needs a transaction to end within microseconds. */
const UNSURE_RETRIES = 3;

type ReadRow = CommittedRow & { unsure: boolean };

/**
 * Reads events after a checkpoint in (transaction id, position) order, but only those written by
 * transactions older than every transaction of this database still running. Such rows are final:
 * nothing can later commit *before* them in this order, so a checkpoint never skips an event whose
 * transaction was slow to commit, however early its position.
 */
export async function readCommittedAfter(sql: SqlExecutor, after: Checkpoint, limit: number): Promise<CommittedRow[]> {
  return settle(sql, await readAfter(sql, after, limit), after, limit);
}

const readAfter = (sql: SqlExecutor, after: Checkpoint, limit: number) =>
  sql.query<ReadRow>(`WITH ${HORIZON} ${READ_AFTER}`, [after.transactionId, after.position, limit], 'cfc_eventing_read_committed');

/**
 * Stores checkpoint `name` at `after` and reads the events after it, in one round trip: for a reader
 * that holds its checkpoint (a relay's lease) and moves it as it goes.
 */
export async function storeAndReadAfter(sql: SqlExecutor, name: string, after: Checkpoint, limit: number): Promise<CommittedRow[]> {
  const first = await sql.query<ReadRow>(
    `WITH stored AS (UPDATE eventing.checkpoints SET transaction_id = $1::xid8, position = $2::bigint, updated_at = now() WHERE name = $4),
     ${HORIZON} ${READ_AFTER}`,
    [after.transactionId, after.position, limit, name],
    'cfc_eventing_store_and_read',
  );
  return settle(sql, first, after, limit);
}

/**
 * Returns the events of the `first` read, or of a re-read with a fresh snapshot when its horizon was
 * unsure and the batch not full. pg_stat_activity is cached per transaction, hence the explicit clear.
 */
async function settle(sql: SqlExecutor, first: { rows: ReadRow[] }, after: Checkpoint, limit: number): Promise<CommittedRow[]> {
  let { rows } = first;
  for (let retry = 0; retry < UNSURE_RETRIES && rows[0].unsure && eventsIn(rows).length < limit; retry++) {
    await sql.query('SELECT pg_stat_clear_snapshot()');
    ({ rows } = await readAfter(sql, after, limit));
  }
  return eventsIn(rows);
}

const eventsIn = (rows: ReadRow[]): CommittedRow[] => (rows[0].txid === null ? [] : rows);

/** Creates a named checkpoint at START unless it exists; outside the reading transaction, so that one gets no xid early. */
export async function ensureCheckpoint(sql: SqlExecutor, name: string, version = 1): Promise<void> {
  await sql.query(`INSERT INTO eventing.checkpoints (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, version]);
}

/** Reads a named checkpoint; `version` lets projections notice a changed definition. */
export async function loadCheckpoint(sql: SqlExecutor, name: string): Promise<Checkpoint & { version: number }> {
  const { rows } = await sql.query<{ transaction_id: string; position: string; version: number }>(
    `SELECT transaction_id::text AS transaction_id, position::text AS position, version FROM eventing.checkpoints WHERE name = $1`,
    [name],
  );
  return { transactionId: rows[0].transaction_id, position: rows[0].position, version: rows[0].version };
}

/** Moves a named checkpoint forward (or, for a rebuild, back to START). */
export async function storeCheckpoint(sql: SqlExecutor, name: string, at: Checkpoint, version?: number): Promise<void> {
  await sql.query(
    `UPDATE eventing.checkpoints SET transaction_id = $2::xid8, position = $3::bigint, version = coalesce($4, version), updated_at = now() WHERE name = $1`,
    [name, at.transactionId, at.position, version ?? null],
  );
}

/** The advisory lock key of checkpoint `$1`: whoever holds it is the one reader moving that checkpoint. */
export const CHECKPOINT_LOCK_KEY = `hashtext('cfc.checkpoint:' || $1)`;

/**
 * For projections: try-locks the checkpoint for this transaction and reads it in one round trip, and
 * lets the transaction commit without waiting for fsync: a lost checkpoint only means applying again
 * from the previous one (the read model rolls back with it). Undefined when another instance holds the lock.
 */
export async function lockCheckpoint(sql: SqlExecutor, name: string): Promise<Checkpoint | undefined> {
  const { rows } = await sql.query<{ locked: boolean; transaction_id: string; position: string }>(
    `SELECT pg_try_advisory_xact_lock(${CHECKPOINT_LOCK_KEY}) AS locked, set_config('synchronous_commit', 'off', true),
            transaction_id::text AS transaction_id, position::text AS position
     FROM eventing.checkpoints WHERE name = $1`,
    [name],
    'cfc_eventing_lock_checkpoint',
  );
  return rows[0]?.locked ? { transactionId: rows[0].transaction_id, position: rows[0].position } : undefined;
}
