import type { SqlDatabase } from '@cfc/eventing';
import type { AuthorizationStatus } from '../domain/authorization/authorization.state';

// Reads of the list read model. The status is the one *now*: the stored status, or EXPIRED once the
// clock passed answer_by (a request) or valid_until (a grant), whether or not the sweep recorded it.

const STATUS_NOW = `CASE WHEN status = 'PENDING' AND answer_by <= $2 THEN 'EXPIRED'
                         WHEN status IN ('ACTIVE', 'PAUSED') AND valid_until <= $2 THEN 'EXPIRED'
                         ELSE status END`;

export interface AuthorizationSummary {
  id: string;
  subject: string;
  lender: string;
  purpose: string;
  status: AuthorizationStatus;
  request: Record<string, unknown>;
  scope?: Record<string, unknown>;
}

export class AuthorizationListQuery {
  constructor(private readonly db: SqlDatabase) {}

  /** A lender's requests or an enterprise's authorisations, newest first. */
  async list(owner: { lender: string } | { subject: string }, now: Date, filter: { status?: AuthorizationStatus; limit: number }): Promise<AuthorizationSummary[]> {
    const [column, value] = 'lender' in owner ? ['lender', owner.lender] : ['subject', owner.subject];
    const { rows } = await this.db.query<{ summary: Omit<AuthorizationSummary, 'status'>; status_now: AuthorizationStatus }>(
      `SELECT summary, status_now FROM (
         SELECT summary, requested_at, authorization_id, ${STATUS_NOW} AS status_now FROM consent.authorization_list WHERE ${column} = $1
       ) owned WHERE $3::text IS NULL OR status_now = $3 ORDER BY requested_at DESC, authorization_id LIMIT $4`,
      [value, now.toISOString(), filter.status ?? null, filter.limit],
    );
    return rows.map((r) => ({ ...r.summary, status: r.status_now }));
  }

  /** Authorisations the clock has expired but no event has recorded yet (the sweep's work). */
  async expiredUnrecorded(now: Date, limit: number): Promise<Array<{ id: string; subject: string }>> {
    const { rows } = await this.db.query<{ authorization_id: string; subject: string }>(
      `SELECT authorization_id, subject FROM consent.authorization_list
       WHERE status IN ('PENDING', 'ACTIVE', 'PAUSED') AND ${STATUS_NOW.replace(/\$2/g, '$1')} = 'EXPIRED'
       ORDER BY updated_at LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((r) => ({ id: r.authorization_id, subject: r.subject }));
  }
}
