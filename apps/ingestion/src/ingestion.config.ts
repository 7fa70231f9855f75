import { type ConfigValues, defineConfig, platformVariables, serviceUrlVariables } from '@cfc/platform';

/** Every environment variable the ingestion service reads (validated at boot; listed in deploy/README.md). */
export const ingestionConfig = defineConfig({
  ...platformVariables(8084),
  ...serviceUrlVariables('identity', 'binding'),
  INGESTION_MESSAGES_PER_TRANSACTION: {
    type: 'int',
    default: 8,
    min: 1,
    max: 100,
    description: 'provider messages (up to 1,000 records each) judged and written in one transaction; their binding look-ups run in parallel',
  },
  INGESTION_FETCH_BYTES_PER_PARTITION: {
    type: 'int',
    default: 8 << 20,
    min: 1 << 20,
    max: 64 << 20,
    description: 'bytes fetched ahead per partition of cfc.provider.inbound.v1: the most inbound data held in memory per partition, whatever the backlog',
  },
  INGESTION_OVERDUE_SWEEP_SECONDS: {
    type: 'int',
    default: 60,
    min: 1,
    max: 3600,
    description: 'how often objections unanswered past their 20 days are recorded as objection.overdue (reads say OVERDUE at once regardless)',
  },
});

export type IngestionConfig = ConfigValues<typeof ingestionConfig>;
