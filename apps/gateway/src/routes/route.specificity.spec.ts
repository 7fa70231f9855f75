import type { GatewayRoute } from './gateway-route';
import { bySpecificity } from './route.specificity';

const r = (method: GatewayRoute['method'], path: string): GatewayRoute => ({ method, path, audiences: 'public', upstream: 'consent', summary: path, tag: 'lenders' });

describe('bySpecificity', () => {
  it('puts literal segments before parameters and parameters before splats, keeping the table order otherwise', () => {
    const routes = [
      r('GET', '/v1/authorizations/:id'),
      r('GET', '/v1/authorizations'),
      r('GET', '/v1/authorizations/purposes'),
      r('GET', '/v1/regulator/audit/tlog/tile/*path'),
      r('GET', '/v1/regulator/audit/tlog/tile/entries/*path'),
      r('POST', '/v1/authorizations'),
    ];
    expect(bySpecificity(routes).map((x) => `${x.method} ${x.path}`)).toEqual([
      'GET /v1/authorizations',
      'POST /v1/authorizations',
      'GET /v1/authorizations/purposes',
      'GET /v1/authorizations/:id',
      'GET /v1/regulator/audit/tlog/tile/entries/*path',
      'GET /v1/regulator/audit/tlog/tile/*path',
    ]);
  });
});
