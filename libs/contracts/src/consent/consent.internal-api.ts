import type { InstitutionId, Uscc } from '../common/common.types';
import type { Product } from './consent.events';

// Consent's internal HTTP API: the one enforcement check the report service calls before every query.

/** Why a query is refused (CONTRACT: POST /v1/queries answers 403, or 429 for QUERY_LIMIT_REACHED). */
export type AuthorizationRefusal =
  | 'NOT_ACTIVE'
  | 'EXPIRED'
  | 'PAUSED'
  | 'NOT_YOURS'
  | 'PRODUCT_NOT_COVERED'
  | 'ACCOUNT_NOT_COVERED'
  | 'ACCOUNT_UNBOUND'
  | 'QUERY_LIMIT_REACHED';

/**
 * POST /internal/authorizations/{id}/check: may this lender, under this authorisation, get this product
 * (for these accounts, if given), now? With `consume: true` an allowed answer also counts the query
 * against the cap (authorization.used, under the stream's optimistic lock: the cap holds under concurrency).
 */
export interface AuthorizationCheckRequest {
  lender: InstitutionId;
  product: Product;
  /** Binding ids the caller wants; absent: every account the authorisation covers. */
  accounts?: string[];
  consume: boolean;
  /** Idempotency key of the query (a retried check with the same id is counted once). */
  queryId: string;
}

export type AuthorizationCheckResponse =
  | {
      allowed: true;
      authorizationId: string;
      subject: Uscc;
      lender: InstitutionId;
      product: Product;
      /** Binding ids covered, each ACTIVE at this instant. */
      accounts: string[];
      /** The months of history covered: `months` calendar months ending with the last complete month (Asia/Shanghai). */
      period: { from: string; to: string; months: number };
      validUntil: string;
      /** Queries left in the current window after this one (when consumed). */
      remainingQueries: number;
    }
  | {
      allowed: false;
      reason: AuthorizationRefusal;
      detail: string;
      /** For QUERY_LIMIT_REACHED: seconds until the window lets the next query through. */
      retryAfterSeconds?: number;
    };
