import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort, freePortRange } from './free-port';

const ephemeralStart = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 32_768;
  }
})();

const listen = (port: number) =>
  new Promise<void>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });

describe('free ports for tests', () => {
  it('hands out ports below the kernel ephemeral range, so no client connection can take them meanwhile', async () => {
    for (let i = 0; i < 20; i++) {
      const port = await freePort();
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(ephemeralStart);
    }
  });

  it('hands out ranges of consecutive free ports, all below the ephemeral range', async () => {
    const base = await freePortRange(7);
    expect(base + 7).toBeLessThanOrEqual(ephemeralStart);
    for (let port = base; port < base + 7; port++) await listen(port);
  });
});
