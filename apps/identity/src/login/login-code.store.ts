import type { SqlExecutor } from '@cfc/eventing';

// The issued login code's keyed hash, by challenge, in identity's own table: never in an event,
// because events are published and kept forever, and 10^6 codes fall to brute force once the key leaks.

/** identity.login_codes: written with the challenge's issued event, removed when the challenge ends. */
export class LoginCodeStore {
  /** Keeps the hash of a newly issued challenge's code (in the transaction of its issued event). */
  async save(tx: SqlExecutor, challengeId: string, codeHash: string, expiresAt: string): Promise<void> {
    await tx.query(`INSERT INTO identity.login_codes (challenge_id, code_hash, expires_at) VALUES ($1, $2, $3)`, [challengeId, codeHash, expiresAt]);
  }

  /** The stored hash, or undefined once the challenge completed, locked or was pruned after expiry. */
  async find(db: SqlExecutor, challengeId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ code_hash: string }>(`SELECT code_hash FROM identity.login_codes WHERE challenge_id = $1`, [challengeId]);
    return rows[0]?.code_hash;
  }

  /** Forgets a challenge's hash once the challenge can no longer succeed. */
  async remove(tx: SqlExecutor, challengeId: string): Promise<void> {
    await tx.query(`DELETE FROM identity.login_codes WHERE challenge_id = $1`, [challengeId]);
  }

  /** Drops hashes of challenges that expired before `before` (an expired challenge answers EXPIRED without its hash). */
  async pruneExpired(db: SqlExecutor, before: string): Promise<void> {
    await db.query(`DELETE FROM identity.login_codes WHERE expires_at < $1`, [before]);
  }
}
