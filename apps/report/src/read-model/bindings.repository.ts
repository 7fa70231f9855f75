import { maskAccountNumber, type AccountType, type BindingStatus, type EventEnvelope } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';

/** What the report service keeps of a binding: enough to print it (masked) and to know whose it is. */
export interface BindingRow {
  bindingId: string;
  subject: string;
  provider: string;
  accountType: AccountType;
  /** Masked (maskAccountNumber); the full number is never stored here. */
  accountNumber: string;
  status: BindingStatus;
  streamVersion: number;
}

type BindingEventData = { bindingId: string; subject: string; provider: string; account: { number: string; type: AccountType } };

const STATUS_AFTER: Record<string, BindingStatus> = {
  'binding.requested': 'PENDING_PROVIDER',
  'binding.confirmed': 'ACTIVE',
  'binding.rejected': 'REJECTED',
  'binding.ended': 'ENDED',
  'binding.expired': 'EXPIRED',
};

/** The row a binding event leaves, or undefined for an event type this read model does not follow. */
export function bindingRowOf(event: EventEnvelope): BindingRow | undefined {
  const status = STATUS_AFTER[event.type];
  if (!status) return undefined;
  const data = event.data as BindingEventData;
  return { bindingId: data.bindingId, subject: data.subject, provider: data.provider, accountType: data.account.type, accountNumber: maskAccountNumber(data.account.number), status, streamVersion: event.streamVersion };
}

// A later event of a binding's stream wins whatever the order the rows arrive in (stream version guard).
const UPSERT = `
  INSERT INTO report.bindings AS b (binding_id, subject, provider, account_type, account_number, status, stream_version, updated_at)
  SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
  ON CONFLICT (binding_id) DO UPDATE
    SET subject = excluded.subject, provider = excluded.provider, account_type = excluded.account_type,
        account_number = excluded.account_number, status = excluded.status, stream_version = excluded.stream_version, updated_at = now()
    WHERE b.stream_version < excluded.stream_version`;

/** Stores the rows in bulk, the newest stream version of each binding. */
export async function upsertBindings(tx: SqlExecutor, rows: readonly BindingRow[]): Promise<void> {
  const newest = new Map<string, BindingRow>();
  for (const row of rows) if ((newest.get(row.bindingId)?.streamVersion ?? 0) < row.streamVersion) newest.set(row.bindingId, row);
  const sorted = [...newest.values()].sort((a, b) => (a.bindingId < b.bindingId ? -1 : 1));
  if (sorted.length === 0) return;
  await tx.query(UPSERT, [
    sorted.map((r) => r.bindingId),
    sorted.map((r) => r.subject),
    sorted.map((r) => r.provider),
    sorted.map((r) => r.accountType),
    sorted.map((r) => r.accountNumber),
    sorted.map((r) => r.status),
    sorted.map((r) => r.streamVersion),
  ]);
}
