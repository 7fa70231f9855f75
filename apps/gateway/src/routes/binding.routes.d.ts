import type { RouteTable } from './gateway-route';
/** Fund-account bindings and the entrustment agreement: binding does the work and checks ownership again. */
export declare const bindingRoutes: RouteTable;
