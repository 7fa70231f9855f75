import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';

/** Every environment variable the report service reads (validated at boot; listed in deploy/README.md). */
export const reportConfig = defineConfig({
  ...platformVariables(8085),
});

export type ReportConfig = ConfigValues<typeof reportConfig>;
