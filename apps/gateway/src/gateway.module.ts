import { Module } from '@nestjs/common';
import { FrontDoorModule } from './front-door/front-door.module';

/** The gateway service's own controllers, consumers and use cases are registered here. */
@Module({ imports: [FrontDoorModule], controllers: [], providers: [] })
export class GatewayModule {}
