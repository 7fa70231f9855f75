import { createServer, type Server } from 'node:http';
import type { ProviderKey } from './provider-message.verifier';
import { httpProviderKeyRegistry } from './provider-key.http-registry';

describe('httpProviderKeyRegistry (against a local HTTP server in identity\'s response shape)', () => {
  let server: Server;
  let url: string;
  let keys: ProviderKey[] = [];
  let requests = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.url === '/internal/provider-keys' ? { keys } : {}));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('caches, picks up a rotated key on first use, and sees revocations after the refresh interval', async () => {
    let clock = 0;
    const registry = httpProviderKeyRegistry(url, { refreshMs: 30_000, missCooldownMs: 2_000, now: () => clock });
    keys = [{ institutionId: 'B0001', keyId: 'k1', publicKeyPem: 'pem1', status: 'ACTIVE' }];
    expect(await registry.providerKey('B0001', 'k1')).toMatchObject({ status: 'ACTIVE' });
    const afterFirst = requests;
    expect(await registry.providerKey('B0001', 'k1')).toBeDefined();
    expect(requests).toBe(afterFirst); // cached

    keys = [...keys, { institutionId: 'B0001', keyId: 'k2', publicKeyPem: 'pem2', status: 'ACTIVE' }];
    expect(await registry.providerKey('B0001', 'k2')).toBeUndefined(); // within the miss cooldown
    clock = 2_000;
    expect(await registry.providerKey('B0001', 'k2')).toMatchObject({ keyId: 'k2' });
    const beforeJunk = requests;
    expect(await registry.providerKey('B0001', 'junk')).toBeUndefined();
    expect(requests).toBe(beforeJunk); // junk key ids cannot hammer identity

    keys = keys.map((k) => (k.keyId === 'k1' ? { ...k, status: 'REVOKED' as const } : k));
    clock = 32_000;
    expect(await registry.providerKey('B0001', 'k1')).toMatchObject({ status: 'REVOKED' });
  });
});
