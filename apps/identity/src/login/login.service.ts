import { randomUUID } from 'node:crypto';
import { CommandHandler, StreamVersionConflictError, type PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import type { LoginFailureReason } from '@cfc/contracts';
import { generateLoginCode, hashLoginCode } from '../crypto/code.hasher';
import { dataAccountStreamId, decideDataAccount, evolveDataAccount, initialDataAccountState, type DataAccountEvent, type DataAccountState, type OpenOnLogin } from '../domain/data-account/data-account.decider';
import { CODE_TTL_MS, decideLoginChallenge, evolveLoginChallenge, initialLoginChallengeState, type LoginChallengeCommand, type LoginChallengeState } from '../domain/login/login-challenge.decider';
import { loginChallengeStreamId, type LoginChallengeEvent } from '../domain/login/login.events';
import type { EnterpriseRegistry } from '../registry/enterprise-registry.port';
import type { SmsSender } from '../sms/sms.port';
import type { IssuedToken, TokenIssuer } from '../tokens/token.issuer';
import { codeRejected, invalidFields, loginFailed, tooManyChallenges } from './login.problems';
import { validateChallengeRequest, validateLoginRequest } from './login-request.validation';
import { LoginCodeStore } from './login-code.store';
import type { LoginRateDecision, LoginRateLimiter } from './login-rate.limiter';

export interface LoginSettings {
  codeKey: Buffer;
  tokenTtlSeconds: number;
  perUscc: number;
  perAddress: number;
  /** Challenges from one address whose identity did not match the registry, per window. */
  mismatchesPerAddress: number;
}

/** The two login use cases: request a challenge (code by SMS), then exchange the code for a token. */
export class LoginService {
  private readonly challenges: CommandHandler<LoginChallengeCommand, LoginChallengeEvent, LoginChallengeState>;
  private readonly accounts: CommandHandler<OpenOnLogin, DataAccountEvent, DataAccountState>;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly db: SqlDatabase,
    private readonly registry: EnterpriseRegistry,
    private readonly sms: SmsSender,
    private readonly tokens: TokenIssuer,
    private readonly limiter: LoginRateLimiter,
    private readonly settings: LoginSettings,
    private readonly now: () => Date = () => new Date(),
    private readonly codes = new LoginCodeStore(),
  ) {
    this.challenges = new CommandHandler(store, { initialState: initialLoginChallengeState, evolve: evolveLoginChallenge, decide: (c: LoginChallengeCommand, s: LoginChallengeState) => decideLoginChallenge(c, s) });
    this.accounts = new CommandHandler(store, { initialState: initialDataAccountState, evolve: evolveDataAccount, decide: (c: OpenOnLogin, s: DataAccountState) => decideDataAccount(c, s) });
  }

  /** Validates, rate-limits, matches the registry, records the challenge and sends the code. */
  async requestChallenge(body: unknown, clientAddress: string, correlationId: string): Promise<{ challengeId: string }> {
    const request = validateChallengeRequest(body);
    if (!request.ok) throw invalidFields(request.errors);
    const { uscc } = request;
    // USCCs are public: only challenges that reached the real holder's phone count against the USCC,
    // so strangers cannot lock a company out; mismatches are limited per client address instead.
    const at = this.now().getTime();
    const { perUscc, perAddress, mismatchesPerAddress } = this.settings;
    refuseIfLimited(this.limiter.hit('address', clientAddress, perAddress, at));
    refuseIfLimited(this.limiter.check('mismatch', clientAddress, mismatchesPerAddress, at));
    const match = await this.registry.match(uscc, request.legalRepName, request.legalRepIdNumber);
    refuseIfLimited(match.matched ? this.limiter.hit('uscc', uscc, perUscc, at) : this.limiter.hit('mismatch', clientAddress, mismatchesPerAddress, at));
    const challengeId = randomUUID();
    const code = generateLoginCode();
    const now = this.now().toISOString();
    const context = { actor: { kind: 'enterprise' as const, id: uscc }, subject: uscc, correlationId };
    // The issued event and the code's hash (identity's own table, never the event) commit together.
    await this.db.transaction(async (tx) => {
      await this.challenges.handle(loginChallengeStreamId(challengeId), { type: 'IssueChallenge', challengeId, uscc, identityMatched: match.matched, now }, context, tx);
      const expiresAt = new Date(Date.parse(now) + CODE_TTL_MS).toISOString();
      if (match.matched) await this.codes.save(tx, challengeId, hashLoginCode(this.settings.codeKey, challengeId, code), expiresAt);
    });
    await this.codes.pruneExpired(this.db, now);
    if (!match.matched) throw loginFailed();
    await this.sms.sendLoginCode({ to: match.mobile, code, challengeId, at: now });
    return { challengeId };
  }

  /** Checks the code; on success opens the data account (first time) and issues a bearer token. */
  async login(body: unknown, correlationId: string): Promise<IssuedToken> {
    const request = validateLoginRequest(body);
    if (!request.ok) throw invalidFields(request.errors);
    const streamId = loginChallengeStreamId(request.challengeId);
    const issued = (await this.store.readStream(streamId)).events.find((e) => e.type === 'login-challenge.issued');
    if (!issued) throw codeRejected('UNKNOWN_CHALLENGE');
    const uscc = issued.subject ?? String(issued.data.uscc);
    const context = { actor: { kind: 'enterprise' as const, id: uscc }, subject: uscc, correlationId };
    const now = this.now().toISOString();
    const codeHash = hashLoginCode(this.settings.codeKey, request.challengeId, request.code);
    // One transaction: the login event and the account opening are recorded together or not at all.
    const events = await retryOnConflict(() =>
      this.db.transaction(async (tx) => {
        const issuedCodeHash = await this.codes.find(tx, request.challengeId);
        const { events: decided } = await this.challenges.handle(streamId, { type: 'SubmitCode', codeHash, issuedCodeHash, now }, context, tx);
        if (decided.some((e) => e.type === 'subject.logged-in' || e.type === 'login-challenge.locked')) await this.codes.remove(tx, request.challengeId);
        if (decided[0]?.type === 'subject.logged-in') {
          await this.accounts.handle(dataAccountStreamId(uscc), { type: 'OpenOnLogin', uscc, challengeId: request.challengeId, now }, context, tx);
        }
        return decided;
      }),
    );
    const first = events[0];
    if (first?.type !== 'subject.logged-in') throw codeRejected((first?.data.reason as LoginFailureReason | undefined) ?? 'UNKNOWN_CHALLENGE');
    return this.tokens.issue(uscc, 'cfc:subject', this.settings.tokenTtlSeconds);
  }
}

function refuseIfLimited(decision: LoginRateDecision): void {
  if (!decision.allowed) throw tooManyChallenges(Math.ceil(decision.retryAfterMs / 1000));
}

// Concurrent submissions for one challenge race on its stream version: rerun the whole transaction,
// so that each attempt is counted and a code still works only once.
async function retryOnConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError) || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
