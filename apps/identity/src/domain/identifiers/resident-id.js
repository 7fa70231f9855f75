"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.residentIdCheckCharacter = residentIdCheckCharacter;
exports.residentIdProblem = residentIdProblem;
exports.isValidResidentId = isValidResidentId;
// Resident identity number (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECKS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
/** Check character for the first 17 digits ('X' stands for 10). */
function residentIdCheckCharacter(first17) {
    let sum = 0;
    for (let i = 0; i < 17; i++)
        sum += Number(first17[i]) * WEIGHTS[i];
    return CHECKS[sum % 11];
}
/** Why an ID number is invalid, or undefined when valid; the birth date must be a real calendar day. */
function residentIdProblem(id) {
    if (!SHAPE.test(id))
        return 'FORMAT';
    if (!isCalendarDay(id.slice(6, 14)))
        return 'BIRTH_DATE';
    return residentIdCheckCharacter(id.slice(0, 17)) === id[17] ? undefined : 'CHECK_CHARACTER';
}
/** True when the number has the right shape, a real birth date and the right check character. */
function isValidResidentId(id) {
    return residentIdProblem(id) === undefined;
}
function isCalendarDay(yyyymmdd) {
    const y = Number(yyyymmdd.slice(0, 4));
    const m = Number(yyyymmdd.slice(4, 6));
    const d = Number(yyyymmdd.slice(6, 8));
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 1800 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
//# sourceMappingURL=resident-id.js.map