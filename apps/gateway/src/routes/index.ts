import { auditRoutes } from './audit.routes';
import type { RouteTable } from './gateway-route';
import { bindingRoutes } from './binding.routes';
import { consentRoutes } from './consent.routes';
import { identityRoutes } from './identity.routes';
import { ingestionRoutes } from './ingestion.routes';
import { subjectServiceRoutes } from './identity.subject-services.routes';
import { reportRoutes } from './report.routes';

/** Every public route the gateway forwards, one table per owning context. */
export const ROUTES: RouteTable = [...identityRoutes, ...subjectServiceRoutes, ...bindingRoutes, ...consentRoutes, ...ingestionRoutes, ...reportRoutes, ...auditRoutes];
