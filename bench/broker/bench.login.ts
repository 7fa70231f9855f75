import { join } from 'node:path';
import { buildAuthFile, writeAuthFile } from '@cfc/kafka-broker';

/** The bench's one Kafka user: an ordinary principal, so every request goes through the ACLs (a super user would skip them). */
export interface BenchLogin {
  username: string;
  password: string;
}

export const BENCH_TOPIC_PREFIX = 'bench-';

/** Writes an auth file allowing `bench` everything on topics `bench-*`, and nothing else. */
export async function writeBenchAuthFile(dir: string): Promise<{ file: string; login: BenchLogin }> {
  const login = { username: 'bench', password: `bench-${process.pid}-${Date.now()}` };
  const file = join(dir, 'auth.json');
  const everythingOnBenchTopics = { principal: 'User:bench' as const, resourceType: 'TOPIC' as const, patternType: 'PREFIXED' as const, resourceName: BENCH_TOPIC_PREFIX, operation: 'ALL' as const };
  writeAuthFile(file, await buildAuthFile({ users: [{ name: login.username, password: login.password }], acls: [everythingOnBenchTopics] }));
  return { file, login };
}

/** kcat (librdkafka) options for the bench user, SCRAM-SHA-256 as the platform's clients use. */
export function kcatSasl(login?: BenchLogin): string[] {
  if (!login) return [];
  return ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=SCRAM-SHA-256', '-X', `sasl.username=${login.username}`, '-X', `sasl.password=${login.password}`];
}
