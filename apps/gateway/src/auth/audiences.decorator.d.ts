import type { TokenAudience } from '@cfc/contracts';
export declare const AUDIENCES_KEY = "cfc:audiences";
export declare const PUBLIC_KEY = "cfc:public";
/** Only bearer tokens of these audiences may call the route; any other valid token gets 403. */
export declare const Audiences: (...audiences: TokenAudience[]) => import("@nestjs/common").CustomDecorator<string>;
/** Enterprise (data account) routes. */
export declare const ForEnterprises: () => import("@nestjs/common").CustomDecorator<string>;
/** Lender (role USER) routes. */
export declare const ForLenders: () => import("@nestjs/common").CustomDecorator<string>;
/** Regulator routes. */
export declare const ForRegulators: () => import("@nestjs/common").CustomDecorator<string>;
/** No bearer token needed (login, token endpoint). Every other route requires one. */
export declare const Public: () => import("@nestjs/common").CustomDecorator<string>;
