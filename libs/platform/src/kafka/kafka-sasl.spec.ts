import { ConfigError } from '../config/config.loader';
import { kafkaSaslFromConfig } from './kafka-sasl';

describe('KAFKA_SASL_* variables', () => {
  it('mean no SASL when none is set', () => {
    expect(kafkaSaslFromConfig({})).toBeUndefined();
  });

  it('give kafkajs credentials when all three are set', () => {
    expect(kafkaSaslFromConfig({ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: 'cfc-identity', KAFKA_SASL_PASSWORD: 'pw' })).toEqual({
      mechanism: 'scram-sha-256',
      username: 'cfc-identity',
      password: 'pw',
    });
    expect(kafkaSaslFromConfig({ KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })?.mechanism).toBe('plain');
  });

  it('refuse a partial set at boot, naming what is missing and never the password', () => {
    const problems = (config: Parameters<typeof kafkaSaslFromConfig>[0]) => {
      try {
        kafkaSaslFromConfig(config);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).problems.join('; ');
      }
      throw new Error('expected a ConfigError');
    };
    expect(problems({ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256' })).toMatch(/KAFKA_SASL_USERNAME is required.*KAFKA_SASL_PASSWORD is required/);
    expect(problems({ KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'u' })).toMatch(/^KAFKA_SASL_PASSWORD is required/);
    const leaked = problems({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'hunter2-secret' });
    expect(leaked).toMatch(/need KAFKA_SASL_MECHANISM/);
    expect(leaked).not.toContain('hunter2');
  });
});
