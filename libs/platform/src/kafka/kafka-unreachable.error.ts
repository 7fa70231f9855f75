/** Thrown when the cluster cannot be reached: names the brokers so the operator knows what to fix. */
export class KafkaUnreachableError extends Error {
  constructor(
    readonly brokers: readonly string[],
    readonly operation: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`Kafka not reachable at ${brokers.join(',')} (${operation}): ${why}. Check KAFKA_BROKERS.`, { cause });
    this.name = 'KafkaUnreachableError';
  }
}

/** Runs a connect-like step, converting any failure or timeout into KafkaUnreachableError. */
export async function explicitly<T>(
  brokers: readonly string[],
  operation: string,
  timeoutMs: number,
  step: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([step(), timeout]);
  } catch (error) {
    throw new KafkaUnreachableError(brokers, operation, error);
  } finally {
    clearTimeout(timer);
  }
}
