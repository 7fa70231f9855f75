import { planFromEnv } from './launcher.config';
import { condense } from './log.prefixer';

describe('launcher configuration', () => {
  it('defaults to the contract ports and the embedded stack', () => {
    const plan = planFromEnv({}, '/repo');
    expect(plan.ports).toEqual({ identity: 8081, binding: 8082, consent: 8083, ingestion: 8084, report: 8085, audit: 8086, gateway: 8080 });
    expect([plan.kafkaPort, plan.pgPort, plan.dataDir]).toEqual([9092, 5433, '/repo/.data']);
    expect(plan.externalDatabaseUrl ?? plan.externalKafkaBrokers).toBeUndefined();
  });

  it('moves ports and data by variable, and uses external PostgreSQL and Kafka when given', () => {
    const plan = planFromEnv(
      { CFC_GATEWAY_PORT: '9000', CFC_SERVICE_PORT_BASE: '9100', CFC_DATA_DIR: '/var/cfc', DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' },
      '/repo',
    );
    expect([plan.ports.gateway, plan.ports.identity, plan.ports.audit, plan.dataDir]).toEqual([9000, 9100, 9105, '/var/cfc']);
    expect([plan.externalDatabaseUrl, plan.externalKafkaBrokers]).toEqual(['postgres://h/db', 'k:9092']);
  });

  it('runs the provider simulator unless CFC_SIMULATOR=off', () => {
    expect(planFromEnv({}, '/repo').simulator).toBe(true);
    expect(planFromEnv({ CFC_SIMULATOR: 'on' }, '/repo').simulator).toBe(true);
    expect(planFromEnv({ CFC_SIMULATOR: 'off' }, '/repo').simulator).toBe(false);
    expect(planFromEnv({ CFC_SIMULATOR: 'OFF' }, '/repo').simulator).toBe(false);
    expect(() => planFromEnv({ CFC_SIMULATOR: 'maybe' }, '/repo')).toThrow('CFC_SIMULATOR must be on or off, got "maybe"');
  });

  it('runs the embedded broker with SASL and ACLs unless CFC_KAFKA_AUTH=off', () => {
    expect(planFromEnv({}, '/repo').kafkaAuth).toBe(true);
    expect(planFromEnv({ CFC_KAFKA_AUTH: 'off' }, '/repo').kafkaAuth).toBe(false);
    expect(() => planFromEnv({ CFC_KAFKA_AUTH: 'no' }, '/repo')).toThrow('CFC_KAFKA_AUTH must be on or off, got "no"');
  });

  it('names a malformed port variable', () => {
    expect(() => planFromEnv({ CFC_KAFKA_PORT: 'nine' }, '/repo')).toThrow('CFC_KAFKA_PORT must be a number, got "nine"');
  });
});

describe('service log lines', () => {
  it('condenses pino JSON to time, level, message and the request summary', () => {
    const line = JSON.stringify({ level: 'info', time: '2026-01-02T03:04:05.678Z', msg: 'request completed', req: { method: 'GET', url: '/x' }, res: { statusCode: 200 }, responseTime: 7 });
    expect(condense(line)).toBe('03:04:05 INFO  request completed GET /x 200 7ms');
  });

  it('leaves other lines alone', () => {
    expect(condense('plain text {')).toBe('plain text {');
    expect(condense('{not json')).toBe('{not json');
  });
});
