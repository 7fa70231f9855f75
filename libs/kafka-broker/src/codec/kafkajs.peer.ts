import { createRequire } from 'node:module';
import { Reader } from './primitives/reader';
import { Writer } from './primitives/writer';

// kafkajs's own protocol modules act as the real peer in codec specs: its encoders produce the request bytes
// a kafkajs client sends, and its decoders read our responses the way a kafkajs client will.
const peer = createRequire(__filename);

/** Request body bytes exactly as kafkajs encodes them for `api` (its folder name) at `version`. */
export async function kafkajsRequest(api: string, version: number, args: unknown): Promise<Buffer> {
  const request = peer(`kafkajs/src/protocol/requests/${api}/v${version}/request`)(args);
  return (await request.encode()).buffer as Buffer;
}

/** Decodes a response body with kafkajs's decoder for `api` at `version`. */
export async function kafkajsResponse(api: string, version: number, body: Buffer): Promise<Record<string, unknown>> {
  return peer(`kafkajs/src/protocol/requests/${api}/v${version}/response`).decode(body);
}

/** Runs an encoder into a fresh Writer and returns the bytes. */
export function encoded(write: (w: Writer) => void): Buffer {
  const w = new Writer();
  write(w);
  return w.toBuffer();
}

/** Decodes all of `bytes` and checks nothing is left over. */
export function decodedAll<T>(bytes: Buffer, read: (r: Reader) => T): T {
  const r = new Reader(bytes);
  const value = read(r);
  if (r.remaining() !== 0) throw new Error(`${r.remaining()} bytes left after decoding`);
  return value;
}
