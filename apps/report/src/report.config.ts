import { type ConfigValues, defineConfig, platformVariables, serviceUrlVariables } from '@cfc/platform';

/** Every environment variable the report service reads (validated at boot; listed in deploy/README.md). */
export const reportConfig = defineConfig({
  ...platformVariables(8085),
  ...serviceUrlVariables('binding', 'consent'),
  REPORT_CACHE_BINDINGS: {
    type: 'int',
    default: 20000,
    min: 0,
    max: 1000000,
    description: "bindings whose statistics rows the report service keeps in memory (least recently used first out); every query still checks each binding's version in PostgreSQL, so the cache is never stale; 0 turns it off",
  },
  REPORT_CONSUMER_GROUP_SUFFIX: {
    type: 'string',
    description: 'tests only: appended to the consumer group names (cfc.report.statistics, cfc.report.bindings) so that several report services on one test broker each read every event; unset in production',
  },
  REPORT_SELF_QUERY_MONTHS: { type: 'int', default: 36, min: 1, max: 36, description: "months of history in an enterprise's self-query, ending with the last complete month (Asia/Shanghai)" },
});

export type ReportConfig = ConfigValues<typeof reportConfig>;
