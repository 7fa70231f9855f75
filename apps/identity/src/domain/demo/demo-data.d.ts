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
export declare const DEMO_INSTITUTIONS: {
    readonly providers: readonly [{
        readonly institutionId: "B0001";
        readonly name: "示范商业银行";
    }, {
        readonly institutionId: "P0001";
        readonly name: "示范支付科技有限公司";
    }];
    readonly lenders: readonly [{
        readonly institutionId: "L0001";
        readonly name: "示范小额贷款有限公司";
    }, {
        readonly institutionId: "L0002";
        readonly name: "示范村镇银行";
    }];
    readonly regulators: readonly [{
        readonly institutionId: "R0001";
        readonly name: "示范金融监管局";
    }];
};
