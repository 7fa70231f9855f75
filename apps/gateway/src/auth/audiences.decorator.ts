import { SetMetadata } from '@nestjs/common';
import type { TokenAudience } from '@cfc/contracts';

export const AUDIENCES_KEY = 'cfc:audiences';
export const PUBLIC_KEY = 'cfc:public';

/** Only bearer tokens of these audiences may call the route; any other valid token gets 403. */
export const Audiences = (...audiences: TokenAudience[]) => SetMetadata(AUDIENCES_KEY, audiences);
/** Enterprise (data account) routes. */
export const ForEnterprises = () => Audiences('cfc:subject');
/** Lender (role USER) routes. */
export const ForLenders = () => Audiences('cfc:lender');
/** Regulator routes. */
export const ForRegulators = () => Audiences('cfc:regulator');
/** No bearer token needed (login, token endpoint). Every other route requires one. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
