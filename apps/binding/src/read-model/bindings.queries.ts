import type { AcceptedAgreement, AccountType, BindingResolveRequest, BindingStatus, BindingView } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';
import { statusAt } from '../domain/binding/binding.expiry';

interface BindingRow {
  binding_id: string;
  subject: string;
  provider: string;
  account_number: string;
  account_type: AccountType;
  status: BindingStatus;
  agreement_version: string;
  agreement_sha256: string;
  accepted_at: Date;
  requested_at: Date;
  expires_at: Date;
  activated_at: Date | null;
  ended_at: Date | null;
  rejected_at: Date | null;
  rejection_reason: string | null;
}

const COLUMNS = `binding_id, subject, provider, account_number, account_type, status, agreement_version, agreement_sha256,
  accepted_at, requested_at, expires_at, activated_at, ended_at, rejected_at, rejection_reason`;

// Per account, one probe of the open-account index (LIMIT keeps the planner from turning it into a hash
// of every open binding of the provider): the cost follows the message, not the provider's size.
export const RESOLVE = `
  SELECT q.ord, b.binding_id, b.agreement_version, b.agreement_sha256, b.accepted_at
  FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS q(subject, number, type, ord)
  CROSS JOIN LATERAL (
    SELECT binding_id, subject, account_type, status, agreement_version, agreement_sha256, accepted_at FROM binding.bindings o
    WHERE o.provider = $1 AND o.account_number = q.number AND o.status IN ('PENDING_PROVIDER', 'ACTIVE') LIMIT 1
  ) b
  WHERE b.status = 'ACTIVE' AND b.subject = q.subject AND b.account_type = q.type`;

/** The open (pending or active) binding holding an account, as the uniqueness rule sees it. */
export interface AccountClaim {
  bindingId: string;
  subject: string;
  status: BindingStatus;
  requestedAt: string;
}

/** Reads of binding.bindings. Statuses are as of `now`: a pending binding past its 7 days reads EXPIRED. */
export class BindingsReadModel {
  constructor(private readonly db: SqlExecutor) {}

  async find(bindingId: string, now: Date, tx: SqlExecutor = this.db): Promise<BindingView | undefined> {
    const { rows } = await tx.query<BindingRow>(`SELECT ${COLUMNS} FROM binding.bindings WHERE binding_id = $1`, [bindingId]);
    return rows[0] && toView(rows[0], now);
  }

  /** A subject's bindings, oldest request first (optionally only those with `status` now). */
  async ofSubject(subject: string, now: Date, status?: BindingStatus): Promise<BindingView[]> {
    const { rows } = await this.db.query<BindingRow>(`SELECT ${COLUMNS} FROM binding.bindings WHERE subject = $1 ORDER BY requested_at, binding_id`, [subject]);
    return rows.map((r) => toView(r, now)).filter((v) => status === undefined || v.status === status);
  }

  /** Each known binding among `bindingIds`, with its status now (unknown ids are absent). */
  async byIds(bindingIds: readonly string[], now: Date): Promise<BindingView[]> {
    const { rows } = await this.db.query<BindingRow>(`SELECT ${COLUMNS} FROM binding.bindings WHERE binding_id = ANY($1::text[])`, [bindingIds], 'binding_by_ids');
    return rows.map((r) => toView(r, now));
  }

  /**
   * The open binding holding this account at this provider. Not locked: the unique index decides races,
   * and a lock taken before an append would invert the append-then-update order every writer keeps.
   */
  async claimOf(tx: SqlExecutor, provider: string, accountNumber: string): Promise<AccountClaim | undefined> {
    const { rows } = await tx.query<{ binding_id: string; subject: string; status: BindingStatus; requested_at: Date }>(
      `SELECT binding_id, subject, status, requested_at FROM binding.bindings
       WHERE provider = $1 AND account_number = $2 AND status IN ('PENDING_PROVIDER', 'ACTIVE')`,
      [provider, accountNumber],
    );
    const row = rows[0];
    return row && { bindingId: row.binding_id, subject: row.subject, status: row.status, requestedAt: row.requested_at.toISOString() };
  }

  /**
   * For each account, in order, the binding ACTIVE now for that subject, number and type at `provider`, or
   * null: one statement, each account one probe of the open-account index (what ingestion asks per message).
   */
  async resolve(request: BindingResolveRequest): Promise<Array<{ bindingId: string; agreement: AcceptedAgreement } | null>> {
    const { accounts } = request;
    const { rows } = await this.db.query<{ ord: string; binding_id: string; agreement_version: string; agreement_sha256: string; accepted_at: Date }>(
      RESOLVE,
      [request.provider, accounts.map((a) => a.subject), accounts.map((a) => a.number), accounts.map((a) => a.type)],
      'binding_resolve',
    );
    const results: Array<{ bindingId: string; agreement: AcceptedAgreement } | null> = accounts.map(() => null);
    for (const r of rows) {
      results[Number(r.ord) - 1] = { bindingId: r.binding_id, agreement: { version: r.agreement_version, sha256: r.agreement_sha256, acceptedAt: r.accepted_at.toISOString() } };
    }
    return results;
  }

  /** Pending bindings whose 7 days have passed at `now` (what the sweep records as expired). */
  async duePending(now: Date, limit: number): Promise<Array<{ bindingId: string; subject: string }>> {
    const { rows } = await this.db.query<{ binding_id: string; subject: string }>(
      `SELECT binding_id, subject FROM binding.bindings WHERE status = 'PENDING_PROVIDER' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({ bindingId: r.binding_id, subject: r.subject }));
  }
}

function toView(row: BindingRow, now: Date): BindingView {
  const requestedAt = row.requested_at.toISOString();
  const status = statusAt(row.status, requestedAt, now);
  return {
    bindingId: row.binding_id,
    subject: row.subject,
    provider: row.provider,
    account: { number: row.account_number, type: row.account_type },
    status,
    agreement: { version: row.agreement_version, sha256: row.agreement_sha256, acceptedAt: row.accepted_at.toISOString() },
    requestedAt,
    ...(row.activated_at ? { activatedAt: row.activated_at.toISOString() } : {}),
    ...(row.ended_at ? { endedAt: row.ended_at.toISOString() } : {}),
    ...(status === 'PENDING_PROVIDER' || status === 'EXPIRED' ? { expiresAt: row.expires_at.toISOString() } : {}),
    ...(row.rejected_at ? { rejectedAt: row.rejected_at.toISOString(), rejectionReason: row.rejection_reason ?? undefined } : {}),
  };
}
