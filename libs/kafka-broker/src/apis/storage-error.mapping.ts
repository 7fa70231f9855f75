import { ErrorCode } from '../codec/error-codes';
import { StorageError } from '../storage/storage.port';
import type { BrokerLog } from '../broker.context';

/** The Kafka error code for a failure: storage errors carry theirs; anything else is logged and becomes UNKNOWN_SERVER_ERROR. */
export function errorCodeOf(e: unknown, log: BrokerLog, what: string): number {
  if (e instanceof StorageError) return e.code;
  log('error', `${what} failed`, { error: (e as Error)?.stack ?? String(e) });
  return ErrorCode.UNKNOWN_SERVER_ERROR;
}

/** Same, with the message admin clients show (CreateTopics v1+). */
export function errorOf(e: unknown, log: BrokerLog, what: string): { errorCode: number; errorMessage: string | null } {
  return { errorCode: errorCodeOf(e, log, what), errorMessage: e instanceof Error ? e.message : String(e) };
}
