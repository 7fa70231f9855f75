import type { Server } from 'node:http';
import type { AuthorizationCheckRequest, AuthorizationCheckResponse, AuthorizationRefusal, InstitutionId, Product, QueryLimit, Uscc } from '@cfc/contracts';
import { addMonths, lastCompleteMonth } from '../domain/period/period';
import { notFound, startStandInServer, stopServer, type StandInRequest } from './stand-in.server';

/** An authorisation as the stand-in holds it (the parts the check needs). */
export interface StandInAuthorization {
  authorizationId: string;
  subject: Uscc;
  lender: InstitutionId;
  status: 'PENDING' | 'ACTIVE' | 'PAUSED' | 'REJECTED' | 'REVOKED' | 'EXPIRED';
  products: Product[];
  accounts: string[];
  months: number;
  validUntil: string;
  queryLimit?: QueryLimit;
}

type Refusal = { allowed: false; reason: AuthorizationRefusal; detail: string; retryAfterSeconds?: number };

/**
 * Test stand-in for consent's enforcement check (libs/contracts consent.internal-api):
 * POST /internal/authorizations/{id}/check, answering as the contract says: 404 for an unknown id, else
 * 200 with allowed true or the refusal reason; consume: true counts the query (once per queryId) against
 * the cap. An authorised account is ACCOUNT_UNBOUND when `isBound` says so (the test's binding stand-in).
 * The lead swaps the real consent service in when merging.
 */
export class ConsentCheckStandIn {
  private readonly authorizations = new Map<string, StandInAuthorization>();
  private readonly uses = new Map<string, Array<{ queryId: string; at: number }>>();
  private readonly scripted = new Map<string, Refusal>();
  /** Every check received, with the authorisation it was for (tests assert consume and fresh query ids). */
  readonly checks: Array<AuthorizationCheckRequest & { authorizationId: string; principal?: { kind: string; id: string } }> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: { now: () => Date; isBound: (bindingId: string) => boolean },
  ) {}

  static async start(secret: string, options: { now?: () => Date; isBound?: (bindingId: string) => boolean; port?: number } = {}): Promise<ConsentCheckStandIn> {
    const holder: { self?: ConsentCheckStandIn } = {}; // the route needs the instance, the instance needs the server
    const { server, url } = await startStandInServer('consent', secret, (request) => holder.self!.route(request), options.port);
    holder.self = new ConsentCheckStandIn(server, url, { now: options.now ?? (() => new Date()), isBound: options.isBound ?? (() => true) });
    return holder.self;
  }

  put(...authorizations: StandInAuthorization[]): this {
    for (const a of authorizations) this.authorizations.set(a.authorizationId, a);
    return this;
  }

  update(authorizationId: string, change: Partial<StandInAuthorization>): void {
    this.authorizations.set(authorizationId, { ...this.authorizations.get(authorizationId)!, ...change });
  }

  /** The next check of this authorisation answers this refusal (for answers the report's own requests cannot provoke). */
  refuseNext(authorizationId: string, reason: AuthorizationRefusal, detail: string): void {
    this.scripted.set(authorizationId, { allowed: false, reason, detail });
  }

  stop(): Promise<void> {
    return stopServer(this.server);
  }

  private route(request: StandInRequest) {
    const match = /^\/internal\/authorizations\/([^/]+)\/check$/.exec(request.url.pathname);
    if (request.method !== 'POST' || !match) return undefined;
    const authorizationId = decodeURIComponent(match[1]);
    const body = request.body as AuthorizationCheckRequest;
    this.checks.push({ ...body, authorizationId, principal: request.caller.principal });
    const authorization = this.authorizations.get(authorizationId);
    if (!authorization) return notFound('no such authorisation');
    const answer: AuthorizationCheckResponse = this.scriptedAnswer(authorizationId) ?? this.evaluate(authorization, body);
    return { status: 200, body: answer };
  }

  private scriptedAnswer(authorizationId: string): Refusal | undefined {
    const answer = this.scripted.get(authorizationId);
    this.scripted.delete(authorizationId);
    return answer;
  }

  private evaluate(a: StandInAuthorization, request: AuthorizationCheckRequest): AuthorizationCheckResponse {
    const now = this.options.now();
    const refuse = (reason: AuthorizationRefusal, detail: string, retryAfterSeconds?: number): Refusal => ({ allowed: false, reason, detail, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    if (a.lender !== request.lender) return refuse('NOT_YOURS', 'the authorisation was granted to another lender');
    if (a.status === 'PENDING' || a.status === 'REJECTED' || a.status === 'REVOKED') return refuse('NOT_ACTIVE', `the authorisation is ${a.status}`);
    if (a.status === 'EXPIRED' || Date.parse(a.validUntil) <= now.getTime()) return refuse('EXPIRED', `the authorisation expired at ${a.validUntil}`);
    if (a.status === 'PAUSED') return refuse('PAUSED', 'the enterprise paused the authorisation');
    if (!a.products.includes(request.product)) return refuse('PRODUCT_NOT_COVERED', `${request.product} is not covered`);
    const asked = request.accounts ?? a.accounts;
    const uncovered = asked.filter((id) => !a.accounts.includes(id));
    if (uncovered.length > 0) return refuse('ACCOUNT_NOT_COVERED', `${uncovered.join(', ')} not covered`);
    const unbound = asked.filter((id) => !this.options.isBound(id));
    if (unbound.length > 0) return refuse('ACCOUNT_UNBOUND', `${unbound.join(', ')} no longer bound`);
    const uses = this.uses.get(a.authorizationId) ?? [];
    const repeated = uses.some((u) => u.queryId === request.queryId);
    let remaining = Number.MAX_SAFE_INTEGER;
    if (a.queryLimit && !repeated) {
      const windowMs = a.queryLimit.perDays * 86_400_000;
      const recent = uses.filter((u) => u.at > now.getTime() - windowMs);
      if (recent.length >= a.queryLimit.count) return refuse('QUERY_LIMIT_REACHED', `${a.queryLimit.count} queries in ${a.queryLimit.perDays} days`, Math.ceil((recent[0].at + windowMs - now.getTime()) / 1000));
      remaining = a.queryLimit.count - recent.length - (request.consume ? 1 : 0);
    }
    // Only capped authorisations count their uses (an unbounded list would grow for nothing).
    if (a.queryLimit && request.consume && !repeated) this.uses.set(a.authorizationId, [...uses, { queryId: request.queryId, at: now.getTime() }]);
    const to = lastCompleteMonth(now);
    return {
      allowed: true,
      authorizationId: a.authorizationId,
      subject: a.subject,
      lender: a.lender,
      product: request.product,
      accounts: asked,
      period: { from: addMonths(to, 1 - a.months), to, months: a.months },
      validUntil: a.validUntil,
      remainingQueries: remaining,
    };
  }
}
