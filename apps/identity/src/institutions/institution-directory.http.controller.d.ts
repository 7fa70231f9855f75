import type { InstitutionListResponse } from '@cfc/contracts';
import { type IdentityRuntime } from '../identity.runtime';
export declare class InstitutionDirectoryHttpController {
    private readonly runtime;
    constructor(runtime: IdentityRuntime);
    list(role: string | undefined): Promise<InstitutionListResponse>;
}
