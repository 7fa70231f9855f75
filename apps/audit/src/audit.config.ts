import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';

/** Every environment variable the audit service reads (validated at boot; listed in deploy/README.md). */
export const auditConfig = defineConfig({
  ...platformVariables(8086),
});

export type AuditConfig = ConfigValues<typeof auditConfig>;
