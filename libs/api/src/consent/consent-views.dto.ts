import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCTS, PURPOSES } from '@cfc/contracts';
import { AUTHORIZATION_STATUSES, QueryLimitDto } from './consent-requests.dto';

// Responses of the consent routes (OpenAPI shapes; consent builds them from its streams).

export class PurposeDto {
  @ApiProperty({ enum: PURPOSES, example: 'LOAN_APPLICATION' })
  purpose: string;
  @ApiProperty({ description: 'Longest validity a request may ask for, in days', example: 30 })
  maxValidDays: number;
  @ApiProperty({ description: 'Most months of history', example: 24 })
  maxMonths: number;
  @ApiProperty({ type: QueryLimitDto, description: 'The cap: at most count queries in any perDays days' })
  queryLimit: QueryLimitDto;
  @ApiProperty({ example: '贷款申请 Underwriting a new loan application: one decision, so a short consent (at most 30 days), …' })
  description: string;
}

class ActorDto {
  @ApiProperty({ enum: ['enterprise', 'institution', 'system'], example: 'enterprise' })
  kind: string;
  @ApiProperty({ description: 'USCC, institutionId, or the service for the system', example: '91110000600037341L' })
  id: string;
}

export class AuthorizationHistoryEntryDto {
  @ApiProperty({ example: 'authorization.granted' })
  type: string;
  @ApiProperty({ description: 'When it happened, RFC 3339 UTC', example: '2026-11-10T02:05:00.000Z' })
  at: string;
  @ApiProperty({ type: ActorDto })
  actor: ActorDto;
  @ApiProperty({ description: "The change's own fields (accounts, validUntil, …)", example: { accounts: ['3c2f6a1e-1b7d-4f0e-9a53-6d2b8e1f0a77'], validUntil: '2026-12-10T02:05:00.000Z' } })
  data: Record<string, unknown>;
}

class AuthorizationRequestPartDto {
  @ApiProperty({ enum: PRODUCTS, isArray: true, example: ['CREDIT_REPORT'] })
  products: string[];
  @ApiProperty({ example: 12 })
  months: number;
  @ApiProperty({ example: 30 })
  validDays: number;
  @ApiPropertyOptional({ example: ['3c2f6a1e-1b7d-4f0e-9a53-6d2b8e1f0a77'] })
  accounts?: string[];
  @ApiProperty({ type: QueryLimitDto })
  queryLimit: QueryLimitDto;
  @ApiProperty({ example: '2026-11-10T02:00:00.000Z' })
  requestedAt: string;
  @ApiProperty({ description: 'Unanswered by then, the request is EXPIRED', example: '2026-11-17T02:00:00.000Z' })
  answerBy: string;
}

class GrantedScopeDto {
  @ApiProperty({ description: 'Binding ids covered', example: ['3c2f6a1e-1b7d-4f0e-9a53-6d2b8e1f0a77'] })
  accounts: string[];
  @ApiProperty({ enum: PRODUCTS, isArray: true, example: ['CREDIT_REPORT'] })
  products: string[];
  @ApiProperty({ example: 12 })
  months: number;
  @ApiProperty({ type: QueryLimitDto })
  queryLimit: QueryLimitDto;
  @ApiProperty({ example: '2026-11-10T02:05:00.000Z' })
  grantedAt: string;
  @ApiProperty({ example: '2026-12-10T02:05:00.000Z' })
  validUntil: string;
}

class UsageDto {
  @ApiProperty({ description: 'Queries counted in all', example: 3 })
  queriesCounted: number;
  @ApiProperty({ description: 'Queries counted in the current window', example: 1 })
  queriesInWindow: number;
  @ApiProperty({ example: 3 })
  remainingQueries: number;
}

export class AuthorizationDto {
  @ApiProperty({ example: '0b8f7c52-8d0e-4a43-9d1f-5d0f6f7b2c11' })
  id: string;
  @ApiProperty({ example: '91110000600037341L' })
  subject: string;
  @ApiProperty({ example: 'L0001' })
  lender: string;
  @ApiProperty({ enum: PURPOSES, example: 'LOAN_APPLICATION' })
  purpose: string;
  @ApiProperty({ enum: AUTHORIZATION_STATUSES, description: 'As it stands now (expiry compares the clock)', example: 'ACTIVE' })
  status: string;
  @ApiProperty({ type: AuthorizationRequestPartDto })
  request: AuthorizationRequestPartDto;
  @ApiPropertyOptional({ type: GrantedScopeDto, description: 'What the enterprise granted (absent before a grant)' })
  scope?: GrantedScopeDto;
  @ApiProperty({ type: UsageDto })
  usage: UsageDto;
  @ApiProperty({ type: [AuthorizationHistoryEntryDto], description: 'Every change, oldest first, each with its time and actor' })
  history: AuthorizationHistoryEntryDto[];
}

export class AuthorizationSummaryDto {
  @ApiProperty({ example: '0b8f7c52-8d0e-4a43-9d1f-5d0f6f7b2c11' })
  id: string;
  @ApiProperty({ example: '91110000600037341L' })
  subject: string;
  @ApiProperty({ example: 'L0001' })
  lender: string;
  @ApiProperty({ enum: PURPOSES, example: 'LOAN_APPLICATION' })
  purpose: string;
  @ApiProperty({ enum: AUTHORIZATION_STATUSES, example: 'PENDING' })
  status: string;
  @ApiProperty({ type: AuthorizationRequestPartDto })
  request: AuthorizationRequestPartDto;
  @ApiPropertyOptional({ type: GrantedScopeDto })
  scope?: GrantedScopeDto;
}

export class AuthorizationListDto {
  @ApiProperty({ type: [AuthorizationSummaryDto], description: 'Newest first; GET …/{id} for the history' })
  items: AuthorizationSummaryDto[];
}
