export interface RegistryMatch {
    matched: true;
    uscc: string;
    enterpriseName: string;
    /** Registered mobile of the legal representative: where the one-time code goes. */
    mobile: string;
}
export interface EnterpriseRegistry {
    /** Whether the USCC is registered with this legal representative name and resident ID number. */
    match(uscc: string, legalRepName: string, legalRepIdNumber: string): Promise<RegistryMatch | {
        matched: false;
    }>;
}
/** DI token of the EnterpriseRegistry adapter. */
export declare const ENTERPRISE_REGISTRY: unique symbol;
