import { Module } from '@nestjs/common';

/** The ingestion service's own controllers, consumers and use cases are registered here. */
@Module({ imports: [], controllers: [], providers: [] })
export class IngestionModule {}
