import type { LoginChallengeEvent } from './login.events';
export declare const CODE_TTL_MS: number;
export declare const MAX_WRONG_CODES = 5;
export type LoginChallengeState = {
    status: 'none';
} | {
    status: 'open' | 'completed' | 'locked';
    challengeId: string;
    uscc: string;
    expiresAt: string;
    failedAttempts: number;
};
export type IssueChallenge = {
    type: 'IssueChallenge';
    challengeId: string;
    uscc: string;
    /** Whether the registry knows this USCC with this legal representative name and ID number. */
    identityMatched: boolean;
    now: string;
};
/** `codeHash` is the submitted code's hash; `issuedCodeHash` the one stored at issue (absent once removed). */
export type SubmitCode = {
    type: 'SubmitCode';
    codeHash: string;
    issuedCodeHash: string | undefined;
    now: string;
};
export type LoginChallengeCommand = IssueChallenge | SubmitCode;
export declare const initialLoginChallengeState: () => LoginChallengeState;
/** decide(command, state) -> events; an empty list means "no such challenge". */
export declare function decideLoginChallenge(command: LoginChallengeCommand, state: LoginChallengeState): LoginChallengeEvent[];
/** evolve(state, event) -> state. */
export declare function evolveLoginChallenge(state: LoginChallengeState, event: LoginChallengeEvent): LoginChallengeState;
