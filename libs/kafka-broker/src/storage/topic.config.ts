import { ErrorCode } from '../codec/error-codes';
import { StorageError, type TopicConfig } from './storage.port';

const DEFAULT_SEGMENT_BYTES = 128 * 1024 * 1024;

/** Topic name rule from Kafka: legal characters, at most 249, not "." or "..". */
export function validateTopicName(name: string): void {
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(name) || name === '.' || name === '..') {
    throw new StorageError(ErrorCode.INVALID_TOPIC_EXCEPTION, `invalid topic name "${name}"`);
  }
}

/** Parses creation configs; the ones the embedded broker cannot honour are refused, unknown ones kept as given. */
export function parseTopicConfig(raw: Readonly<Record<string, string>>): TopicConfig {
  const policy = raw['cleanup.policy'];
  if (policy !== undefined && policy !== 'delete') {
    throw new StorageError(
      ErrorCode.INVALID_CONFIG,
      `cleanup.policy=${policy} is not supported by the embedded broker (only delete: retention.ms / retention.bytes)`,
    );
  }
  return {
    retentionMs: integer(raw, 'retention.ms', -1),
    retentionBytes: integer(raw, 'retention.bytes', -1),
    segmentBytes: integer(raw, 'segment.bytes', DEFAULT_SEGMENT_BYTES),
  };
}

function integer(raw: Readonly<Record<string, string>>, name: string, fallback: number): number {
  const v = raw[name];
  if (v === undefined) return fallback;
  if (!/^-?\d+$/.test(v.trim())) throw new StorageError(ErrorCode.INVALID_CONFIG, `${name} must be an integer, got "${v}"`);
  const n = Number(v);
  if (n < -1 || (name === 'segment.bytes' && n < 1024)) throw new StorageError(ErrorCode.INVALID_CONFIG, `${name}=${v} is out of range`);
  return n;
}
