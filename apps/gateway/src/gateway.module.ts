import { Module } from '@nestjs/common';
import { FrontDoorModule } from './front-door/front-door.module';
import { RoutesModule } from './routes/routes.module';
import { UpstreamReadiness } from './upstreams/upstream.readiness';

/** The gateway: the front door (authentication, limits), the public routes it forwards, readiness of what is behind it. */
@Module({ imports: [FrontDoorModule, RoutesModule], providers: [UpstreamReadiness] })
export class GatewayModule {}
