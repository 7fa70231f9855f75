import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeIntegration, freePortRange, integrationStack, uniqueName } from '@cfc/testing';
import { SERVICES } from './services.catalog';

// With DATABASE_URL and KAFKA_BROKERS set, the launcher starts neither PostgreSQL nor a broker: it
// creates one database per service on the given server, and (its URL user may create roles) one role
// per service owning it, and points every service at the given brokers.
const main = join(__dirname, '..', 'dist', 'main.js');

describeIntegration('the launcher with external PostgreSQL and Kafka', () => {
  const prefix = uniqueName('ext');
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-launcher-ext-'));
  const withAdmin = async <T>(work: (admin: Client) => Promise<T>): Promise<T> => {
    const admin = new Client({ connectionString: integrationStack().databaseUrl });
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.end();
    }
  };

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await withAdmin(async (admin) => {
      for (const s of SERVICES) await admin.query(`DROP DATABASE IF EXISTS "${prefix}_${s}" WITH (FORCE)`);
      for (const s of SERVICES) await admin.query(`DROP ROLE IF EXISTS "${prefix}_${s}"`);
    });
  });

  const saslEnv = (): Record<string, string> => {
    const sasl = integrationStack().kafkaSasl;
    return sasl ? { KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password } : {};
  };

  it('uses them, creating a database and a role per service, and starts neither', async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const first = await freePortRange(7); // the gateway and the six internal services, checked free together
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        DATABASE_URL: integrationStack().databaseUrl,
        KAFKA_BROKERS: integrationStack().kafkaBrokers.join(','),
        // External Kafka: the services log in with the KAFKA_SASL_* they are given (here the run's super user).
        ...saslEnv(),
        CFC_DB_PREFIX: prefix,
        CFC_DATA_DIR: dataDir,
        CFC_GATEWAY_PORT: String(first),
        CFC_SERVICE_PORT_BASE: String(first + 1),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 1200 && !output.includes('CFC is ready') && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    // While it runs: every service is connected as its own role.
    const sessions = await withAdmin(async (admin) => (await admin.query<{ datname: string; usename: string }>(`SELECT DISTINCT datname, usename FROM pg_stat_activity WHERE datname LIKE $1`, [`${prefix}\\_%`])).rows);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    expect(output).toContain('CFC is ready');
    expect(output).toContain(`using PostgreSQL from DATABASE_URL (one database per service: ${prefix}_<service>)`);
    expect(output).toContain('using Kafka from KAFKA_BROKERS');
    expect(output).toContain('demo credentials  none'); // nothing seeded outside the embedded stack
    expect(output).not.toMatch(/starting PostgreSQL|starting the Kafka-compatible broker|stopping PostgreSQL|stopping the broker|may not create roles/);
    expect(existsSync(join(dataDir, 'pg'))).toBe(false);
    expect(sessions.map((r) => r.datname)).toContain(`${prefix}_identity`);
    expect(sessions.filter((r) => r.usename !== r.datname)).toEqual([]);
    const { databases, roles } = await withAdmin(async (admin) => ({
      databases: (await admin.query<{ datname: string; owner: string }>(`SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`])).rows,
      roles: (await admin.query<{ rolname: string; rolsuper: boolean }>(`SELECT rolname, rolsuper FROM pg_roles WHERE rolname LIKE $1`, [`${prefix}\\_%`])).rows,
    }));
    expect(databases.map((r) => r.datname).sort()).toEqual(SERVICES.map((s) => `${prefix}_${s}`).sort());
    expect(databases.filter((r) => r.owner !== r.datname)).toEqual([]);
    expect(roles.filter((r) => r.rolsuper)).toEqual([]);
    // The roles' passwords are kept owner-only in the data dir; the operator's own user is not written down.
    const stored = join(dataDir, 'postgres-credentials.json');
    expect((statSync(stored).mode & 0o777).toString(8)).toBe('600');
    const credentials = JSON.parse(readFileSync(stored, 'utf8'));
    expect(credentials.superuser).toBeUndefined();
    expect(Object.keys(credentials.roles).sort()).toEqual(SERVICES.map((s) => `${prefix}_${s}`).sort());
  }, 150_000);
});
