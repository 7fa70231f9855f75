import { withKafkaCredentials, type DemoDataSet } from './demo-data';

describe('demo Kafka logins', () => {
  const dataSet: DemoDataSet = {
    gateway: 'http://127.0.0.1:8080',
    kafka: ['127.0.0.1:9092'],
    enterprises: [],
    providers: [{ institutionId: 'B0001', keyId: 'b0001-k1', privateKeyPem: 'priv', publicKeyPem: 'pub' }],
    lenders: [{ institutionId: 'L0001', clientId: 'l', clientSecret: 's' }],
    regulators: [{ institutionId: 'R0001', clientId: 'r', clientSecret: 's' }],
  };
  const login = (username: string) => ({ mechanism: 'SCRAM-SHA-256' as const, username, password: `${username}-pw` });

  it('gives each provider and regulator its own Kafka login from the launcher, lenders none', () => {
    const updated = withKafkaCredentials(dataSet, { providers: { B0001: login('B0001'), P0009: login('P0009') }, regulators: { R0001: login('R0001') } });
    expect(updated.providers).toEqual([{ ...dataSet.providers[0], kafka: login('B0001') }]);
    expect(updated.regulators[0].kafka).toEqual(login('R0001'));
    expect(updated.lenders[0]).not.toHaveProperty('kafka');
    expect(updated.enterprises).toBe(dataSet.enterprises);
  });

  it('leaves an institution the file does not name as it was', () => {
    expect(withKafkaCredentials(dataSet, { providers: {}, regulators: {} })).toEqual(dataSet);
  });
});
