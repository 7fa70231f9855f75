import type { KafkaSaslCredentials } from '@cfc/testing';

/** librdkafka's options for a SASL user; none when the stack has no SASL. */
export function kcatSaslArgs(sasl: KafkaSaslCredentials | undefined, mechanism = 'SCRAM-SHA-256'): string[] {
  if (!sasl) return [];
  return ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', `sasl.mechanisms=${mechanism}`, '-X', `sasl.username=${sasl.username}`, '-X', `sasl.password=${sasl.password}`];
}
