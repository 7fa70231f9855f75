import type { ServiceDefinition } from '@cfc/platform';
import { reportConfig } from './report.config';
import { ReportModule } from './report.module';

/** The report service as the platform runs it: its config schema, modules and migrations (oldest first). */
export const reportService: ServiceDefinition<typeof reportConfig> = {
  name: 'report',
  schema: reportConfig,
  imports: [ReportModule],
  migrations: [],
};
