import { Module } from '@nestjs/common';

/** The consent service's own controllers, consumers and use cases are registered here. */
@Module({ imports: [], controllers: [], providers: [] })
export class ConsentModule {}
