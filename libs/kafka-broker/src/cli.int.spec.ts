import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildAuthFile, writeAuthFile } from './auth/auth-file.writer';
import { buildBrokerCli, freePort, spawnBrokerCli } from './conformance/broker.process';
import { RawKafkaClient } from './testing/raw-kafka.client';
import { authenticateScram } from './testing/sasl.kit';

const cli = join(__dirname, '..', 'dist', 'cli.js');

describe('broker CLI', () => {
  let dir: string;
  beforeAll(() => buildBrokerCli());
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kb-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('logs one JSON line with its address when listening and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const broker = await spawnBrokerCli({ port, dataDir: dir });
    const listening = broker
      .output()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; address?: string })
      .filter((l) => l.msg === 'broker listening');
    expect(listening).toEqual([expect.objectContaining({ address: `127.0.0.1:${port}` })]);
    expect(await broker.kill('SIGTERM')).toBe('exit 0');
  });

  it('runs open by default and with SASL and ACLs given --auth-file', async () => {
    const authFile = join(dir, 'auth.json');
    writeAuthFile(authFile, await buildAuthFile({ users: [{ name: 'tool', password: 'tool-password' }], superUsers: ['User:tool'] }));
    const port = await freePort();
    const broker = await spawnBrokerCli({ port, dataDir: join(dir, 'data'), extraArgs: ['--auth-file', authFile] });
    try {
      expect(broker.output()).toContain('"auth":"sasl"');
      const anonymous = await RawKafkaClient.open(broker.address);
      await expect(anonymous.request(3, 1, (w) => w.nullableArray(null, () => undefined))).rejects.toThrow('connection closed');
      const tool = await RawKafkaClient.open(broker.address);
      expect((await authenticateScram(tool, 'tool', 'tool-password')).errorCode).toBe(0);
      tool.close();
    } finally {
      await broker.kill('SIGTERM');
    }
    const missing = await promisify(execFile)(process.execPath, [cli, '--port', String(port), '--data-dir', dir, '--auth-file', join(dir, 'none.json')]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read auth file/) });
  });

  it('refuses bad arguments with a usage line and exit code 2', async () => {
    const result = await promisify(execFile)(process.execPath, [cli, '--port', 'x', '--data-dir', dir]).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/--port must be a non-negative integer/) });
    const unknown = await promisify(execFile)(process.execPath, [cli, '--port', '1', '--data-dir', dir, '--sasl', 'on']).catch((e: { code: number; stderr: string }) => e);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown option --sasl/) });
  });
});
