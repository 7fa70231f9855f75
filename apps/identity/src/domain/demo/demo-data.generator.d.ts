import { type DemoDataSet, type DemoEnterprise, type DemoProvider } from './demo-data';
export declare const DEMO_SEED = 20261124;
/** Secrets made at first start (never committed): one key pair per provider, one secret per client. */
export interface DemoSecrets {
    providerKeys: Record<string, Omit<DemoProvider, 'institutionId'>>;
    clientSecrets: Record<string, string>;
}
/** The deterministic enterprises of the demo registry: same seed, same data, on every machine. */
export declare function generateDemoEnterprises(seed?: number): DemoEnterprise[];
/** The whole `.data/demo.json` document, given where the stack listens and the first-start secrets. */
export declare function buildDemoDataSet(input: {
    gateway: string;
    kafka: string[];
    secrets: DemoSecrets;
    seed?: number;
}): DemoDataSet;
/** OAuth2 client id of a demo institution. */
export declare function demoClientId(institutionId: string): string;
