import { type SqlDatabase } from '@cfc/eventing';
import type { PlatformLogger } from '@cfc/platform';
import type { IdentityConfig } from './identity.config';
import { InstitutionService } from './institutions/institution.service';
import { LoginService } from './login/login.service';
import { ClientCredentialsService } from './oauth/client-credentials.service';
import { LogoutService } from './tokens/logout.service';
import { TokenIssuer } from './tokens/token.issuer';
/** Everything identity's controllers use, built once at start from config and the service database. */
export interface IdentityRuntime {
    login: LoginService;
    oauth: ClientCredentialsService;
    logout: LogoutService;
    tokens: TokenIssuer;
    institutions: InstitutionService;
    /** Bearer token of the operator routes (provider key rotation); unset: those routes answer 403. */
    operatorToken?: string;
}
/** DI token of the IdentityRuntime. */
export declare const IDENTITY_RUNTIME: unique symbol;
/** Migrates, loads keys, seeds the demo registry when enabled, and wires the use cases. */
export declare function createIdentityRuntime(db: SqlDatabase, config: IdentityConfig, logger: PlatformLogger, now?: () => Date): Promise<IdentityRuntime>;
