import { ScramTestClient } from './scram.client';
import type { RawKafkaClient } from './raw-kafka.client';

const SASL_HANDSHAKE = 17;
const SASL_AUTHENTICATE = 36;

export interface SaslReply {
  errorCode: number;
  errorMessage: string | null;
  token: Buffer;
}

export async function saslHandshake(c: RawKafkaClient, mechanism: string, version = 1): Promise<{ errorCode: number; mechanisms: string[] }> {
  const r = await c.request(SASL_HANDSHAKE, version, (w) => w.string(mechanism));
  return { errorCode: r.int16(), mechanisms: r.array((r) => r.string()) };
}

export async function saslAuthenticate(c: RawKafkaClient, token: Buffer, version = 1): Promise<SaslReply> {
  const r = await c.request(SASL_AUTHENTICATE, version, (w) => w.bytes(token));
  return { errorCode: r.int16(), errorMessage: r.nullableString(), token: r.bytes() };
}

/** Handshake v1 and SaslAuthenticate rounds, as kafkajs and librdkafka do; resolves with the last reply. */
export async function authenticateScram(c: RawKafkaClient, username: string, password: string): Promise<SaslReply> {
  const handshake = await saslHandshake(c, 'SCRAM-SHA-256');
  if (handshake.errorCode !== 0) throw new Error(`handshake failed: ${handshake.errorCode}`);
  const scram = new ScramTestClient(username, password);
  const first = await saslAuthenticate(c, scram.first());
  if (first.errorCode !== 0) return first;
  const last = await saslAuthenticate(c, scram.final(first.token));
  if (last.errorCode === 0 && !scram.verifies(last.token)) throw new Error('server signature does not verify');
  return last;
}
