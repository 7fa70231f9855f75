import { Headers } from '@cfc/contracts';
import type { IncomingMessage, OutgoingMessage } from '@cfc/platform';
import { PoisonMessageError } from './decoders';

/** The dead-letter record of a message: its key, bytes and headers, plus why, where from, and who gave up. */
export function deadLetterRecord(message: IncomingMessage, error: unknown, groupId: string, attempts: number): OutgoingMessage {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [Headers.error]: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      [Headers.errorReason]: deadLetterReason(error),
      [Headers.originalTopic]: message.topic,
      [Headers.originalPartition]: String(message.partition),
      [Headers.originalOffset]: message.offset,
      [Headers.consumerGroup]: groupId,
      [Headers.attempts]: String(attempts),
    },
  };
}

/** The machine-readable reason: a PoisonMessageError's own, else HANDLER_FAILED. */
export function deadLetterReason(error: unknown): string {
  return error instanceof PoisonMessageError ? error.reason : 'HANDLER_FAILED';
}
