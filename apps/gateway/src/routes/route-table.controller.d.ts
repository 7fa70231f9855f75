import { type Type } from '@nestjs/common';
import type { GatewayRoute } from './gateway-route';
/** DI token of the RouteForwarder. */
export declare const ROUTE_FORWARDER: unique symbol;
/**
 * A Nest controller with one handler per table entry, decorated as a hand-written one would be (route,
 * audience, OpenAPI), so the guards, the problem filter and /docs treat them alike. A new public route
 * is one entry in a table, not a controller method.
 */
export declare function routeTableController(routes: readonly GatewayRoute[]): Type;
