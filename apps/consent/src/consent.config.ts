import { type ConfigValues, defineConfig, platformVariables, serviceUrlVariables } from '@cfc/platform';

/** Every environment variable the consent service reads (validated at boot; listed in deploy/README.md). */
export const consentConfig = defineConfig({
  ...platformVariables(8083),
  ...serviceUrlVariables('identity', 'binding'),
  CONSENT_EXPIRY_SWEEP_SECONDS: {
    type: 'int',
    default: 60,
    min: 1,
    max: 86400,
    description: 'how often expiries the clock has already decided are recorded as authorization.expired events (for the audit; checks never wait for it)',
  },
});

export type ConsentConfig = ConfigValues<typeof consentConfig>;
