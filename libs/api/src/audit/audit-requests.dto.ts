import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_KINDS } from '@cfc/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';

// Query strings of the audit routes. Numbers arrive as text: decimal digits, checked here, parsed by the
// audit service (which also checks them against the log).

const COUNT = /^(0|[1-9][0-9]{0,14})$/;
const count = (code: string) => ({ message: 'must be a non-negative decimal integer', context: { code } });

export class AuditEntriesQueryDto {
  @ApiPropertyOptional({ description: 'First seq (default 0)', example: '0' })
  @IsOptional()
  @Matches(COUNT, count('FROM_FORMAT'))
  from?: string;
  @ApiPropertyOptional({ description: 'Most entries (1-10000, default 1000)', example: '1000' })
  @IsOptional()
  @Matches(COUNT, count('LIMIT_FORMAT'))
  limit?: string;
}

export class InclusionProofQueryDto {
  @ApiProperty({ description: 'The entry (leaf index)', example: '42' })
  @Matches(COUNT, count('SEQ_FORMAT'))
  seq: string;
  @ApiPropertyOptional({ description: 'Tree size of a signed checkpoint (default: the latest)', example: '1000' })
  @IsOptional()
  @Matches(COUNT, count('TREE_SIZE_FORMAT'))
  treeSize?: string;
}

export class ConsistencyProofQueryDto {
  @ApiProperty({ example: '1000' })
  @Matches(COUNT, count('FIRST_FORMAT'))
  first: string;
  @ApiProperty({ example: '2000' })
  @Matches(COUNT, count('SECOND_FORMAT'))
  second: string;
}

export class ActivityQueryDto {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS, description: 'Only items of this kind' })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS, { context: { code: 'KIND_UNKNOWN' } })
  kind?: string;
}

export class RegulatorActivityQueryDto extends ActivityQueryDto {
  @ApiPropertyOptional({ description: 'The record as it stood at this instant (RFC 3339): items of events up to it', example: '2026-11-24T08:00:00Z' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, { message: 'must be an RFC 3339 timestamp', context: { code: 'AS_OF_FORMAT' } })
  asOf?: string;
}
