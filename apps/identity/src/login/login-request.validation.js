"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateChallengeRequest = validateChallengeRequest;
exports.validateLoginRequest = validateLoginRequest;
const resident_id_1 = require("../domain/identifiers/resident-id");
const contracts_1 = require("@cfc/contracts");
const USCC_MESSAGES = { FORMAT: 'must be 18 characters of 0-9 and A-Y without I, O, S, V, Z', CHECK_CHARACTER: 'check character is wrong' };
const ID_MESSAGES = { FORMAT: 'must be 17 digits and a digit or X', BIRTH_DATE: 'birth date is not a real date', CHECK_CHARACTER: 'check character is wrong' };
/** Field errors of a challenge request (format and check characters only; no registry involved). */
function validateChallengeRequest(body) {
    const b = (body ?? {});
    const errors = [];
    const uscc = typeof b.uscc === 'string' ? b.uscc.trim() : '';
    const name = typeof b.legalRepName === 'string' ? b.legalRepName.trim() : '';
    const id = typeof b.legalRepIdNumber === 'string' ? b.legalRepIdNumber.trim() : '';
    const usccWhy = typeof b.uscc === 'string' ? (0, contracts_1.usccProblem)(uscc) : 'FORMAT';
    if (usccWhy)
        errors.push({ field: 'uscc', code: `USCC_${usccWhy}`, message: USCC_MESSAGES[usccWhy] });
    if (name.length < 1 || name.length > 60)
        errors.push({ field: 'legalRepName', code: 'NAME_FORMAT', message: 'must be 1 to 60 characters' });
    const idWhy = typeof b.legalRepIdNumber === 'string' ? (0, resident_id_1.residentIdProblem)(id) : 'FORMAT';
    if (idWhy)
        errors.push({ field: 'legalRepIdNumber', code: `ID_NUMBER_${idWhy}`, message: ID_MESSAGES[idWhy] });
    return errors.length ? { ok: false, errors } : { ok: true, uscc, legalRepName: name, legalRepIdNumber: id };
}
/** Field errors of a code submission. */
function validateLoginRequest(body) {
    const b = (body ?? {});
    const errors = [];
    if (typeof b.challengeId !== 'string' || !/^[0-9a-f-]{36}$/.test(b.challengeId))
        errors.push({ field: 'challengeId', code: 'CHALLENGE_ID_FORMAT', message: 'must be the challengeId returned by the challenge request' });
    if (typeof b.code !== 'string' || !/^\d{6}$/.test(b.code))
        errors.push({ field: 'code', code: 'CODE_FORMAT', message: 'must be the 6-digit code' });
    return errors.length ? { ok: false, errors } : { ok: true, challengeId: b.challengeId, code: b.code };
}
//# sourceMappingURL=login-request.validation.js.map