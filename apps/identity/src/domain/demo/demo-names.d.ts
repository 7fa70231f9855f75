export interface DemoEnterpriseTemplate {
    readonly name: string;
    readonly region: string;
}
export declare const DEMO_ENTERPRISES: readonly DemoEnterpriseTemplate[];
export declare const SURNAMES: string[];
export declare const GIVEN_NAMES: string[];
export declare const MOBILE_PREFIXES: string[];
