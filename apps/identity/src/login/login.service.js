"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoginService = void 0;
const node_crypto_1 = require("node:crypto");
const eventing_1 = require("@cfc/eventing");
const code_hasher_1 = require("../crypto/code.hasher");
const data_account_decider_1 = require("../domain/data-account/data-account.decider");
const login_challenge_decider_1 = require("../domain/login/login-challenge.decider");
const login_events_1 = require("../domain/login/login.events");
const login_problems_1 = require("./login.problems");
const login_request_validation_1 = require("./login-request.validation");
const login_code_store_1 = require("./login-code.store");
/** The two login use cases: request a challenge (code by SMS), then exchange the code for a token. */
class LoginService {
    store;
    db;
    registry;
    sms;
    tokens;
    limiter;
    settings;
    now;
    codes;
    challenges;
    accounts;
    constructor(store, db, registry, sms, tokens, limiter, settings, now = () => new Date(), codes = new login_code_store_1.LoginCodeStore()) {
        this.store = store;
        this.db = db;
        this.registry = registry;
        this.sms = sms;
        this.tokens = tokens;
        this.limiter = limiter;
        this.settings = settings;
        this.now = now;
        this.codes = codes;
        this.challenges = new eventing_1.CommandHandler(store, { initialState: login_challenge_decider_1.initialLoginChallengeState, evolve: login_challenge_decider_1.evolveLoginChallenge, decide: (c, s) => (0, login_challenge_decider_1.decideLoginChallenge)(c, s) });
        this.accounts = new eventing_1.CommandHandler(store, { initialState: data_account_decider_1.initialDataAccountState, evolve: data_account_decider_1.evolveDataAccount, decide: (c, s) => (0, data_account_decider_1.decideDataAccount)(c, s) });
    }
    /** Validates, rate-limits, matches the registry, records the challenge and sends the code. */
    async requestChallenge(body, clientAddress, correlationId) {
        const request = (0, login_request_validation_1.validateChallengeRequest)(body);
        if (!request.ok)
            throw (0, login_problems_1.invalidFields)(request.errors);
        const { uscc } = request;
        // USCCs are public: only challenges that reached the real holder's phone count against the USCC,
        // so strangers cannot lock a company out; mismatches are limited per client address instead.
        const at = this.now().getTime();
        const { perUscc, perAddress, mismatchesPerAddress } = this.settings;
        refuseIfLimited(this.limiter.hit('address', clientAddress, perAddress, at));
        refuseIfLimited(this.limiter.check('mismatch', clientAddress, mismatchesPerAddress, at));
        const match = await this.registry.match(uscc, request.legalRepName, request.legalRepIdNumber);
        refuseIfLimited(match.matched ? this.limiter.hit('uscc', uscc, perUscc, at) : this.limiter.hit('mismatch', clientAddress, mismatchesPerAddress, at));
        const challengeId = (0, node_crypto_1.randomUUID)();
        const code = (0, code_hasher_1.generateLoginCode)();
        const now = this.now().toISOString();
        const context = { actor: { kind: 'enterprise', id: uscc }, subject: uscc, correlationId };
        // The issued event and the code's hash (identity's own table, never the event) commit together.
        await this.db.transaction(async (tx) => {
            await this.challenges.handle((0, login_events_1.loginChallengeStreamId)(challengeId), { type: 'IssueChallenge', challengeId, uscc, identityMatched: match.matched, now }, context, tx);
            const expiresAt = new Date(Date.parse(now) + login_challenge_decider_1.CODE_TTL_MS).toISOString();
            if (match.matched)
                await this.codes.save(tx, challengeId, (0, code_hasher_1.hashLoginCode)(this.settings.codeKey, challengeId, code), expiresAt);
        });
        await this.codes.pruneExpired(this.db, now);
        if (!match.matched)
            throw (0, login_problems_1.loginFailed)();
        await this.sms.sendLoginCode({ to: match.mobile, code, challengeId, at: now });
        return { challengeId };
    }
    /** Checks the code; on success opens the data account (first time) and issues a bearer token. */
    async login(body, correlationId) {
        const request = (0, login_request_validation_1.validateLoginRequest)(body);
        if (!request.ok)
            throw (0, login_problems_1.invalidFields)(request.errors);
        const streamId = (0, login_events_1.loginChallengeStreamId)(request.challengeId);
        const issued = (await this.store.readStream(streamId)).events.find((e) => e.type === 'login-challenge.issued');
        if (!issued)
            throw (0, login_problems_1.codeRejected)('UNKNOWN_CHALLENGE');
        const uscc = issued.subject ?? String(issued.data.uscc);
        const context = { actor: { kind: 'enterprise', id: uscc }, subject: uscc, correlationId };
        const now = this.now().toISOString();
        const codeHash = (0, code_hasher_1.hashLoginCode)(this.settings.codeKey, request.challengeId, request.code);
        // One transaction: the login event and the account opening are recorded together or not at all.
        const events = await retryOnConflict(() => this.db.transaction(async (tx) => {
            const issuedCodeHash = await this.codes.find(tx, request.challengeId);
            const { events: decided } = await this.challenges.handle(streamId, { type: 'SubmitCode', codeHash, issuedCodeHash, now }, context, tx);
            if (decided.some((e) => e.type === 'subject.logged-in' || e.type === 'login-challenge.locked'))
                await this.codes.remove(tx, request.challengeId);
            if (decided[0]?.type === 'subject.logged-in') {
                await this.accounts.handle((0, data_account_decider_1.dataAccountStreamId)(uscc), { type: 'OpenOnLogin', uscc, challengeId: request.challengeId, now }, context, tx);
            }
            return decided;
        }));
        const first = events[0];
        if (first?.type !== 'subject.logged-in')
            throw (0, login_problems_1.codeRejected)(first?.data.reason ?? 'UNKNOWN_CHALLENGE');
        return this.tokens.issue(uscc, 'cfc:subject', this.settings.tokenTtlSeconds);
    }
}
exports.LoginService = LoginService;
function refuseIfLimited(decision) {
    if (!decision.allowed)
        throw (0, login_problems_1.tooManyChallenges)(Math.ceil(decision.retryAfterMs / 1000));
}
// Concurrent submissions for one challenge race on its stream version: rerun the whole transaction,
// so that each attempt is counted and a code still works only once.
async function retryOnConflict(work, attempts = 5) {
    for (let attempt = 1;; attempt++) {
        try {
            return await work();
        }
        catch (error) {
            if (!(error instanceof eventing_1.StreamVersionConflictError) || attempt >= attempts)
                throw error;
            await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
        }
    }
}
//# sourceMappingURL=login.service.js.map