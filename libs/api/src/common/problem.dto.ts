import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'uscc' })
  field: string;
  @ApiProperty({ description: 'Stable machine-readable code of this field\'s problem', example: 'USCC_CHECK_CHARACTER' })
  code: string;
  @ApiProperty({ example: 'check character is wrong' })
  message: string;
}

/** RFC 9457 problem, as every error of the API is answered (application/problem+json). */
export class ProblemDto {
  @ApiProperty({ example: 'https://cfc.example/problems/validation-failed' })
  type: string;
  @ApiProperty({ example: 'Bad Request' })
  title: string;
  @ApiProperty({ example: 400 })
  status: number;
  @ApiProperty({ description: 'Stable machine-readable code', example: 'VALIDATION_FAILED' })
  code: string;
  @ApiPropertyOptional({ example: 'uscc: check character is wrong' })
  detail?: string;
  @ApiPropertyOptional({ example: '5b0d6c1e-0a49-4c1b-9d8e-0a6d0c2b9f11' })
  requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Each field in error (VALIDATION_FAILED)', example: [{ field: 'uscc', code: 'USCC_CHECK_CHARACTER', message: 'check character is wrong' }] })
  errors?: FieldProblemDto[];
}
