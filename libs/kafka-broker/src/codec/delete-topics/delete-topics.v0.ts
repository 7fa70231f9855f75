/*
 * DeleteTopics Request (Version: 0 and 1) => [topic_names] timeout_ms
 *   topic_names => STRING, timeout_ms => INT32
 *
 * DeleteTopics Response (Version: 0) => [responses]
 * DeleteTopics Response (Version: 1) => throttle_time_ms INT32 [responses]
 *   responses => name STRING error_code INT16
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface DeleteTopicsRequest {
  readonly topicNames: string[];
  readonly timeoutMs: number;
}

export interface DeleteTopicsResponse {
  readonly responses: ReadonlyArray<{ name: string; errorCode: number }>;
}

export function decodeDeleteTopicsV0(r: Reader): DeleteTopicsRequest {
  return { topicNames: r.array((r) => r.string()), timeoutMs: r.int32() };
}

export function encodeDeleteTopicsV0(w: Writer, res: DeleteTopicsResponse, version: number): void {
  if (version >= 1) w.int32(0);
  w.array(res.responses, (w, t) => w.string(t.name).int16(t.errorCode));
}
