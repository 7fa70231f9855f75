import { randomUUID } from 'node:crypto';
import { CommandHandler, StreamVersionConflictError, type PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import { challengeRefOf, type LoginFailureReason } from '@cfc/contracts';
import { clientRef, generateLoginCode, hashLoginCode } from '../crypto/code.hasher';
import { dataAccountStreamId, decideDataAccount, evolveDataAccount, initialDataAccountState, type DataAccountEvent, type DataAccountState, type OpenOnLogin } from '../domain/data-account/data-account.decider';
import { CODE_TTL_MS, decideLoginChallenge, evolveLoginChallenge, initialLoginChallengeState, type LoginChallengeCommand, type LoginChallengeState } from '../domain/login/login-challenge.decider';
import { loginChallengeStreamId, type LoginChallengeEvent } from '../domain/login/login.events';
import type { EnterpriseRegistry } from '../registry/enterprise-registry.port';
import type { SmsSender } from '../sms/sms.port';
import type { IssuedToken, TokenIssuer } from '../tokens/token.issuer';
import { codeRejected, invalidFields, loginFailed, tooManyChallenges, tooManySubmissions } from './login.problems';
import { validateChallengeRequest, validateLoginRequest } from './login-request.validation';
import { LoginCodeStore } from './login-code.store';
import type { LoginRateDecision, LoginRateLimiter } from './login-rate.limiter';
import { PerKeyQueue, QueueFullError } from './per-key.queue';

export interface LoginSettings {
  codeKey: Buffer;
  tokenTtlSeconds: number;
  perUscc: number;
  perAddress: number;
  /** Challenges from one address whose identity did not match the registry, per window. */
  mismatchesPerAddress: number;
}

/** Code submissions of one challenge waiting or running in this process at once; more get 429. */
const SUBMISSIONS_IN_FLIGHT_PER_CHALLENGE = 8;

/** The two login use cases: request a challenge (code by SMS), then exchange the code for a token. */
export class LoginService {
  private readonly challenges: CommandHandler<LoginChallengeCommand, LoginChallengeEvent, LoginChallengeState>;
  private readonly accounts: CommandHandler<OpenOnLogin, DataAccountEvent, DataAccountState>;
  private readonly submissions = new PerKeyQueue(SUBMISSIONS_IN_FLIGHT_PER_CHALLENGE);

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
    // Every limit is checked before the registry is asked, so a limited request answers the same 429
    // whether its details match or not (else the answer would confirm a name and ID number).
    const at = this.now().getTime();
    const { perUscc, perAddress, mismatchesPerAddress } = this.settings;
    refuseIfLimited(this.limiter.hit('address', clientAddress, perAddress, at));
    refuseIfLimited(this.limiter.check('mismatch', clientAddress, mismatchesPerAddress, at));
    refuseIfLimited(this.limiter.check('uscc', uscc, perUscc, at));
    const match = await this.registry.match(uscc, request.legalRepName, request.legalRepIdNumber);
    refuseIfLimited(match.matched ? this.limiter.hit('uscc', uscc, perUscc, at) : this.limiter.hit('mismatch', clientAddress, mismatchesPerAddress, at));
    // The id is the requester's capability and never leaves identity; events name the challenge by its reference.
    const challengeId = randomUUID();
    const challengeRef = challengeRefOf(challengeId);
    const code = generateLoginCode();
    const now = this.now().toISOString();
    const context = { actor: { kind: 'enterprise' as const, id: uscc }, subject: uscc, correlationId };
    // The issued event and the code's hash (identity's own table, never the event) commit together.
    await this.db.transaction(async (tx) => {
      await this.challenges.handle(loginChallengeStreamId(challengeRef), { type: 'IssueChallenge', challengeRef, uscc, identityMatched: match.matched, now }, context, tx);
      const expiresAt = new Date(Date.parse(now) + CODE_TTL_MS).toISOString();
      const issued = { codeHash: hashLoginCode(this.settings.codeKey, challengeId, code), requestedBy: clientRef(this.settings.codeKey, clientAddress) };
      if (match.matched) await this.codes.save(tx, challengeRef, issued, expiresAt);
    });
    await this.codes.pruneExpired(this.db, now);
    if (!match.matched) throw loginFailed();
    await this.sms.sendLoginCode({ to: match.mobile, code, challengeId, at: now });
    return { challengeId };
  }

  /** Checks the code; on success opens the data account (first time) and issues a bearer token. */
  async login(body: unknown, clientAddress: string, correlationId: string): Promise<IssuedToken> {
    const request = validateLoginRequest(body);
    if (!request.ok) throw invalidFields(request.errors);
    const challengeRef = challengeRefOf(request.challengeId);
    const codeHash = hashLoginCode(this.settings.codeKey, request.challengeId, request.code);
    const submitter = clientRef(this.settings.codeKey, clientAddress);
    const events = await this.submissions.run(challengeRef, () => this.submit(challengeRef, codeHash, submitter, correlationId)).catch((error: unknown) => {
      throw error instanceof QueueFullError ? tooManySubmissions() : error;
    });
    const first = events[0];
    if (first?.type !== 'subject.logged-in') throw codeRejected((first?.data.reason as LoginFailureReason | undefined) ?? 'UNKNOWN_CHALLENGE');
    return this.tokens.issue(String(first.data.uscc), 'cfc:subject', this.settings.tokenTtlSeconds);
  }

  // One transaction: the attempt, the login event and the account opening are recorded together or not at all.
  private async submit(challengeRef: string, codeHash: string, submitter: string, correlationId: string) {
    const streamId = loginChallengeStreamId(challengeRef);
    const issued = (await this.store.readStream(streamId)).events.find((e) => e.type === 'login-challenge.issued');
    if (!issued) return [];
    const uscc = issued.subject ?? String(issued.data.uscc);
    const context = { actor: { kind: 'enterprise' as const, id: uscc }, subject: uscc, correlationId };
    const now = this.now().toISOString();
    // Two logins of one enterprise at once may race on its data-account stream: rerun the whole unit.
    return retryOnConflict(() =>
      this.db.transaction(async (tx) => {
        // Submissions of one challenge take turns across identity instances, so each is counted and none conflicts.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`cfc.identity.login-challenge:${challengeRef}`]);
        const stored = await this.codes.find(tx, challengeRef);
        const command = { type: 'SubmitCode' as const, codeHash, issuedCodeHash: stored?.codeHash, fromRequestingClient: stored?.requestedBy === submitter, now };
        const { events: decided } = await this.challenges.handle(streamId, command, context, tx);
        if (decided.some((e) => e.type === 'subject.logged-in' || e.type === 'login-challenge.locked')) await this.codes.remove(tx, challengeRef);
        if (decided[0]?.type === 'subject.logged-in') {
          await this.accounts.handle(dataAccountStreamId(uscc), { type: 'OpenOnLogin', uscc, challengeRef, now }, context, tx);
        }
        return decided;
      }),
    );
  }
}

function refuseIfLimited(decision: LoginRateDecision): void {
  if (!decision.allowed) throw tooManyChallenges(Math.ceil(decision.retryAfterMs / 1000));
}

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
