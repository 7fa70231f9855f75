import type { AuthorizationCheckRequest, AuthorizationCheckResponse } from '@cfc/contracts';
import { MetricsRegistry, StreamStateCache, StreamVersionConflictError } from '@cfc/eventing';
import { type Clock, ProblemException } from '@cfc/platform';
import type { AuthorizationStreams } from '../authorizations/authorization.streams';
import { activeBindingsOf, type BindingDirectory } from '../bindings/binding-directory.port';
import { decideAuthorization } from '../domain/authorization/authorization.decider';
import { authorizationStreamId } from '../domain/authorization/authorization.events';
import { evolveAuthorization, type Authorization, type AuthorizationState } from '../domain/authorization/authorization.state';
import { checkBeforeBindings, evaluateCheck, type CheckDecision } from '../domain/authorization/check';

const MAX_ATTEMPTS = 10;

/**
 * The enforcement check. Decided on the stream itself, never on a read model: a revocation that returned
 * 2xx is in the stream, so the next check sees it. The hot path (allowed, counted) costs one binding call
 * and one append: the state comes from a cache of streams this process read or wrote, and the append at
 * that version fails if the stream moved (another replica revoked, paused, or counted), which reloads it.
 * Any answer that appends nothing is decided on a fresh read, so a stale cache can never say yes or no.
 */
export class CheckAuthorizationService {
  private readonly cache = new StreamStateCache<AuthorizationState>(10_000);
  // Checks and the time spent in them (binding call and PostgreSQL included) by outcome: GET /metrics.
  private readonly checks: ReturnType<MetricsRegistry['counter']>;
  private readonly seconds: ReturnType<MetricsRegistry['counter']>;

  constructor(
    private readonly streams: AuthorizationStreams,
    private readonly bindings: BindingDirectory,
    private readonly clock: Clock,
    readonly metrics = new MetricsRegistry(),
  ) {
    this.checks = metrics.counter('cfc_consent_checks_total', 'Enforcement checks answered, by outcome (allowed, counted, or the refusal reason)');
    this.seconds = metrics.counter('cfc_consent_check_seconds_total', 'Seconds spent answering enforcement checks, by outcome (divide by cfc_consent_checks_total for the mean)');
  }

  async check(authorizationId: string, request: AuthorizationCheckRequest): Promise<AuthorizationCheckResponse> {
    const started = process.hrtime.bigint();
    const streamId = authorizationStreamId(authorizationId);
    const answer = await this.streams.locks.run(streamId, () => this.decide(authorizationId, streamId, request));
    const outcome = answer.allowed ? (request.consume ? 'COUNTED' : 'ALLOWED') : answer.reason;
    this.checks.inc({ outcome });
    this.seconds.inc({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    return answer;
  }

  private async decide(authorizationId: string, streamId: string, request: AuthorizationCheckRequest): Promise<AuthorizationCheckResponse> {
    // Only a counting check can use the cache: its append proves the state it decided on is current.
    let cached = request.consume ? this.cache.get(streamId) : undefined;
    let { state, version } = cached ?? (await this.load(authorizationId, streamId));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const now = this.clock.now();
      const { decision, active } = await this.evaluate(state, request, now);
      const appends = decision.allowed && request.consume && !decision.alreadyCounted;
      if (cached && !appends) {
        cached = undefined; // decide on the stream as it is, not as this process last saw it
        ({ state, version } = await this.load(authorizationId, streamId));
        continue;
      }
      if (!decision.allowed) return { allowed: false, reason: decision.reason, detail: decision.detail, ...(decision.retryAfterSeconds !== undefined ? { retryAfterSeconds: decision.retryAfterSeconds } : {}) };
      if (!appends) return this.allowed(authorizationId, state as Authorization, request, decision, decision.remainingBefore);
      const events = decideAuthorization({ type: 'RecordUse', check: request, activeBindings: active }, state, { now });
      try {
        const a = state as Authorization;
        const appended = await this.streams.store.append(streamId, version, events, { actor: { kind: 'institution', id: request.lender }, subject: a.request.subject, correlationId: request.queryId });
        this.cache.set(streamId, { version: appended.version, state: events.reduce(evolveAuthorization, state) });
        return this.allowed(authorizationId, a, request, decision, decision.remainingBefore - 1);
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError)) throw error;
        cached = undefined;
        this.cache.delete(streamId);
        ({ state, version } = await this.load(authorizationId, streamId));
      }
    }
    throw new ProblemException(503, 'CHECK_CONTENDED', 'Service Unavailable', 'the authorisation changed on every attempt; retry shortly');
  }

  // Binding is asked only when the stream alone does not refuse, and only about the accounts in question.
  private async evaluate(state: AuthorizationState, request: AuthorizationCheckRequest, now: Date): Promise<{ decision: CheckDecision; active: ReadonlySet<string> }> {
    const before = checkBeforeBindings(state, request, now);
    if ('allowed' in before) return { decision: before, active: new Set() };
    const active = await activeBindingsOf(this.bindings, (state as Authorization).request.subject, before.accountsToVerify);
    return { decision: evaluateCheck(state, request, { now, activeBindings: active }), active };
  }

  private async load(authorizationId: string, streamId: string): Promise<{ state: AuthorizationState; version: number }> {
    const { state, version } = await this.streams.load(authorizationId);
    if (state.status !== 'NONE') this.cache.set(streamId, { state, version });
    return { state, version };
  }

  private allowed(authorizationId: string, a: Authorization, request: AuthorizationCheckRequest, decision: Extract<CheckDecision, { allowed: true }>, remainingQueries: number): AuthorizationCheckResponse {
    return { allowed: true, authorizationId, subject: a.request.subject, lender: a.request.lender, product: request.product, accounts: decision.accounts, period: decision.period, validUntil: decision.validUntil, remainingQueries };
  }
}
