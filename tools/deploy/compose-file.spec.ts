import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KAFKA_ADMIN_USER, kafkaServiceUser, type KafkaService } from '@cfc/contracts';
import { isRequired, loadConfig } from '@cfc/platform';
import { serviceSchemas } from './service-schemas';

// No Docker engine here: instead, prove the compose file configures each service with exactly the
// variables its config schema reads, every required one set, every value valid.
const root = join(__dirname, '..', '..');
interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const initSql = readFileSync(join(root, 'deploy', 'postgres', 'init-databases.sql'), 'utf8');
const kafkaInit = readFileSync(join(root, 'deploy', 'kafka', 'kafka-init.sh'), 'utf8');
const envOf = (name: string) =>
  Object.fromEntries(Object.entries(compose.services[name].environment ?? {}).map(([k, v]) => [k, String(v)]));

describe('docker-compose.yml', () => {
  it('runs Apache Kafka with SASL SCRAM-SHA-256 and the StandardAuthorizer, plaintext only on its loopback', () => {
    const kafka = envOf('kafka');
    const protocols = Object.fromEntries(kafka.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP.split(',').map((p) => p.split(':')));
    const listeners = kafka.KAFKA_LISTENERS.split(',').map((l) => l.split('://'));
    for (const [name, address] of listeners) {
      if (protocols[name] === 'PLAINTEXT') expect(address).toMatch(/^localhost:/);
      else expect(protocols[name]).toBe('SASL_PLAINTEXT');
    }
    expect(kafka.KAFKA_SASL_ENABLED_MECHANISMS).toBe('SCRAM-SHA-256');
    expect(kafka.KAFKA_AUTHORIZER_CLASS_NAME).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(kafka.KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND).toBe('false');
    expect(kafka.KAFKA_SUPER_USERS.split(';')).toEqual([`User:${KAFKA_ADMIN_USER}`, 'User:ANONYMOUS']);
  });

  it('creates the users and ACLs once with Kafka\'s CLI, from the generated script', () => {
    const init = compose.services['kafka-init'] as ComposeService & { network_mode?: string; entrypoint?: string[]; volumes?: string[] };
    expect(init.image).toBe(compose.services.kafka.image);
    expect(init.network_mode).toBe('service:kafka');
    expect(init.volumes).toContain('./deploy/kafka/kafka-init.sh:/cfc/kafka-init.sh:ro');
    expect(init.entrypoint).toEqual(['bash', '/cfc/kafka-init.sh']);
    const needed = [...new Set(kafkaInit.match(/CFC_KAFKA_PASSWORD_[A-Z]+/g))].sort();
    expect(Object.keys(envOf('kafka-init')).sort()).toEqual(needed);
  });

  it('runs Apache Kafka in KRaft mode and PostgreSQL', () => {
    const kafka = compose.services.kafka;
    expect(kafka.image).toMatch(/^apache\/kafka:\d/);
    expect(envOf('kafka').KAFKA_PROCESS_ROLES.split(',').sort()).toEqual(['broker', 'controller']);
    expect(Object.keys(compose.services).some((s) => /zookeeper/i.test(s))).toBe(false);
    expect(compose.services.postgres.image).toMatch(/^postgres:\d/);
  });

  describe.each(Object.entries(serviceSchemas))('%s', (name, schema) => {
    const service = compose.services[name];
    const env = envOf(name);

    it('runs its own app from the shared image and waits for its dependencies', () => {
      expect(service.command).toEqual(['node', `apps/${name}/dist/main.js`]);
      expect(service.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(service.depends_on?.kafka?.condition).toBe('service_healthy');
    });

    it('sets only variables its config schema knows, every required one, all valid', () => {
      const unknown = Object.keys(env).filter((k) => !(k in schema));
      expect(unknown).toEqual([]);
      const missing = Object.entries(schema).filter(([k, spec]) => isRequired(spec) && !(k in env)).map(([k]) => k);
      expect(missing).toEqual([]);
      expect(() => loadConfig(schema, env)).not.toThrow();
      expect(env.HOST).toBe('0.0.0.0');
    });

    it('uses a database of its own that the init script creates, as a role of its own that owns it, and the compose Kafka', () => {
      const url = new URL(env.DATABASE_URL);
      expect(url.hostname).toBe('postgres');
      expect(url.pathname).toBe(`/cfc_${name}`);
      expect(initSql).toContain(`CREATE DATABASE cfc_${name} OWNER cfc_${name};`);
      // Never the superuser: a role that may do nothing but own this database, its password from the
      // variable the postgres container hands to the init script.
      expect(url.username).toBe(`cfc_${name}`);
      expect(url.username).not.toBe(envOf('postgres').POSTGRES_USER);
      const variable = `CFC_DB_PASSWORD_${name.toUpperCase()}`;
      expect(decodeURIComponent(url.password)).toBe(`\${${variable}}`);
      expect(envOf('postgres')[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?`)); // required by compose
      expect(initSql).toContain(`\\getenv ${name}_password ${variable}`);
      expect(initSql).toMatch(new RegExp(`CREATE ROLE cfc_${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'${name}_password';`));
      expect(initSql).toMatch(new RegExp(`REVOKE ALL ON DATABASE [a-z_, ]*cfc_${name}[a-z_, ]* FROM PUBLIC;`));
      expect(env.KAFKA_BROKERS).toBe('kafka:9092');
      expect(envOf('kafka').KAFKA_ADVERTISED_LISTENERS.split(',')).toContain('CLIENTS://kafka:9092');
    });

    it('logs in to Kafka as its own principal, with the password kafka-init gives that user', () => {
      const variable = `CFC_KAFKA_PASSWORD_${name.toUpperCase()}`;
      expect([env.KAFKA_SASL_MECHANISM, env.KAFKA_SASL_USERNAME]).toEqual(['SCRAM-SHA-256', kafkaServiceUser(name as KafkaService)]);
      expect(env.KAFKA_SASL_PASSWORD).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
      expect(envOf('kafka-init')[variable]).toBe(env.KAFKA_SASL_PASSWORD);
      expect(kafkaInit).toContain(`scram_user "${kafkaServiceUser(name as KafkaService)}" "\${${variable}:?`);
      expect(service.depends_on?.['kafka-init']?.condition).toBe('service_completed_successfully');
    });
  });

  it('points the gateway at each internal service by name and port', () => {
    const gateway = envOf('gateway');
    for (const upstream of ['identity', 'binding', 'consent', 'report', 'audit']) {
      const url = new URL(gateway[`${upstream.toUpperCase()}_URL`]);
      expect([url.hostname, url.port]).toEqual([upstream, envOf(upstream).PORT]);
    }
  });

  it('gives every service a distinct port, and publishes only the gateway (and Kafka for providers)', () => {
    const ports = Object.keys(serviceSchemas).map((s) => envOf(s).PORT);
    expect(new Set(ports).size).toBe(ports.length);
    const published = Object.entries(compose.services).filter(([, s]) => (s as { ports?: unknown }).ports).map(([n]) => n);
    expect(published.sort()).toEqual(['gateway', 'kafka']);
  });
});

describe('deploy/README.md', () => {
  it('documents every variable of every service', () => {
    const readme = readFileSync(join(root, 'deploy', 'README.md'), 'utf8');
    const undocumented = Object.entries(serviceSchemas).flatMap(([service, schema]) =>
      Object.keys(schema).filter((v) => !readme.includes(`\`${v}\``)).map((v) => `${service}: ${v}`),
    );
    expect(undocumented).toEqual([]);
  });
});
