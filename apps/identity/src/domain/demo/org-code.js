"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orgCodeCheckCharacter = orgCodeCheckCharacter;
// Organisation code (GB 11714): 8 characters and a MOD 11 check; it forms USCC characters 9-17.
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** Check character of an 8-digit organisation code body ('X' for 10, '0' for 11). */
function orgCodeCheckCharacter(body) {
    let sum = 0;
    for (let i = 0; i < 8; i++)
        sum += Number.parseInt(body[i], 36) * WEIGHTS[i];
    const check = 11 - (sum % 11);
    return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
//# sourceMappingURL=org-code.js.map