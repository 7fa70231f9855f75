import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KAFKA_ADMIN_USER, kafkaAclRules, kafkaServiceUser, type KafkaService } from '@cfc/contracts';
import { buildAuthFile, writeAuthFile } from '@cfc/kafka-broker';
import type { KafkaSasl } from '@cfc/platform';
import type { ServiceName } from './services.catalog';

// The embedded broker's logins: a random password per service, demo institution and the admin, made
// at first start and kept in <data>/kafka-secrets.json (mode 600). From them the launcher writes the
// broker's auth file (salted SCRAM only, ACLs from @cfc/contracts) and the demo logins identity puts
// into demo.json.

/** The demo institutions that get Kafka logins; identity's demo registry names the same ones. */
export const DEMO_KAFKA_INSTITUTIONS = { providers: ['B0001', 'P0001'], regulators: ['R0001'] } as const;

interface Login {
  username: string;
  password: string;
}

export interface KafkaSecrets {
  admin: Login;
  services: Record<string, Login>;
  providers: Record<string, Login>;
  regulators: Record<string, Login>;
}

/** What the launcher hands the broker and the services. */
export interface EmbeddedKafkaAuth {
  /** The broker's --auth-file. */
  authFile: string;
  /** identity's DEMO_KAFKA_CREDENTIALS_PATH. */
  demoCredentialsFile: string;
  secretsFile: string;
  /** The super user's login: the launcher creates the platform topics with it. */
  admin: KafkaSasl;
  /** KAFKA_SASL_* of one service: its own principal. */
  envFor(service: ServiceName): Record<string, string>;
}

export async function prepareEmbeddedKafkaAuth(dataDir: string, services: readonly ServiceName[]): Promise<EmbeddedKafkaAuth> {
  const secretsFile = join(dataDir, 'kafka-secrets.json');
  const secrets = ensureSecrets(secretsFile, services);
  const authFile = join(dataDir, 'kafka-auth.json');
  const logins = [secrets.admin, ...Object.values(secrets.services), ...Object.values(secrets.providers), ...Object.values(secrets.regulators)];
  const acls = kafkaAclRules({
    services: services as readonly KafkaService[],
    providers: Object.keys(secrets.providers),
    regulators: Object.keys(secrets.regulators),
  });
  writeAuthFile(authFile, await buildAuthFile({ users: logins.map((l) => ({ name: l.username, password: l.password })), superUsers: [`User:${secrets.admin.username}`], acls }));
  const demoCredentialsFile = join(dataDir, 'demo-kafka-credentials.json');
  const scram = (l: Login) => ({ mechanism: 'SCRAM-SHA-256', username: l.username, password: l.password });
  const demo = { providers: mapValues(secrets.providers, scram), regulators: mapValues(secrets.regulators, scram) };
  writePrivate(demoCredentialsFile, demo);
  return {
    authFile,
    demoCredentialsFile,
    secretsFile,
    admin: { mechanism: 'scram-sha-256', username: secrets.admin.username, password: secrets.admin.password },
    envFor: (service) => ({
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256',
      KAFKA_SASL_USERNAME: secrets.services[service].username,
      KAFKA_SASL_PASSWORD: secrets.services[service].password,
    }),
  };
}

/** Reads the secrets file, adding a login for anyone new (a service or demo institution added since). */
function ensureSecrets(path: string, services: readonly ServiceName[]): KafkaSecrets {
  const known: Partial<KafkaSecrets> = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as KafkaSecrets) : {};
  const login = (username: string, existing?: Login): Login => existing ?? { username, password: randomBytes(18).toString('base64url') };
  const secrets: KafkaSecrets = {
    admin: login(KAFKA_ADMIN_USER, known.admin),
    services: Object.fromEntries(services.map((s) => [s, login(kafkaServiceUser(s as KafkaService), known.services?.[s])])),
    providers: Object.fromEntries(DEMO_KAFKA_INSTITUTIONS.providers.map((id) => [id, login(id, known.providers?.[id])])),
    regulators: Object.fromEntries(DEMO_KAFKA_INSTITUTIONS.regulators.map((id) => [id, login(id, known.regulators?.[id])])),
  };
  if (JSON.stringify(secrets) !== JSON.stringify(known)) writePrivate(path, secrets);
  return secrets;
}

function writePrivate(path: string, content: unknown): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}
