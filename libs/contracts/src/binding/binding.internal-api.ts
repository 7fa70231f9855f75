import type { FundAccount, InstitutionId, Uscc } from '../common/common.types';
import type { AcceptedAgreement } from './binding.events';

// Binding's internal HTTP API for other services (service-token authenticated; libs/platform
// internal-auth). Answers are true at the instant of the call: a binding ended a moment ago is ENDED.

export type BindingStatus = 'PENDING_PROVIDER' | 'ACTIVE' | 'REJECTED' | 'ENDED' | 'EXPIRED';

/** One binding as other services see it (full account number: internal only, never shown publicly). */
export interface BindingView {
  bindingId: string;
  subject: Uscc;
  provider: InstitutionId;
  account: FundAccount;
  status: BindingStatus;
  agreement: AcceptedAgreement;
  requestedAt: string;
  activatedAt?: string;
  endedAt?: string;
  /** PENDING_PROVIDER and EXPIRED: the instant an unanswered request expires (requestedAt + 7 days). */
  expiresAt?: string;
  /** REJECTED: when and why the provider refused. */
  rejectedAt?: string;
  rejectionReason?: string;
}

/** GET /internal/bindings?subject=<uscc>[&status=ACTIVE] -> the subject's bindings. */
export interface BindingListResponse {
  bindings: BindingView[];
}

/**
 * POST /internal/bindings/status { bindingIds } (up to 1,000) -> each binding's status now (unknown ids
 * are absent). What consent asks before every query (ACCOUNT_UNBOUND).
 */
export interface BindingStatusRequest {
  bindingIds: string[];
}
export interface BindingStatusResponse {
  bindings: BindingView[];
}

/**
 * POST /internal/bindings/resolve { provider, accounts: [{ subject, number, type }] } (up to 1,000) ->
 * for each account, in order, the binding that is ACTIVE now for that subject at that provider, or null.
 * What ingestion asks for every statistics message.
 */
export interface BindingResolveRequest {
  provider: InstitutionId;
  accounts: Array<{ subject: Uscc } & FundAccount>;
}
export interface BindingResolveResponse {
  results: Array<{ bindingId: string; agreement: AcceptedAgreement } | null>;
}
