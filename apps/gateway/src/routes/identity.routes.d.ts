import type { RouteTable } from './gateway-route';
/** Login and tokens: identity does the work. (Logout and session are in session.http.controller.ts.) */
export declare const identityRoutes: RouteTable;
