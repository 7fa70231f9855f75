import { Module } from '@nestjs/common';

/** The audit service's own controllers, consumers and use cases are registered here. */
@Module({ imports: [], controllers: [], providers: [] })
export class AuditModule {}
