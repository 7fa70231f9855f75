"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROUTE_FORWARDER = void 0;
exports.routeTableController = routeTableController;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const audiences_decorator_1 = require("../auth/audiences.decorator");
const api_problems_decorator_1 = require("./api-problems.decorator");
const route_forwarder_1 = require("./route.forwarder");
const route_specificity_1 = require("./route.specificity");
/** DI token of the RouteForwarder. */
exports.ROUTE_FORWARDER = Symbol('ROUTE_FORWARDER');
/**
 * A Nest controller with one handler per table entry, decorated as a hand-written one would be (route,
 * audience, OpenAPI), so the guards, the problem filter and /docs treat them alike. A new public route
 * is one entry in a table, not a controller method.
 */
function routeTableController(routes) {
    let RouteTableController = class RouteTableController {
        forwarder;
        constructor(forwarder) {
            this.forwarder = forwarder;
        }
    };
    RouteTableController = __decorate([
        (0, common_1.Controller)(),
        __param(0, (0, common_1.Inject)(exports.ROUTE_FORWARDER)),
        __metadata("design:paramtypes", [route_forwarder_1.RouteForwarder])
    ], RouteTableController);
    const proto = RouteTableController.prototype;
    (0, route_specificity_1.bySpecificity)(routes).forEach((route, index) => {
        const name = `${route.method.toLowerCase()}_${index}`;
        proto[name] = function (req, res) {
            return this.forwarder.forward(route, req, res);
        };
        const descriptor = Object.getOwnPropertyDescriptor(proto, name);
        for (const decorate of decoratorsOf(route))
            decorate(proto, name, descriptor);
        (0, common_1.Req)()(proto, name, 0);
        (0, common_1.Res)()(proto, name, 1);
        Reflect.defineMetadata('design:paramtypes', [Object, Object], proto, name);
    });
    return RouteTableController;
}
function decoratorsOf(route) {
    const status = route.status ?? (route.method === 'POST' ? 201 : 200);
    const decorators = [
        (0, common_1.RequestMapping)({ path: route.path, method: common_1.RequestMethod[route.method] }),
        (0, common_1.HttpCode)(status),
        (0, swagger_1.ApiTags)(route.tag),
        (0, swagger_1.ApiOperation)({ summary: route.summary }),
        (0, api_problems_decorator_1.ApiProblems)(...(route.problems ?? [])),
    ];
    if (route.audiences === 'public')
        decorators.push((0, audiences_decorator_1.Public)());
    else
        decorators.push((0, audiences_decorator_1.Audiences)(...route.audiences), (0, swagger_1.ApiBearerAuth)());
    if (route.passAuthorization)
        decorators.push((0, swagger_1.ApiBasicAuth)());
    if (route.body)
        decorators.push((0, swagger_1.ApiBody)({ type: route.body }));
    if (route.acceptsForm)
        decorators.push((0, swagger_1.ApiConsumes)('application/x-www-form-urlencoded', 'application/json'));
    if (route.query)
        decorators.push((0, swagger_1.ApiQuery)({ type: route.query }));
    for (const [param] of route.path.matchAll(/[:*](\w+)/g))
        decorators.push((0, swagger_1.ApiParam)({ name: param.slice(1), type: String }));
    if (route.produces)
        decorators.push((0, swagger_1.ApiProduces)(route.produces));
    const [type, isArray] = Array.isArray(route.response) ? [route.response[0], true] : [route.response, false];
    decorators.push((0, swagger_1.ApiResponse)({ status, type, isArray, description: route.produces ? `${route.produces}` : 'OK' }));
    return decorators;
}
//# sourceMappingURL=route-table.controller.js.map