import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OBJECTION_FIELDS } from '@cfc/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MaskedAccountDto } from '../binding/binding.dto';
import { IsPeriod } from '../common/validators';

// Objections (异议). The gateway checks the shape; ingestion checks again and owns the rules that need its
// data (the enterprise's own ACTIVE binding, a month with statistics, one open objection per month).

export const OBJECTION_STATUSES = ['SUBMITTED', 'CORRECTED', 'UPHELD', 'OVERDUE'] as const;

export class RaiseObjectionDto {
  @ApiProperty({ description: "One of the enterprise's own ACTIVE bindings", example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be a binding id', context: { code: 'BINDING_ID_FORMAT' } })
  bindingId: string;
  @ApiProperty({ description: 'The disputed month (YYYY-MM); it must have statistics', example: '2026-10' })
  @IsPeriod()
  period: string;
  @ApiPropertyOptional({ enum: OBJECTION_FIELDS, isArray: true, description: 'The disputed figures; absent or empty: the whole month', example: ['inflow.amount'] })
  @IsOptional()
  @IsArray({ context: { code: 'FIELDS_FORMAT' } })
  @ArrayMaxSize(OBJECTION_FIELDS.length, { context: { code: 'FIELDS_TOO_MANY' } })
  @ArrayUnique(undefined, { context: { code: 'FIELDS_DUPLICATE' } })
  @IsIn(OBJECTION_FIELDS, { each: true, message: 'each must be a statistic (inflow, inflow.amount, balance.end, …)', context: { code: 'FIELD_UNKNOWN' } })
  fields?: string[];
  @ApiProperty({ description: 'Why the figures are wrong, up to 2,000 characters; stored and returned exactly as written (plain text, never markup)', example: '十月流入金额有误，应为 1,234,500.00 元' })
  @IsString({ context: { code: 'REASON_FORMAT' } })
  @Matches(/\S/, { message: 'must not be empty', context: { code: 'REASON_EMPTY' } })
  @MaxLength(2000, { message: 'must be at most 2,000 characters', context: { code: 'REASON_TOO_LONG' } })
  reason: string;
}

export class ObjectionCreatedDto {
  @ApiProperty({ example: 'a5f3c1d2-7e4b-4c9a-8f10-2b3c4d5e6f70' })
  id: string;
  @ApiProperty({ enum: ['SUBMITTED'], example: 'SUBMITTED' })
  status: string;
  @ApiProperty({ description: 'The provider must answer by then: 20 days (征信业管理条例 Art. 25)', example: '2026-11-22T02:00:00.000Z' })
  dueBy: string;
}

export class ObjectionStepDto {
  @ApiProperty({ enum: OBJECTION_STATUSES, example: 'SUBMITTED' })
  status: string;
  @ApiProperty({ example: '2026-11-02T02:00:00.000Z' })
  at: string;
  @ApiPropertyOptional({ description: "The provider's note (UPHELD, and CORRECTED when given)", example: '经复核，数据无误' })
  note?: string;
  @ApiPropertyOptional({ description: 'CORRECTED: the revision carrying the corrected figures', example: 2 })
  correctedRevision?: number;
  @ApiPropertyOptional({ description: 'Answered after dueBy', example: false })
  late?: boolean;
}

export class ObjectionDto {
  @ApiProperty({ example: 'a5f3c1d2-7e4b-4c9a-8f10-2b3c4d5e6f70' })
  id: string;
  @ApiProperty({ example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  bindingId: string;
  @ApiProperty({ example: 'B0001' })
  provider: string;
  @ApiProperty({ type: MaskedAccountDto })
  account: MaskedAccountDto;
  @ApiProperty({ example: '2026-10' })
  period: string;
  @ApiProperty({ type: [String], example: ['inflow.amount'] })
  fields: string[];
  @ApiProperty({ example: '十月流入金额有误' })
  reason: string;
  @ApiProperty({ enum: OBJECTION_STATUSES, description: 'OVERDUE from dueBy on while unanswered', example: 'SUBMITTED' })
  status: string;
  @ApiProperty({ description: 'The revision of the month current when the objection was raised', example: 1 })
  disputedRevision: number;
  @ApiProperty({ example: '2026-11-02T02:00:00.000Z' })
  raisedAt: string;
  @ApiProperty({ example: '2026-11-22T02:00:00.000Z' })
  dueBy: string;
  @ApiProperty({ type: [ObjectionStepDto], description: 'Every step, oldest first' })
  history: ObjectionStepDto[];
}

export class ObjectionListDto {
  @ApiProperty({ type: [ObjectionDto] })
  objections: ObjectionDto[];
}

export class ObjectionListQueryDto {
  @ApiPropertyOptional({ enum: OBJECTION_STATUSES, example: 'OVERDUE' })
  @IsOptional()
  @IsIn(OBJECTION_STATUSES, { message: `must be one of ${OBJECTION_STATUSES.join(', ')}`, context: { code: 'STATUS_UNKNOWN' } })
  status?: (typeof OBJECTION_STATUSES)[number];
}

export class RegulatorObjectionDto extends ObjectionDto {
  @ApiProperty({ description: 'The enterprise (USCC)', example: '91110000600037341L' })
  subject: string;
}

export class RegulatorObjectionListDto {
  @ApiProperty({ type: [RegulatorObjectionDto], description: 'OVERDUE first, then by dueBy, then by raisedAt' })
  objections: RegulatorObjectionDto[];
}
