import { QueryRequestDto, ReportResponseDto, SubjectQueryRequestDto } from '@cfc/api';
import type { RouteTable } from './gateway-route';

const REFUSALS: Array<[number, string, string]> = [
  [403, 'NOT_ACTIVE', 'the authorisation is not active (pending, rejected or revoked)'],
  [403, 'EXPIRED', 'the authorisation has expired'],
  [403, 'PAUSED', 'the enterprise paused the authorisation'],
  [403, 'NOT_YOURS', 'the authorisation was granted to another lender'],
  [403, 'PRODUCT_NOT_COVERED', 'the authorisation does not cover this product'],
  [403, 'ACCOUNT_NOT_COVERED', 'an account asked for is not covered'],
  [403, 'ACCOUNT_UNBOUND', 'an authorised account is no longer bound'],
  [429, 'QUERY_LIMIT_REACHED', 'the authorisation\'s query limit is reached; see retry-after'],
];

/** The two products (资金流信用信息报告, 明细汇总): the report service checks consent itself and computes them. */
export const reportRoutes: RouteTable = [
  {
    method: 'POST',
    path: '/v1/queries',
    audiences: ['cfc:lender'],
    upstream: 'report',
    tag: 'lenders',
    summary: 'Query a report under an authorisation: the credit report or the detail summary over exactly the authorised accounts and months (docs/report.schema.json)',
    body: QueryRequestDto,
    response: ReportResponseDto,
    status: 200,
    problems: [...REFUSALS, [404, 'AUTHORIZATION_NOT_FOUND', 'no such authorisation'], [400, 'VALIDATION_FAILED', 'product: must be CREDIT_REPORT or DETAIL_SUMMARY']],
  },
  {
    method: 'POST',
    path: '/v1/subject/queries',
    audiences: ['cfc:subject'],
    upstream: 'report',
    tag: 'enterprises',
    summary: "Self-query: the enterprise's own report over its active bindings and the last 36 complete months",
    body: SubjectQueryRequestDto,
    response: ReportResponseDto,
    status: 200,
    problems: [[409, 'NO_ACTIVE_BINDINGS', 'bind an account first'], [400, 'VALIDATION_FAILED', 'product: must be CREDIT_REPORT or DETAIL_SUMMARY']],
  },
];
