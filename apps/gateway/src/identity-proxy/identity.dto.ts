import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// OpenAPI shapes of the identity routes; the gateway forwards bodies as they are, identity validates them.
export class ChallengeRequestDto {
  @ApiProperty({ description: 'Unified Social Credit Code (GB 32100-2015, check character verified)', example: '91110000600037341L' })
  uscc: string;
  @ApiProperty({ description: "Legal representative's name as registered", example: '王建国' })
  legalRepName: string;
  @ApiProperty({ description: "Legal representative's resident ID number (GB 11643-1999); never logged", example: '11010519491231002X' })
  legalRepIdNumber: string;
}

export class ChallengeResponseDto {
  @ApiProperty({ description: 'Pass with the one-time code to /v1/subject/login within 5 minutes', example: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7' })
  challengeId: string;
}

export class LoginRequestDto {
  @ApiProperty({ example: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7' })
  challengeId: string;
  @ApiProperty({ description: '6-digit code sent by SMS (embedded mode: .data/sms-outbox.ndjson)', example: '042917' })
  code: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'EdDSA-signed JWT; send as Authorization: Bearer', example: 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCIsImtpZCI6ImlkZW50aXR5LTEifQ.eyJzdWIiOiJMMDAwMSJ9.c2ln' })
  access_token: string;
  @ApiProperty({ example: 'Bearer' })
  token_type: string;
  @ApiProperty({ description: 'Lifetime in seconds', example: 900 })
  expires_in: number;
  @ApiPropertyOptional({ description: 'lender or regulator (client credentials only)', example: 'lender' })
  scope?: string;
}

export class ClientCredentialsRequestDto {
  @ApiProperty({ enum: ['client_credentials'], example: 'client_credentials' })
  grant_type: string;
  @ApiPropertyOptional({ description: 'Or use HTTP Basic authentication', example: 'l0001-demo' })
  client_id?: string;
  @ApiPropertyOptional({ description: 'Or use HTTP Basic authentication', example: 'Zk3…secret' })
  client_secret?: string;
  @ApiPropertyOptional({ enum: ['lender', 'regulator'], description: 'Only for an institution holding both roles', example: 'lender' })
  scope?: string;
}

export class SessionDto {
  @ApiProperty({ enum: ['enterprise', 'lender', 'regulator'], example: 'enterprise' })
  kind: string;
  @ApiProperty({ description: 'USCC or institutionId', example: '91110000600037341L' })
  id: string;
  @ApiProperty({ description: 'Token expiry, RFC 3339 UTC', example: '2026-11-24T05:15:00.000Z' })
  expiresAt: string;
}

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
}
