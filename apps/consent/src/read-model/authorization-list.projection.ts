import type { Projection, SqlExecutor, StoredEvent } from '@cfc/eventing';

// The lists (a lender's requests, an enterprise's authorisations) and the expiry sweep's candidates:
// one row per authorisation, folded from consent's own events. Eventually consistent (the runner polls
// every 50 ms); a single authorisation is always read from its stream.

const TABLE = 'consent.authorization_list';

type Data = Record<string, unknown>;

async function update(tx: SqlExecutor, event: StoredEvent, status: string | null, extra = '', params: unknown[] = []): Promise<void> {
  await tx.query(`UPDATE ${TABLE} SET status = coalesce($2, status), updated_at = $3${extra} WHERE authorization_id = $1`, [event.data.authorizationId, status, event.occurredAt, ...params]);
}

async function apply(event: StoredEvent, tx: SqlExecutor): Promise<void> {
  const d = event.data as Data;
  switch (event.type) {
    case 'authorization.requested': {
      const { authorizationId: id, subject, lender, purpose, products, months, validDays, accounts, queryLimit, requestedAt, answerBy } = d;
      const summary = { id, subject, lender, purpose, request: { products, months, validDays, ...(accounts ? { accounts } : {}), queryLimit, requestedAt, answerBy } };
      await tx.query(
        `INSERT INTO ${TABLE} (authorization_id, subject, lender, status, requested_at, answer_by, updated_at, summary)
         VALUES ($1, $2, $3, 'PENDING', $4, $5, $6, $7::jsonb) ON CONFLICT (authorization_id) DO NOTHING`,
        [id, subject, lender, requestedAt, answerBy, event.occurredAt, JSON.stringify(summary)],
      );
      return;
    }
    case 'authorization.granted': {
      const { accounts, products, months, queryLimit, grantedAt, validUntil } = d;
      const scope = { accounts, products, months, queryLimit, grantedAt, validUntil };
      return update(tx, event, 'ACTIVE', `, valid_until = $4, summary = summary || jsonb_build_object('scope', $5::jsonb)`, [validUntil, JSON.stringify(scope)]);
    }
    case 'authorization.extended':
      return update(tx, event, null, `, valid_until = $4,
        summary = jsonb_set(jsonb_set(summary, '{scope,validUntil}', $5::jsonb), '{scope,accounts}', (summary #> '{scope,accounts}') || $6::jsonb)`, [d.validUntil, JSON.stringify(d.validUntil), JSON.stringify(d.addedAccounts)]);
    case 'authorization.rejected':
      return update(tx, event, 'REJECTED');
    case 'authorization.revoked':
      return update(tx, event, 'REVOKED');
    case 'authorization.paused':
      return update(tx, event, 'PAUSED');
    case 'authorization.resumed':
      return update(tx, event, 'ACTIVE');
    case 'authorization.expired':
      return update(tx, event, 'EXPIRED');
    default:
      return; // authorization.used: the lists do not show counted queries
  }
}

export const authorizationListProjection: Projection = {
  name: 'consent-authorization-list',
  version: 1,
  handles: ['authorization.requested', 'authorization.granted', 'authorization.extended', 'authorization.rejected', 'authorization.revoked', 'authorization.paused', 'authorization.resumed', 'authorization.expired'],
  async init(tx) {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS consent`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
      authorization_id text PRIMARY KEY,
      subject      text NOT NULL,
      lender       text NOT NULL,
      status       text NOT NULL,
      requested_at timestamptz NOT NULL,
      answer_by    timestamptz NOT NULL,
      valid_until  timestamptz,
      updated_at   timestamptz NOT NULL,
      summary      jsonb NOT NULL
    )`);
    await tx.query(`CREATE INDEX IF NOT EXISTS authorization_list_lender ON ${TABLE} (lender, requested_at DESC)`);
    await tx.query(`CREATE INDEX IF NOT EXISTS authorization_list_subject ON ${TABLE} (subject, requested_at DESC)`);
    await tx.query(`CREATE INDEX IF NOT EXISTS authorization_list_open ON ${TABLE} (status) WHERE status IN ('PENDING', 'ACTIVE', 'PAUSED')`);
  },
  async drop(tx) {
    await tx.query(`DROP TABLE IF EXISTS ${TABLE}`);
  },
  apply,
};
