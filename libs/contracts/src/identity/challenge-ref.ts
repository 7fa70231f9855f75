import { createHash } from 'node:crypto';

// A login challenge id is a capability: with it anyone can submit codes for the challenge. Events name
// the challenge by this reference instead; it cannot be turned back into the id (SHA-256 of 122 random
// bits), and whoever holds the id (its requester) can compute it to find the challenge's events.

/** The published reference of a challenge: unpadded base64url of SHA-256(challengeId). */
export function challengeRefOf(challengeId: string): string {
  return createHash('sha256').update(challengeId, 'utf8').digest('base64url');
}

/** JSON Schema of a challenge reference (43 base64url characters). */
export const challengeRefSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } as const;
