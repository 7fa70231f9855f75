import { maskAccountNumber, type BindingView } from '@cfc/contracts';
import type { BindingDto } from '@cfc/api';

/** A binding as its enterprise sees it: the account number masked (only the provider sees it whole). */
export function toPublicBinding(view: BindingView): BindingDto {
  const { bindingId, provider, account, status, agreement, requestedAt, activatedAt, endedAt, expiresAt, rejectedAt, rejectionReason } = view;
  return {
    id: bindingId,
    provider,
    account: { number: maskAccountNumber(account.number), type: account.type },
    status,
    agreement,
    requestedAt,
    ...(activatedAt ? { activatedAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(rejectedAt ? { rejectedAt, rejectionReason } : {}),
  };
}
