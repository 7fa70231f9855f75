import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAuthFile } from '@cfc/kafka-broker';
import { prepareEmbeddedKafkaAuth } from './kafka-auth';
import { SERVICES } from './services.catalog';

describe('embedded Kafka logins', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cfc-kafka-auth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a login per service, demo institution and the admin, keeps them across starts, and writes only salted keys for the broker', async () => {
    const first = await prepareEmbeddedKafkaAuth(dir, SERVICES);
    const secrets = JSON.parse(readFileSync(first.secretsFile, 'utf8')) as { admin: { password: string }; services: Record<string, { username: string; password: string }> };
    expect(Object.keys(secrets.services).sort()).toEqual([...SERVICES].sort());
    expect(first.envFor('identity')).toEqual({ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: 'cfc-identity', KAFKA_SASL_PASSWORD: secrets.services.identity.password });
    expect(new Set(Object.values(secrets.services).map((s) => s.password)).size).toBe(SERVICES.length);

    const authText = readFileSync(first.authFile, 'utf8');
    const config = parseAuthFile(authText);
    expect([...config.users.keys()].sort()).toEqual(['B0001', 'P0001', 'R0001', 'cfc-admin', ...SERVICES.map((s) => `cfc-${s}`)].sort());
    expect([...config.superUsers]).toEqual(['User:cfc-admin']);
    expect(config.acls).toContainEqual(expect.objectContaining({ principal: 'User:B0001', resourceName: 'cfc.provider.B0001.outbound.v1', operation: 'READ' }));
    for (const login of [secrets.admin, ...Object.values(secrets.services)]) expect(authText).not.toContain(login.password);

    const demo = JSON.parse(readFileSync(first.demoCredentialsFile, 'utf8')) as { providers: Record<string, { username: string }> };
    expect(Object.keys(demo.providers)).toEqual(['B0001', 'P0001']);
    for (const file of [first.secretsFile, first.authFile, first.demoCredentialsFile]) expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = await prepareEmbeddedKafkaAuth(dir, SERVICES);
    expect(again.envFor('audit')).toEqual(first.envFor('audit'));
  });
});
