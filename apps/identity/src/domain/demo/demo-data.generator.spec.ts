import { isValidResidentId } from '../identifiers/resident-id';
import { isValidUscc } from '@cfc/contracts';
import { isValidMobile } from '../identifiers/mobile';
import { buildDemoDataSet, generateDemoEnterprises, type DemoSecrets } from './demo-data.generator';

const secrets: DemoSecrets = {
  providerKeys: {
    B0001: { keyId: 'b0001-k1', privateKeyPem: 'priv-b', publicKeyPem: 'pub-b' },
    P0001: { keyId: 'p0001-k1', privateKeyPem: 'priv-p', publicKeyPem: 'pub-p' },
  },
  clientSecrets: { L0001: 's1', L0002: 's2', R0001: 's3' },
};

describe('demo data set generator', () => {
  const enterprises = generateDemoEnterprises();

  it('is deterministic', () => {
    expect(generateDemoEnterprises()).toEqual(enterprises);
    expect(generateDemoEnterprises(7)).not.toEqual(enterprises);
  });

  it('makes a dozen enterprises with valid, distinct identifiers', () => {
    expect(enterprises).toHaveLength(12);
    for (const e of enterprises) {
      expect(isValidUscc(e.uscc)).toBe(true);
      expect(isValidResidentId(e.legalRepIdNumber)).toBe(true);
      expect(isValidMobile(e.mobile)).toBe(true);
      expect(e.name).toMatch(/有限公司$/);
      expect(e.legalRepName).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      // the USCC region and the ID number region are the registered office
      expect(e.legalRepIdNumber.slice(0, 6)).toBe(e.uscc.slice(2, 8));
    }
    expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(12);
  });

  it('gives each enterprise bank and payment accounts at the two demo providers', () => {
    for (const e of enterprises) {
      expect(e.accounts.some((a) => a.provider === 'B0001' && a.type === 'BASIC')).toBe(true);
      expect(e.accounts.some((a) => a.provider === 'P0001' && a.type === 'PAYMENT')).toBe(true);
    }
    expect(enterprises.some((e) => e.accounts.some((a) => a.type === 'GENERAL'))).toBe(true);
  });

  it('builds the contract shape with the first-start secrets', () => {
    const set = buildDemoDataSet({ gateway: 'http://127.0.0.1:8080', kafka: ['127.0.0.1:9092'], secrets });
    expect(Object.keys(set)).toEqual(['gateway', 'kafka', 'enterprises', 'providers', 'lenders', 'regulators']);
    expect(set.providers).toEqual([
      { institutionId: 'B0001', keyId: 'b0001-k1', privateKeyPem: 'priv-b', publicKeyPem: 'pub-b' },
      { institutionId: 'P0001', keyId: 'p0001-k1', privateKeyPem: 'priv-p', publicKeyPem: 'pub-p' },
    ]);
    expect(set.lenders.map((l) => l.institutionId)).toEqual(['L0001', 'L0002']);
    expect(set.regulators).toEqual([{ institutionId: 'R0001', clientId: 'r0001-demo', clientSecret: 's3' }]);
  });

  it('refuses to build without a secret for every institution', () => {
    expect(() => buildDemoDataSet({ gateway: 'g', kafka: [], secrets: { ...secrets, clientSecrets: {} } })).toThrow(/L0001/);
  });
});
