import { auditRoutes } from './audit.routes';
import type { RouteTable } from './gateway-route';
import { identityRoutes } from './identity.routes';

/** Every public route the gateway forwards, one table per owning context. */
export const ROUTES: RouteTable = [...identityRoutes, ...auditRoutes];
