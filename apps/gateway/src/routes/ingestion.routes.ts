import {
  ObjectionCreatedDto, ObjectionListDto, ObjectionListQueryDto, ProviderAccountsDto, ProviderAccountsQueryDto, ProvidersViewDto,
  RaiseObjectionDto, RegulatorObjectionListDto,
} from '@cfc/api';
import type { RouteTable } from './gateway-route';

/** Objections (异议) and the regulator's view of the providers' supply: ingestion does the work and checks the caller again. */
export const ingestionRoutes: RouteTable = [
  {
    method: 'POST',
    path: '/v1/subject/objections',
    audiences: ['cfc:subject'],
    upstream: 'ingestion',
    tag: 'enterprises',
    summary: 'Object to one month of one of your active bindings (异议); the provider must answer within 20 days (征信业管理条例 Art. 25)',
    body: RaiseObjectionDto,
    response: ObjectionCreatedDto,
    status: 201,
    problems: [
      [400, 'VALIDATION_FAILED', 'reason: must not be empty'],
      [404, 'BINDING_NOT_FOUND', 'no such binding'],
      [409, 'BINDING_NOT_ACTIVE', 'binding … is ENDED: objections are raised on active bindings'],
      [409, 'NO_STATISTICS_FOR_MONTH', 'no statistics were supplied for 2026-10 of this account'],
      [409, 'OBJECTION_ALREADY_OPEN', 'an objection on this month of this account is still open'],
    ],
  },
  {
    method: 'GET',
    path: '/v1/subject/objections',
    audiences: ['cfc:subject'],
    upstream: 'ingestion',
    tag: 'enterprises',
    summary: "The enterprise's own objections, oldest first, each with its history (submitted, overdue, corrected or upheld)",
    query: ObjectionListQueryDto,
    response: ObjectionListDto,
  },
  {
    method: 'GET',
    path: '/v1/regulator/objections',
    audiences: ['cfc:regulator'],
    upstream: 'ingestion',
    tag: 'regulators',
    summary: 'Every objection by status, OVERDUE first (then by due date)',
    query: ObjectionListQueryDto,
    response: RegulatorObjectionListDto,
  },
  {
    method: 'GET',
    path: '/v1/regulator/providers',
    audiences: ['cfc:regulator'],
    upstream: 'ingestion',
    tag: 'regulators',
    summary: 'Per provider: records accepted and rejected, dead letters, objections raised, answered, open and overdue, and freshness of the bound accounts; the last 24 hours and in total',
    response: ProvidersViewDto,
  },
  {
    method: 'GET',
    path: '/v1/regulator/providers/:id/accounts',
    audiences: ['cfc:regulator'],
    upstream: 'ingestion',
    tag: 'regulators',
    summary: "A provider's bound accounts (masked) with the latest month supplied for each, a page at a time",
    params: { id: /^[A-Z0-9]{4,20}$/ },
    query: ProviderAccountsQueryDto,
    response: ProviderAccountsDto,
    problems: [[400, 'VALIDATION_FAILED', 'limit: must be 1 to 1000']],
  },
];
