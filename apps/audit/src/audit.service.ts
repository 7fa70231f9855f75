import type { ServiceDefinition } from '@cfc/platform';
import { auditConfig } from './audit.config';
import { AuditModule } from './audit.module';

/** The audit service as the platform runs it: its config schema and modules (its tables migrate at start, audit.migration.ts). */
export const auditService: ServiceDefinition<typeof auditConfig> = {
  name: 'audit',
  schema: auditConfig,
  imports: [AuditModule],
  migrations: [],
};
