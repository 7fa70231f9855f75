import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<{ correlationId: string }>();

/** Runs work with a correlation id that every log line inside it carries (HTTP request id, event's correlation header). */
export function runWithCorrelation<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

/** The correlation id of the work in progress, to copy into outgoing messages and calls. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
