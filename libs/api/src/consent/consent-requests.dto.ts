import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCTS, PURPOSES, type Product, type Purpose } from '@cfc/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsUscc } from '../common/validators';

// Requests of the consent routes. The gateway checks the shape; consent checks again and owns the rules
// that need its data (the purpose catalogue, the enterprise's active bindings, the authorisation's status).

const BINDING_ID = /^[A-Za-z0-9._-]{1,100}$/;
const bindingIds = { message: 'each must be a binding id', each: true, context: { code: 'BINDING_ID_FORMAT' } };
export const AUTHORIZATION_STATUSES = ['PENDING', 'ACTIVE', 'PAUSED', 'REJECTED', 'REVOKED', 'EXPIRED'] as const;

export class QueryLimitDto {
  @ApiProperty({ description: 'At most this many queries…', example: 2, minimum: 1 })
  @IsInt({ context: { code: 'QUERY_LIMIT_COUNT' } })
  @Min(1, { context: { code: 'QUERY_LIMIT_COUNT' } })
  @Max(1000, { context: { code: 'QUERY_LIMIT_COUNT' } })
  count: number;
  @ApiProperty({ description: '…in any this many days', example: 1, minimum: 1, maximum: 365 })
  @IsInt({ context: { code: 'QUERY_LIMIT_DAYS' } })
  @Min(1, { context: { code: 'QUERY_LIMIT_DAYS' } })
  @Max(365, { context: { code: 'QUERY_LIMIT_DAYS' } })
  perDays: number;
}

export class CreateAuthorizationRequestDto {
  @ApiProperty({ description: 'The enterprise asked (USCC)', example: '91110000600037341L' })
  @IsUscc()
  subject: string;
  @ApiProperty({ enum: PURPOSES, description: 'Its template (GET /v1/authorizations/purposes) bounds validDays, months and the query cap', example: 'LOAN_APPLICATION' })
  @IsIn(PURPOSES, { context: { code: 'PURPOSE_UNKNOWN' } })
  purpose: Purpose;
  @ApiProperty({ enum: PRODUCTS, isArray: true, example: ['CREDIT_REPORT'] })
  @IsArray({ context: { code: 'PRODUCTS_FORMAT' } })
  @ArrayNotEmpty({ context: { code: 'PRODUCTS_EMPTY' } })
  @ArrayUnique(undefined, { context: { code: 'PRODUCTS_DUPLICATE' } })
  @IsIn(PRODUCTS, { each: true, context: { code: 'PRODUCT_UNKNOWN' } })
  products: Product[];
  @ApiProperty({ description: 'Months of history, ending with the last complete month (Asia/Shanghai)', example: 12, minimum: 1, maximum: 36 })
  @IsInt({ context: { code: 'MONTHS_RANGE' } })
  @Min(1, { context: { code: 'MONTHS_RANGE' } })
  @Max(36, { context: { code: 'MONTHS_RANGE' } })
  months: number;
  @ApiProperty({ description: 'Days the grant stays valid, from the grant', example: 30, minimum: 1, maximum: 365 })
  @IsInt({ context: { code: 'VALID_DAYS_RANGE' } })
  @Min(1, { context: { code: 'VALID_DAYS_RANGE' } })
  @Max(365, { context: { code: 'VALID_DAYS_RANGE' } })
  validDays: number;
  @ApiPropertyOptional({ description: "Binding ids of the enterprise's active bindings; absent: the enterprise chooses", example: ['3c2f6a1e-1b7d-4f0e-9a53-6d2b8e1f0a77'] })
  @IsOptional()
  @IsArray({ context: { code: 'ACCOUNTS_FORMAT' } })
  @ArrayNotEmpty({ context: { code: 'ACCOUNTS_EMPTY' } })
  @ArrayMaxSize(100, { context: { code: 'ACCOUNTS_TOO_MANY' } })
  @ArrayUnique(undefined, { context: { code: 'ACCOUNTS_DUPLICATE' } })
  @Matches(BINDING_ID, bindingIds)
  accounts?: string[];
  @ApiPropertyOptional({ type: QueryLimitDto, description: "A lower cap than the purpose's (fewer queries, or a longer window)" })
  @IsOptional()
  @ValidateNested({ context: { code: 'QUERY_LIMIT_FORMAT' } })
  @Type(() => QueryLimitDto)
  queryLimit?: QueryLimitDto;
}

export class CreateAuthorizationResponseDto {
  @ApiProperty({ example: '0b8f7c52-8d0e-4a43-9d1f-5d0f6f7b2c11' })
  id: string;
  @ApiProperty({ enum: ['PENDING'], example: 'PENDING' })
  status: 'PENDING';
}

export class AuthorizationListQueryDto {
  @ApiPropertyOptional({ enum: AUTHORIZATION_STATUSES, description: 'Only this status (as it stands now: an unanswered request past 7 days is EXPIRED)', example: 'ACTIVE' })
  @IsOptional()
  @IsIn(AUTHORIZATION_STATUSES, { context: { code: 'STATUS_UNKNOWN' } })
  status?: (typeof AUTHORIZATION_STATUSES)[number];
  @ApiPropertyOptional({ description: 'At most this many, newest first (default 100, at most 500)', example: '100' })
  @IsOptional()
  @Matches(/^([1-9]\d{0,1}|[1-4]\d{2}|500)$/, { message: 'must be a whole number from 1 to 500', context: { code: 'LIMIT_RANGE' } })
  limit?: string;
}

export class GrantAuthorizationRequestDto {
  @ApiPropertyOptional({ description: 'Your own active binding ids to cover; absent: those the lender named, else all your active ones', example: ['3c2f6a1e-1b7d-4f0e-9a53-6d2b8e1f0a77'] })
  @IsOptional()
  @IsArray({ context: { code: 'ACCOUNTS_FORMAT' } })
  @ArrayNotEmpty({ context: { code: 'ACCOUNTS_EMPTY' } })
  @ArrayMaxSize(100, { context: { code: 'ACCOUNTS_TOO_MANY' } })
  @ArrayUnique(undefined, { context: { code: 'ACCOUNTS_DUPLICATE' } })
  @Matches(BINDING_ID, bindingIds)
  accounts?: string[];
}

export class ExtendAuthorizationRequestDto {
  @ApiPropertyOptional({ description: 'More of your own active binding ids to cover', example: ['9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d'] })
  @IsOptional()
  @IsArray({ context: { code: 'ACCOUNTS_FORMAT' } })
  @ArrayMaxSize(100, { context: { code: 'ACCOUNTS_TOO_MANY' } })
  @ArrayUnique(undefined, { context: { code: 'ACCOUNTS_DUPLICATE' } })
  @Matches(BINDING_ID, bindingIds)
  addAccounts?: string[];
  @ApiPropertyOptional({ description: 'Days added to the validity (never past the purpose limit or 365 days from the grant)', example: 10, minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt({ context: { code: 'EXTEND_DAYS_RANGE' } })
  @Min(1, { context: { code: 'EXTEND_DAYS_RANGE' } })
  @Max(365, { context: { code: 'EXTEND_DAYS_RANGE' } })
  extendDays?: number;
}
