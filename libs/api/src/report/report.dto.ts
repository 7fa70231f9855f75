import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

// The query routes (report service). The report itself is described by docs/report.schema.json; the
// response DTO below names its top-level fields for OpenAPI.
const PRODUCTS = ['CREDIT_REPORT', 'DETAIL_SUMMARY'] as const;

export class QueryRequestDto {
  @ApiProperty({ description: 'The authorisation the enterprise granted this lender', example: '5f0c6d7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be an authorization id', context: { code: 'AUTHORIZATION_ID_FORMAT' } })
  authorizationId: string;
  @ApiProperty({ enum: PRODUCTS, description: 'CREDIT_REPORT (资金流信用信息报告) or DETAIL_SUMMARY (明细汇总)', example: 'CREDIT_REPORT' })
  @IsIn(PRODUCTS, { message: 'must be CREDIT_REPORT or DETAIL_SUMMARY', context: { code: 'PRODUCT_UNKNOWN' } })
  product: 'CREDIT_REPORT' | 'DETAIL_SUMMARY';
}

export class SubjectQueryRequestDto {
  @ApiProperty({ enum: PRODUCTS, description: 'CREDIT_REPORT (资金流信用信息报告) or DETAIL_SUMMARY (明细汇总)', example: 'DETAIL_SUMMARY' })
  @IsIn(PRODUCTS, { message: 'must be CREDIT_REPORT or DETAIL_SUMMARY', context: { code: 'PRODUCT_UNKNOWN' } })
  product: 'CREDIT_REPORT' | 'DETAIL_SUMMARY';
}

export class ReportResponseDto {
  @ApiProperty({ description: 'Unique id of this report (also in the audit stream\'s query.performed)', example: '9a7c3d52-1b7e-4d0c-8f5e-2a6c0a9b7e21' })
  reportId: string;
  @ApiProperty({ enum: PRODUCTS, example: 'CREDIT_REPORT' })
  product: string;
  @ApiProperty({ description: 'Version of docs/report.schema.json', example: 1 })
  schemaVersion: number;
  @ApiProperty({ description: 'Version of the indicator catalogue (docs/indicators.md)', example: 1 })
  catalogueVersion: number;
  @ApiProperty({ example: '2026-11-24T08:00:00.000Z' })
  generatedAt: string;
  @ApiProperty({ description: 'INSTITUTION { institution, authorizationId, queryId } or SELF { queryId }', example: { kind: 'INSTITUTION', institution: 'L0001', authorizationId: '5f0c…', queryId: '0b0f…' } })
  query: object;
  @ApiProperty({ example: { uscc: '91110000600037341L' } })
  subject: object;
  @ApiProperty({ description: 'The months covered', example: { from: '2023-11', to: '2026-10', months: 36 } })
  period: object;
  @ApiProperty({ description: 'The authorised accounts, numbers masked', example: [{ bindingId: 'b-1', provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' }] })
  accounts: object[];
  @ApiProperty({ description: 'Account-months expected and present, per account the missing months and the latest one', example: { accountMonthsExpected: 108, accountMonthsPresent: 108, accounts: [] } })
  coverage: object;
}
