import { defineConfig } from '@cfc/platform';

// Where the built portal is, and whether the platform runs embedded (the login page then says where the
// demo SMS codes are written).
export const portalVariables = defineConfig({
  PORTAL_DIR: { type: 'string', description: 'folder of the built enterprise portal (npm run build writes apps/portal/dist); unset: apps/portal/dist next to the gateway' },
  CFC_EMBEDDED: { type: 'boolean', default: false, description: 'set by the launcher when it runs its own PostgreSQL and broker: the portal shows the demo note on where SMS codes go' },
});
