import { bannerLines, demoFilePath } from './banner';
import { planFromEnv } from './launcher.config';

describe('the ready banner', () => {
  const embedded = planFromEnv({}, '/repo');
  const external = planFromEnv({ DATABASE_URL: 'postgres://db.internal/cfc', KAFKA_BROKERS: 'k1:9092' }, '/repo');

  it('points to demo.json when the demo data set was written', () => {
    const lines = bannerLines(embedded, '127.0.0.1:9092', 3.2, '/repo/.data/demo.json', '/repo', { on: true, providers: ['B0001', 'P0001'] });
    expect(lines.join('\n')).toContain('demo credentials  .data/demo.json');
  });

  it('says whether the provider simulator is on, and why not', () => {
    const line = (status: Parameters<typeof bannerLines>[5]) => bannerLines(embedded, '127.0.0.1:9092', 3.2, '/repo/.data/demo.json', '/repo', status).find((l) => l.includes('simulator'));
    expect(line({ on: true, providers: ['B0001', 'P0001'] })).toBe('  providers         simulator on for B0001, P0001   (CFC_SIMULATOR=off lets kcat or your own client play them)');
    expect(line({ on: false, why: 'switched-off' })).toContain('simulator off (CFC_SIMULATOR=off)');
    expect(line({ on: false, why: 'no-demo-data' })).toBe('  providers         simulator off: no demo data set to act from');
  });

  it('does not point to demo.json when nothing was seeded (external PostgreSQL and Kafka)', () => {
    const text = bannerLines(external, 'k1:9092', 3.2, undefined, '/repo', { on: false, why: 'no-demo-data' }).join('\n');
    expect(text).not.toContain('demo.json');
    expect(text).toContain('demo credentials  none');
    expect(text).toContain('PostgreSQL        from DATABASE_URL');
  });

  it('says loudly when the embedded broker runs without authentication', () => {
    const off = bannerLines(planFromEnv({ CFC_KAFKA_AUTH: 'off' }, '/repo'), '127.0.0.1:9092', 3.2, undefined, '/repo', { on: false, why: 'switched-off' }).join('\n');
    expect(off).toContain('Kafka auth        OFF (CFC_KAFKA_AUTH=off): any client can read and write every topic');
    const on = bannerLines(embedded, '127.0.0.1:9092', 3.2, '/repo/.data/demo.json', '/repo', { on: true, providers: ['B0001'] }, '/repo/.data/kafka-secrets.json').join('\n');
    expect(on).toContain('SASL SCRAM-SHA-256 (PLAIN too) with ACLs');
    expect(on).toContain('.data/kafka-secrets.json');
    expect(on).not.toContain('OFF');
  });

  it('looks for the file where identity writes it', () => {
    expect(demoFilePath(embedded, {})).toBe('/repo/.data/demo.json');
    expect(demoFilePath(embedded, { DEMO_DATA_PATH: '/tmp/elsewhere/demo.json' })).toBe('/tmp/elsewhere/demo.json');
  });
});
