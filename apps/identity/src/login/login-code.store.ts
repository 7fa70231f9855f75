import type { SqlExecutor } from '@cfc/eventing';

// The issued login code's keyed hash and a keyed hash of the requesting client's address, by challenge
// reference, in identity's own table: never in an event, because events are published and kept forever,
// and 10^6 codes fall to brute force once the key leaks. Keyed by reference, not by the challenge id,
// so that even a read of this table yields no challenge id to submit codes for.

export interface IssuedCode {
  codeHash: string;
  /** Keyed hash of the address that requested the challenge (see clientRef in code.hasher). */
  requestedBy: string;
}

/** identity.login_challenge_codes: written with the challenge's issued event, removed when the challenge ends. */
export class LoginCodeStore {
  /** Keeps the hash of a newly issued challenge's code (in the transaction of its issued event). */
  async save(tx: SqlExecutor, challengeRef: string, issued: IssuedCode, expiresAt: string): Promise<void> {
    await tx.query(`INSERT INTO identity.login_challenge_codes (challenge_ref, code_hash, requested_by, expires_at) VALUES ($1, $2, $3, $4)`, [challengeRef, issued.codeHash, issued.requestedBy, expiresAt]);
  }

  /** The stored hashes, or undefined once the challenge completed, locked or was pruned after expiry. */
  async find(db: SqlExecutor, challengeRef: string): Promise<IssuedCode | undefined> {
    const { rows } = await db.query<{ code_hash: string; requested_by: string }>(`SELECT code_hash, requested_by FROM identity.login_challenge_codes WHERE challenge_ref = $1`, [challengeRef]);
    return rows[0] && { codeHash: rows[0].code_hash, requestedBy: rows[0].requested_by };
  }

  /** Forgets a challenge's hashes once the challenge can no longer succeed. */
  async remove(tx: SqlExecutor, challengeRef: string): Promise<void> {
    await tx.query(`DELETE FROM identity.login_challenge_codes WHERE challenge_ref = $1`, [challengeRef]);
  }

  /** Drops hashes of challenges that expired before `before` (an expired challenge answers EXPIRED without its hash). */
  async pruneExpired(db: SqlExecutor, before: string): Promise<void> {
    await db.query(`DELETE FROM identity.login_challenge_codes WHERE expires_at < $1`, [before]);
  }
}
