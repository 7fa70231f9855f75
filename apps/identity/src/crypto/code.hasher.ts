import { createHmac, randomInt } from 'node:crypto';

// One-time login codes: six random digits; only their keyed hash (bound to the challenge) is stored.

/** A uniformly random 6-digit code, leading zeros kept. */
export function generateLoginCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** HMAC-SHA256 of the code bound to its challenge, so a hash is useless for any other challenge. */
export function hashLoginCode(key: Buffer, challengeId: string, code: string): string {
  return createHmac('sha256', key).update(`${challengeId}:${code}`).digest('base64url');
}

/** Keyed hash of a client address: compared for equality only, so no address is stored in clear. */
export function clientRef(key: Buffer, clientAddress: string): string {
  return createHmac('sha256', key).update(`client:${clientAddress}`).digest('base64url');
}
