"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RoutesModule = void 0;
const common_1 = require("@nestjs/common");
const platform_1 = require("@cfc/platform");
const front_door_module_1 = require("../front-door/front-door.module");
const _1 = require(".");
const route_table_controller_1 = require("./route-table.controller");
const route_forwarder_1 = require("./route.forwarder");
const session_http_controller_1 = require("./session.http.controller");
/** The public API: the route table's controller, plus the session routes. */
let RoutesModule = class RoutesModule {
};
exports.RoutesModule = RoutesModule;
exports.RoutesModule = RoutesModule = __decorate([
    (0, common_1.Module)({
        imports: [front_door_module_1.FrontDoorModule],
        controllers: [session_http_controller_1.SessionHttpController, (0, route_table_controller_1.routeTableController)(_1.ROUTES)],
        providers: [{ provide: route_table_controller_1.ROUTE_FORWARDER, inject: [platform_1.INTERNAL_CLIENT], useFactory: (internal) => new route_forwarder_1.RouteForwarder(internal) }],
    })
], RoutesModule);
//# sourceMappingURL=routes.module.js.map