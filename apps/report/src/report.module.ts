import { Module } from '@nestjs/common';
import { CLOCK, INTERNAL_CLIENT, SERVICE_CONFIG, type Clock, type InternalClient } from '@cfc/platform';
import { QueryHttpController } from './queries/query.http.controllers';
import { ReportBackground } from './report-background';
import type { ReportConfig } from './report.config';
import { createReportRuntime, REPORT_RUNTIME } from './report.runtime';

/** The report service: the two query routes, the read-model consumers and the query.performed relay. */
@Module({
  controllers: [QueryHttpController],
  providers: [
    ReportBackground,
    {
      provide: REPORT_RUNTIME,
      inject: [SERVICE_CONFIG, INTERNAL_CLIENT, CLOCK],
      useFactory: (config: ReportConfig, internal: InternalClient, clock: Clock) => createReportRuntime(config, internal, clock),
    },
  ],
})
export class ReportModule {}
