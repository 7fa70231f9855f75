import { Controller, HttpCode, Inject, Req, RequestMapping, RequestMethod, Res, type Type } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Audiences, Public } from '../auth/audiences.decorator';
import { ApiProblems } from './api-problems.decorator';
import { exampleOf } from './dto.example';
import type { GatewayRoute } from './gateway-route';
import { RouteForwarder, type ForwardedRequest, type ForwardedResponse } from './route.forwarder';
import { bySpecificity } from './route.specificity';

/** DI token of the RouteForwarder. */
export const ROUTE_FORWARDER = Symbol('ROUTE_FORWARDER');

type Decorator = MethodDecorator;

/**
 * A Nest controller with one handler per table entry, decorated as a hand-written one would be (route,
 * audience, OpenAPI), so the guards, the problem filter and /docs treat them alike. A new public route
 * is one entry in a table, not a controller method.
 */
export function routeTableController(routes: readonly GatewayRoute[]): Type {
  @Controller()
  class RouteTableController {
    constructor(@Inject(ROUTE_FORWARDER) readonly forwarder: RouteForwarder) {}
  }
  const proto = RouteTableController.prototype as unknown as Record<string, unknown>;
  bySpecificity(routes).forEach((route, index) => {
    const name = `${route.method.toLowerCase()}_${index}`;
    proto[name] = function (this: RouteTableController, req: ForwardedRequest, res: ForwardedResponse) {
      return this.forwarder.forward(route, req, res);
    };
    const descriptor = Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor;
    for (const decorate of decoratorsOf(route)) decorate(proto, name, descriptor);
    Req()(proto, name, 0);
    Res()(proto, name, 1);
    Reflect.defineMetadata('design:paramtypes', [Object, Object], proto, name);
  });
  return RouteTableController;
}

function decoratorsOf(route: GatewayRoute): Decorator[] {
  const status = route.status ?? (route.method === 'POST' ? 201 : 200);
  const decorators: Decorator[] = [
    RequestMapping({ path: route.path, method: RequestMethod[route.method] }),
    HttpCode(status),
    ApiTags(route.tag),
    ApiOperation({ summary: route.summary }),
    ApiProblems(...(route.problems ?? [])),
  ];
  if (route.audiences === 'public') decorators.push(Public());
  else decorators.push(Audiences(...route.audiences), ApiBearerAuth());
  if (route.passAuthorization) decorators.push(ApiBasicAuth());
  if (route.body) decorators.push(ApiBody({ type: route.body, examples: { example: { value: exampleOf(route.body) } } }));
  if (route.acceptsForm) decorators.push(ApiConsumes('application/x-www-form-urlencoded', 'application/json'));
  if (route.query) decorators.push(ApiQuery({ type: route.query }));
  for (const [param] of route.path.matchAll(/[:*](\w+)/g)) decorators.push(ApiParam({ name: param.slice(1), type: String }));
  if (route.produces) decorators.push(ApiProduces(route.produces));
  const [type, isArray] = Array.isArray(route.response) ? [route.response[0], true] : [route.response, false];
  const example = type ? (isArray ? [exampleOf(type)] : exampleOf(type)) : route.example;
  decorators.push(ApiResponse({ status, type, isArray, example, description: route.produces ? `${route.produces}` : 'OK' }));
  return decorators;
}
