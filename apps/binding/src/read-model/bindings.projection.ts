import type { SqlExecutor } from '@cfc/eventing';
import type { BindingEvent } from '../domain/binding/binding.events';
import { expiryOf } from '../domain/binding/binding.expiry';

/** Another request claimed the account between our check and our insert: the caller retries its unit of work. */
export class AccountClaimRace extends Error {
  override readonly name = 'AccountClaimRace';
}

// Open (pending or active) bindings claim their account through the partial unique index; a request
// for a claimed account inserts nothing here, and its transaction (with the append) is rolled back.
const INSERT_REQUESTED = `
  INSERT INTO binding.bindings (binding_id, subject, provider, account_number, account_type, status, agreement_version,
                                agreement_sha256, accepted_at, requested_at, expires_at, stream_version)
  VALUES ($1, $2, $3, $4, $5, 'PENDING_PROVIDER', $6, $7, $8, $9, $10, $11)
  ON CONFLICT (provider, account_number) WHERE status IN ('PENDING_PROVIDER', 'ACTIVE') DO NOTHING`;

/** Applies one binding event to binding.bindings, in the transaction that appended it (or a rebuild's). */
export async function projectBindingEvent(tx: SqlExecutor, event: BindingEvent, streamVersion: number): Promise<void> {
  switch (event.type) {
    case 'binding.requested': {
      const d = event.data;
      const { rowCount } = await tx.query(INSERT_REQUESTED, [
        d.bindingId, d.subject, d.provider, d.account.number, d.account.type, d.agreement.version, d.agreement.sha256,
        d.agreement.acceptedAt, d.requestedAt, expiryOf(d.requestedAt).toISOString(), streamVersion,
      ]);
      if (rowCount !== 1) throw new AccountClaimRace(`account at ${d.provider} was claimed concurrently`);
      return;
    }
    case 'binding.confirmed':
      return update(tx, event.data.bindingId, streamVersion, `status = 'ACTIVE', activated_at = $3`, [event.data.confirmedAt]);
    case 'binding.rejected':
      return update(tx, event.data.bindingId, streamVersion, `status = 'REJECTED', rejected_at = $3, rejection_reason = $4`, [event.data.rejectedAt, event.data.reason]);
    case 'binding.ended':
      return update(tx, event.data.bindingId, streamVersion, `status = 'ENDED', ended_at = $3`, [event.data.endedAt]);
    case 'binding.expired':
      return update(tx, event.data.bindingId, streamVersion, `status = 'EXPIRED', expired_at = $3`, [event.data.expiredAt]);
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

async function update(tx: SqlExecutor, bindingId: string, streamVersion: number, set: string, values: unknown[]): Promise<void> {
  const { rowCount } = await tx.query(`UPDATE binding.bindings SET ${set}, stream_version = $2 WHERE binding_id = $1`, [bindingId, streamVersion, ...values]);
  if (rowCount !== 1) throw new Error(`read model has no binding ${bindingId}`);
}
