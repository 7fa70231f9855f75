export interface FieldError {
    field: string;
    code: string;
    message: string;
}
/** Field errors of a challenge request (format and check characters only; no registry involved). */
export declare function validateChallengeRequest(body: unknown): {
    ok: true;
    uscc: string;
    legalRepName: string;
    legalRepIdNumber: string;
} | {
    ok: false;
    errors: FieldError[];
};
/** Field errors of a code submission. */
export declare function validateLoginRequest(body: unknown): {
    ok: true;
    challengeId: string;
    code: string;
} | {
    ok: false;
    errors: FieldError[];
};
