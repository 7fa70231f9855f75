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

/** A demo institution's Kafka login (CONTRACT.md, "Kafka authentication"). */
export interface DemoKafkaCredentials {
  mechanism: 'SCRAM-SHA-256' | 'PLAIN';
  username: string;
  password: string;
}

export interface DemoProvider {
  institutionId: string;
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
  kafka?: DemoKafkaCredentials;
}

export interface DemoClient {
  institutionId: string;
  clientId: string;
  clientSecret: string;
  /** Regulators only: their Kafka login for the audit stream. */
  kafka?: DemoKafkaCredentials;
}

/** What the launcher writes for identity: Kafka logins by institution id. */
export interface DemoKafkaCredentialsFile {
  providers: Record<string, DemoKafkaCredentials>;
  regulators: Record<string, DemoKafkaCredentials>;
}

/** The data set with each provider's and regulator's Kafka login from the file (others unchanged). */
export function withKafkaCredentials(dataSet: DemoDataSet, file: DemoKafkaCredentialsFile): DemoDataSet {
  return {
    ...dataSet,
    providers: dataSet.providers.map((p) => (file.providers[p.institutionId] ? { ...p, kafka: file.providers[p.institutionId] } : p)),
    regulators: dataSet.regulators.map((r) => (file.regulators[r.institutionId] ? { ...r, kafka: file.regulators[r.institutionId] } : r)),
  };
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
