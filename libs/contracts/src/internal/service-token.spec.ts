import { ServiceTokens } from './service-token';

describe('ServiceTokens', () => {
  const secret = 'a-test-secret-that-is-long-enough-0123456789';
  let clock = Date.parse('2026-12-01T08:00:00Z');
  const gateway = new ServiceTokens(secret, 'gateway', () => clock);
  const binding = new ServiceTokens(secret, 'binding', () => clock);

  it('carries the caller, the principal and the client address to the service it names', async () => {
    const token = await gateway.sign('binding', { principal: { kind: 'enterprise', id: '91110000600037341L' }, clientAddress: '203.0.113.7' });
    expect(await binding.verify(token)).toEqual({ ok: true, caller: { service: 'gateway', principal: { kind: 'enterprise', id: '91110000600037341L' }, clientAddress: '203.0.113.7' } });
  });

  it('refuses a token for another service, an expired one, and one signed with another secret', async () => {
    expect(await gateway.verify(await binding.sign('consent'))).toEqual({ ok: false, reason: 'WRONG_AUDIENCE' });
    const token = await gateway.sign('binding');
    clock += 66_000;
    expect(await binding.verify(token)).toEqual({ ok: false, reason: 'EXPIRED' });
    const forged = await new ServiceTokens('another-secret-that-is-long-enough-0123456789', 'gateway', () => clock).sign('binding');
    expect(await binding.verify(forged)).toEqual({ ok: false, reason: 'INVALID' });
    expect(await binding.verify('not.a.token')).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses secrets shorter than 32 characters', () => {
    expect(() => new ServiceTokens('short', 'gateway')).toThrow(/at least 32/);
  });
});
