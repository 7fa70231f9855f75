import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, ValidateBy } from 'class-validator';
import { DECLARATION_SCOPES, DECLARATION_TEXT_MAX_CHARACTERS } from '@cfc/contracts';
import { IsPeriod, IsSubjectText } from '../common/validators';

// Declarations (声明): the enterprise's own statements, printed in every report whose scope they touch
// (identity owns them; the report service prints them from identity's events).
export const DECLARATION_STATUSES = ['ACTIVE', 'WITHDRAWN'] as const;

export class MakeDeclarationRequestDto {
  @ApiProperty({ description: `Up to ${DECLARATION_TEXT_MAX_CHARACTERS} characters; printed exactly as given`, example: '2026年10月的大额流入为股东借款，非经营收入。' })
  @IsSubjectText(DECLARATION_TEXT_MAX_CHARACTERS)
  text: string;
  @ApiPropertyOptional({ description: 'One of the enterprise\'s ACTIVE bindings: the declaration is printed in reports that include it. Absent: every report.', example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be a binding id', context: { code: 'BINDING_ID_FORMAT' } })
  bindingId?: string;
  @ApiPropertyOptional({ description: 'A month of that binding (YYYY-MM, not after the current month): printed in reports that include that month of it. Needs bindingId.', example: '2026-10' })
  @IsOptional()
  @IsPeriod()
  @ValidateBy(
    { name: 'periodNeedsBinding', validator: { validate: (_v, args) => (args?.object as { bindingId?: unknown }).bindingId !== undefined, defaultMessage: () => 'needs bindingId: a month is a month of one binding' } },
    { context: { code: 'PERIOD_WITHOUT_BINDING' } },
  )
  period?: string;
}

export class DeclarationCreatedDto {
  @ApiProperty({ example: '5b0e8d1c-7a2f-4e3b-9c4d-1e2f3a4b5c6d' })
  id: string;
  @ApiProperty({ description: 'When it was made (RFC 3339 UTC)', example: '2026-11-24T05:00:00.000Z' })
  at: string;
}

export class DeclarationDto {
  @ApiProperty({ example: '5b0e8d1c-7a2f-4e3b-9c4d-1e2f3a4b5c6d' })
  id: string;
  @ApiProperty({ example: '2026年10月的大额流入为股东借款，非经营收入。' })
  text: string;
  @ApiProperty({ enum: DECLARATION_SCOPES, description: 'REPORT: every report; ACCOUNT: reports that include the binding; MONTH: reports that include that month of it', example: 'MONTH' })
  scope: string;
  @ApiPropertyOptional({ example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  bindingId?: string;
  @ApiPropertyOptional({ example: '2026-10' })
  period?: string;
  @ApiProperty({ example: '2026-11-24T05:00:00.000Z' })
  at: string;
  @ApiProperty({ enum: DECLARATION_STATUSES, example: 'ACTIVE' })
  status: string;
  @ApiPropertyOptional({ description: 'When it was withdrawn (WITHDRAWN only)', example: '2026-11-25T02:00:00.000Z' })
  withdrawnAt?: string;
}

export class DeclarationListDto {
  @ApiProperty({ type: [DeclarationDto], description: 'Newest first, withdrawn ones included' })
  declarations: DeclarationDto[];
}

export class DeclarationListQueryDto {
  @ApiPropertyOptional({ enum: DECLARATION_STATUSES, example: 'ACTIVE' })
  @IsOptional()
  @IsIn(DECLARATION_STATUSES, { message: 'must be ACTIVE or WITHDRAWN', context: { code: 'STATUS_UNKNOWN' } })
  status?: (typeof DECLARATION_STATUSES)[number];
}
