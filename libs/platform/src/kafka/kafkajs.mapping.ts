import type { IHeaders, KafkaMessage, LogEntry, logLevel as KafkaLogLevel, Message } from 'kafkajs';
import { logLevel } from 'kafkajs';
import type { PlatformLogger } from '../logging/logger.port';
import type { IncomingMessage, OutgoingMessage } from './messaging.port';

/** Port message -> kafkajs message. */
export function toKafkajsMessage(message: OutgoingMessage): Message {
  return {
    key: message.key ?? null,
    value: message.value,
    headers: message.headers,
    partition: message.partition,
  };
}

/** kafkajs message -> port message; headers are decoded as UTF-8, repeated headers keep the last value. */
export function fromKafkajsMessage(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers: decodeHeaders(message.headers),
    timestamp: Number(message.timestamp),
  };
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) out[name] = value.toString();
  }
  return out;
}

/** Routes kafkajs' own log lines into the platform logger, tagged so they can be filtered. */
export function kafkajsLogCreator(logger: PlatformLogger) {
  return () =>
    ({ level, log }: LogEntry): void => {
      const { message, ...rest } = log;
      // Retries are bounded on purpose so a send fails instead of hanging; a retried outbox batch may
      // then duplicate, which consumers absorb (they dedupe by event id). kafkajs warns about it each start.
      if (message.startsWith('Limiting retries for the idempotent producer')) return;
      const fields = { component: 'kafkajs', ...rest };
      switch (level as KafkaLogLevel) {
        case logLevel.ERROR:
          return logger.error(fields, message);
        case logLevel.WARN:
          return logger.warn(fields, message);
        case logLevel.INFO:
          return logger.debug(fields, message);
        default:
          return logger.debug(fields, message);
      }
    };
}
