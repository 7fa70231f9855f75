import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildBrokerCli, freePort, spawnBrokerCli } from './conformance/broker.process';

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

  it('refuses bad arguments with a usage line and exit code 2', async () => {
    const result = await promisify(execFile)(process.execPath, [cli, '--port', 'x', '--data-dir', dir]).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/--port must be a non-negative integer/) });
  });
});
