import { randomBytes } from 'node:crypto';

/** A name no other suite uses: topics, groups, databases. Lower case, safe for Kafka and PostgreSQL. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_.-]/g, '_');
}
