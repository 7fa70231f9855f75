import { createHash } from 'node:crypto';

// The simulator's own namespace for RFC 9562 name-based (version 5) UUIDs.
const NAMESPACE = Buffer.from('5b0f3c1e8a9d4e2b9c61d7f40a2e6b38', 'hex');

/**
 * A UUID that is the same whenever the name is: a statistics message sent again after a crash carries
 * the submissionId it had, so ingestion sees a replay, not a new submission. Six lines over node:crypto
 * rather than a dependency for one call.
 */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
