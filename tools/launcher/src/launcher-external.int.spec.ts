import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { SERVICES } from './services.catalog';

// With DATABASE_URL and KAFKA_BROKERS set, the launcher starts neither PostgreSQL nor a broker: it
// creates one database per service on the given server and points every service at the given brokers.
const main = join(__dirname, '..', 'dist', 'main.js');

async function freeBase(size: number): Promise<number> {
  for (;;) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const ok = await Promise.all(
      Array.from({ length: size }, (_, i) => new Promise<boolean>((resolve) => {
        const s = createServer().once('error', () => resolve(false)).listen(base + i, '127.0.0.1', () => s.close(() => resolve(true)));
      })),
    );
    if (ok.every(Boolean)) return base;
  }
}

describeIntegration('the launcher with external PostgreSQL and Kafka', () => {
  const prefix = uniqueName('ext');
  const dataDir = mkdtempSync(join(tmpdir(), 'cfc-launcher-ext-'));

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const admin = new Client({ connectionString: integrationStack().databaseUrl });
    await admin.connect();
    for (const s of SERVICES) await admin.query(`DROP DATABASE IF EXISTS "${prefix}_${s}" WITH (FORCE)`);
    await admin.end();
  });

  const saslEnv = (): Record<string, string> => {
    const sasl = integrationStack().kafkaSasl;
    return sasl ? { KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password } : {};
  };

  it('uses them, creating a database per service, and starts neither', async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const base = await freeBase(7);
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        DATABASE_URL: integrationStack().databaseUrl,
        KAFKA_BROKERS: integrationStack().kafkaBrokers.join(','),
        // External Kafka: the services log in with the KAFKA_SASL_* they are given (here the run's super user).
        ...saslEnv(),
        CFC_DB_PREFIX: prefix,
        CFC_DATA_DIR: dataDir,
        CFC_GATEWAY_PORT: String(base),
        CFC_SERVICE_PORT_BASE: String(base + 1),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 1200 && !output.includes('CFC is ready') && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    expect(output).toContain('CFC is ready');
    expect(output).toContain(`using PostgreSQL from DATABASE_URL (one database per service: ${prefix}_<service>)`);
    expect(output).toContain('using Kafka from KAFKA_BROKERS');
    expect(output).toContain('demo credentials  none'); // nothing seeded outside the embedded stack
    expect(output).not.toMatch(/starting PostgreSQL|starting the Kafka-compatible broker|stopping PostgreSQL|stopping the broker/);
    expect(existsSync(join(dataDir, 'pg'))).toBe(false);
    const admin = new Client({ connectionString: integrationStack().databaseUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}_%`]);
    await admin.end();
    expect(rows.map((r) => r.datname).sort()).toEqual(SERVICES.map((s) => `${prefix}_${s}`).sort());
  }, 150_000);
});
