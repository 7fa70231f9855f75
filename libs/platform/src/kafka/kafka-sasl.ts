import { ConfigError } from '../config/config.loader';

/** SASL credentials of one client (PLAIN only over TLS outside a laptop: it sends the password as is). */
export interface KafkaSasl {
  readonly mechanism: 'scram-sha-256' | 'plain';
  readonly username: string;
  readonly password: string;
}

/** The KAFKA_SASL_* variables as the platform schema declares them. */
export interface KafkaSaslVariables {
  readonly KAFKA_SASL_MECHANISM?: 'SCRAM-SHA-256' | 'PLAIN';
  readonly KAFKA_SASL_USERNAME?: string;
  readonly KAFKA_SASL_PASSWORD?: string;
}

/** SASL settings from validated config: none, or all three variables; anything between is a ConfigError. */
export function kafkaSaslFromConfig(config: KafkaSaslVariables): KafkaSasl | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (mechanism === undefined) {
    if (username !== undefined || password !== undefined) {
      throw new ConfigError(['KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD need KAFKA_SASL_MECHANISM (SCRAM-SHA-256 or PLAIN)']);
    }
    return undefined;
  }
  const missing = [username === undefined && 'KAFKA_SASL_USERNAME', password === undefined && 'KAFKA_SASL_PASSWORD'].filter(Boolean);
  if (missing.length > 0) throw new ConfigError(missing.map((name) => `${name} is required when KAFKA_SASL_MECHANISM is set`));
  return { mechanism: mechanism === 'PLAIN' ? 'plain' : 'scram-sha-256', username: username!, password: password! };
}
