import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, describeIntegration, integrationStack, serviceAuthHeaders, TEST_INTERNAL_AUTH_SECRET, type TestDatabase } from '@cfc/testing';

// Runs a real service process (runService from the built library) to prove what only a process can show:
// exit codes, SIGTERM handling and in-flight work surviving shutdown.
const platformDist = join(__dirname, '..', '..', 'dist', 'index.js');
const script = `
const { Controller, Get, Module } = require('@nestjs/common');
const { runService, platformVariables } = require(${JSON.stringify(platformDist)});
class Slow { async get() { await new Promise((r) => setTimeout(r, 1500)); return { done: true }; } }
Get()(Slow.prototype, 'get', Object.getOwnPropertyDescriptor(Slow.prototype, 'get'));
Controller('slow')(Slow);
class SlowModule {}
Module({ controllers: [Slow] })(SlowModule);
runService({ name: 'proc', schema: platformVariables(0), imports: [SlowModule] });
`;

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: NodeJS.ProcessEnv): Run {
  if (!existsSync(platformDist)) throw new Error(`${platformDist} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, ['-e', script], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function listeningPort(r: Run): Promise<number> {
  for (let i = 0; i < 300; i++) {
    const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(r.output());
    if (match) return Number(match[1]);
    if (r.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`service did not start:\n${r.output()}`);
}

describeIntegration('a service process', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('proc');
  });
  afterAll(() => db?.drop());

  it('stops with exit code 78 and names the variable when its configuration is invalid', async () => {
    const r = run({ KAFKA_BROKERS: '127.0.0.1:9092', PORT: 'eighty' });
    expect(await r.exited).toBe(78);
    expect(r.output()).toContain('DATABASE_URL is required');
    expect(r.output()).toContain('PORT must be an integer');
    expect(r.output()).toContain('INTERNAL_AUTH_SECRET is required');
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const r = run({ DATABASE_URL: db.url, KAFKA_BROKERS: integrationStack().kafkaBrokers.join(','), ...integrationStack().kafkaServiceEnv('gateway'), PORT: '0', INTERNAL_AUTH_SECRET: TEST_INTERNAL_AUTH_SECRET });
    const port = await listeningPort(r);
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`, { headers: await serviceAuthHeaders('proc') }).then(async (res) => [res.status, await res.json()]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    r.child.kill('SIGTERM');
    expect(await inFlight).toEqual([200, { done: true }]);
    expect(await r.exited).toBe(0);
    expect(r.output()).toMatch(/"msg":"stopped"/);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
