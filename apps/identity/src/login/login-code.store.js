"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoginCodeStore = void 0;
// The issued login code's keyed hash, by challenge, in identity's own table: never in an event,
// because events are published and kept forever, and 10^6 codes fall to brute force once the key leaks.
/** identity.login_codes: written with the challenge's issued event, removed when the challenge ends. */
class LoginCodeStore {
    /** Keeps the hash of a newly issued challenge's code (in the transaction of its issued event). */
    async save(tx, challengeId, codeHash, expiresAt) {
        await tx.query(`INSERT INTO identity.login_codes (challenge_id, code_hash, expires_at) VALUES ($1, $2, $3)`, [challengeId, codeHash, expiresAt]);
    }
    /** The stored hash, or undefined once the challenge completed, locked or was pruned after expiry. */
    async find(db, challengeId) {
        const { rows } = await db.query(`SELECT code_hash FROM identity.login_codes WHERE challenge_id = $1`, [challengeId]);
        return rows[0]?.code_hash;
    }
    /** Forgets a challenge's hash once the challenge can no longer succeed. */
    async remove(tx, challengeId) {
        await tx.query(`DELETE FROM identity.login_codes WHERE challenge_id = $1`, [challengeId]);
    }
    /** Drops hashes of challenges that expired before `before` (an expired challenge answers EXPIRED without its hash). */
    async pruneExpired(db, before) {
        await db.query(`DELETE FROM identity.login_codes WHERE expires_at < $1`, [before]);
    }
}
exports.LoginCodeStore = LoginCodeStore;
//# sourceMappingURL=login-code.store.js.map