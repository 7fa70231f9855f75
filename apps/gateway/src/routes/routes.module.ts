import { Module } from '@nestjs/common';
import { INTERNAL_CLIENT, type InternalClient } from '@cfc/platform';
import { FrontDoorModule } from '../front-door/front-door.module';
import { ROUTES } from '.';
import { ROUTE_FORWARDER, routeTableController } from './route-table.controller';
import { RouteForwarder } from './route.forwarder';
import { SessionHttpController } from './session.http.controller';

/** The public API: the route table's controller, plus the session routes. */
@Module({
  imports: [FrontDoorModule],
  controllers: [SessionHttpController, routeTableController(ROUTES)],
  providers: [{ provide: ROUTE_FORWARDER, inject: [INTERNAL_CLIENT], useFactory: (internal: InternalClient) => new RouteForwarder(internal) }],
})
export class RoutesModule {}
