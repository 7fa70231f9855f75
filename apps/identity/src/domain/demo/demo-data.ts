// The shape of `.data/demo.json` (CONTRACT.md, "Embedded mode and demo data"), exactly.
export type AccountType = 'BASIC' | 'GENERAL' | 'PAYMENT';

export interface DemoAccount {
  provider: string;
  number: string;
  type: AccountType;
}

export interface DemoEnterprise {
  uscc: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  mobile: string;
  accounts: DemoAccount[];
}

export interface DemoProvider {
  institutionId: string;
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export interface DemoClient {
  institutionId: string;
  clientId: string;
  clientSecret: string;
}

export interface DemoDataSet {
  gateway: string;
  kafka: string[];
  enterprises: DemoEnterprise[];
  providers: DemoProvider[];
  lenders: DemoClient[];
  regulators: DemoClient[];
}

/** Institutions of the demo registry, with the names people see. */
export const DEMO_INSTITUTIONS = {
  providers: [
    { institutionId: 'B0001', name: '示范商业银行' },
    { institutionId: 'P0001', name: '示范支付科技有限公司' },
  ],
  lenders: [
    { institutionId: 'L0001', name: '示范小额贷款有限公司' },
    { institutionId: 'L0002', name: '示范村镇银行' },
  ],
  regulators: [{ institutionId: 'R0001', name: '示范金融监管局' }],
} as const;
