import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticProviderKeyRegistry, statisticsSubmitted, validateStatisticsRecord, verifyProviderMessage } from '@cfc/contracts';
import { readDemoData } from './demo-data.file';
import { kcatArgsCommand, signCommand, statisticsCommand } from './provider.commands';
import { saslOptions } from './kafka-login';
import { enterpriseWithProfile, writeDemoData } from './testing/platform-side';

describe('npm run provider -- <command>', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfc-provider-cli-'));
  const subject = enterpriseWithProfile('gaps');
  const written = writeDemoData(dir, { brokers: ['127.0.0.1:9092'], providers: ['B0001', 'P0001'], enterprises: [{ uscc: subject, accounts: [{ provider: 'B0001', number: '6222000000000000201', type: 'BASIC' }] }] });
  const demo = readDemoData(written.path);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs the exact bytes of a message: the kcat -H arguments verify with the provider key', async () => {
    const value = Buffer.from('{"type":"binding.confirmed","bindingId":"b-1","provider":"B0001"}\n');
    const args = signCommand(demo, 'B0001', value, 'kcat');
    expect(args).toMatch(/^-H cfc-provider=B0001 -H cfc-key-id=b0001-k1 -H cfc-signature=[A-Za-z0-9_-]{86}$/);
    const headers = Object.fromEntries(args.split(' ').filter((w) => w !== '-H').map((h) => h.split('=', 2) as [string, string]));
    const registry = staticProviderKeyRegistry(written.keys);
    expect(await verifyProviderMessage(headers, value, registry)).toEqual({ ok: true, provider: 'B0001', keyId: 'b0001-k1' });
    // one byte more (the file without its newline, say) and the signature no longer holds
    expect(await verifyProviderMessage(headers, value.subarray(0, value.length - 1), registry)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    // and another provider's key does not make it
    expect(await verifyProviderMessage({ ...headers, 'cfc-provider': 'P0001', 'cfc-key-id': 'p0001-k1' }, value, registry)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('prints the headers as JSON for kafkajs users', async () => {
    const value = Buffer.from('{}');
    const headers = JSON.parse(signCommand(demo, 'P0001', value, 'json')) as Record<string, string>;
    expect(Object.keys(headers)).toEqual(['cfc-provider', 'cfc-key-id', 'cfc-signature']);
    expect((await verifyProviderMessage(headers, value, staticProviderKeyRegistry(written.keys))).ok).toBe(true);
  });

  it('writes a valid statistics.submitted for a demo account, and says so when the month is a gap', () => {
    const now = new Date('2026-11-15T00:00:00Z');
    const periods = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const outcomes = periods.map((period) => {
      try {
        return JSON.parse(statisticsCommand(demo, { provider: 'B0001', accountNumber: '6222000000000000201', period, revision: 2, now }));
      } catch (error) {
        return (error as Error).message;
      }
    });
    const messages = outcomes.filter((o) => typeof o !== 'string');
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(statisticsSubmitted.validate.check(message).ok).toBe(true);
      expect(validateStatisticsRecord.check(message.records[0]).ok).toBe(true);
      expect(message.records[0]).toMatchObject({ subject, revision: 2 });
    }
    expect(outcomes.filter((o) => typeof o === 'string')).not.toHaveLength(0); // a gaps enterprise misses some of ten months
    expect(outcomes.find((o) => typeof o === 'string')).toMatch(/no statistics for/);
    expect(() => statisticsCommand(demo, { provider: 'B0001', accountNumber: '6222999999999999999', now })).toThrow(/no demo enterprise holds/);
  });

  it("gives kcat the brokers, and the provider's SASL login once demo.json has one", () => {
    expect(kcatArgsCommand(demo, 'B0001')).toBe('-b 127.0.0.1:9092');
    const withLogin = { ...demo, providers: demo.providers.map((p) => ({ ...p, kafka: { mechanism: 'SCRAM-SHA-256', username: p.institutionId, password: 'pw' } })) };
    expect(kcatArgsCommand(withLogin, 'B0001', ['h:1', 'h:2'])).toBe('-b h:1,h:2 -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=SCRAM-SHA-256 -X sasl.username=B0001 -X sasl.password=pw');
    expect(() => kcatArgsCommand(demo, 'X0001')).toThrow(/no provider X0001 .*B0001, P0001/);
  });

  it("maps demo.json's mechanism names onto kafkajs's, and refuses others", () => {
    expect(saslOptions({ mechanism: 'SCRAM-SHA-256', username: 'u', password: 'p' })).toEqual({ mechanism: 'scram-sha-256', username: 'u', password: 'p' });
    expect(saslOptions({ mechanism: 'plain', username: 'u', password: 'p' }).mechanism).toBe('plain');
    expect(() => saslOptions({ mechanism: 'GSSAPI', username: 'u', password: 'p' })).toThrow(/unsupported Kafka SASL mechanism GSSAPI/);
  });
});
