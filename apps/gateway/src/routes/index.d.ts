import type { RouteTable } from './gateway-route';
/** Every public route the gateway forwards, one table per owning context. */
export declare const ROUTES: RouteTable;
