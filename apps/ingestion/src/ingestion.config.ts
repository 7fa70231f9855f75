import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';

/** Every environment variable the ingestion service reads (validated at boot; listed in deploy/README.md). */
export const ingestionConfig = defineConfig({
  ...platformVariables(8084),
});

export type IngestionConfig = ConfigValues<typeof ingestionConfig>;
