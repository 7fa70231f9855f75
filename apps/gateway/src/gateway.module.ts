import { Module } from '@nestjs/common';
import { FrontDoorModule } from './front-door/front-door.module';
import { RoutesModule } from './routes/routes.module';

/** The gateway: the front door (authentication, limits) and the public routes it forwards. */
@Module({ imports: [FrontDoorModule, RoutesModule] })
export class GatewayModule {}
