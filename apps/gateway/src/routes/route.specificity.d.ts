import type { GatewayRoute } from './gateway-route';
/**
 * Express tries routes in registration order, so /v1/authorizations/purposes must come before
 * /v1/authorizations/:id. Orders routes so that, segment by segment, a literal beats a parameter and a
 * parameter beats a splat; otherwise the table's order is kept.
 */
export declare function bySpecificity(routes: readonly GatewayRoute[]): GatewayRoute[];
