import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsUscc } from '../common/validators';

// The identity routes. The gateway checks the shape; identity checks again, and owns the rules that need
// its data (registry match, code, lockout) and the resident ID's check character (personal data stays there).
export class ChallengeRequestDto {
  @ApiProperty({ description: 'Unified Social Credit Code (GB 32100-2015, check character verified)', example: '91110000600037341L' })
  @IsUscc()
  uscc: string;
  @ApiProperty({ description: "Legal representative's name as registered", example: '王建国' })
  @IsString()
  @Length(1, 60, { context: { code: 'NAME_FORMAT' } })
  legalRepName: string;
  @ApiProperty({ description: "Legal representative's resident ID number (GB 11643-1999); never logged", example: '11010519491231002X' })
  @Matches(/^\s*\d{17}[\dXx]\s*$/, { message: 'must be 17 digits and a digit or X', context: { code: 'ID_NUMBER_FORMAT' } })
  legalRepIdNumber: string;
}

export class ChallengeResponseDto {
  @ApiProperty({ description: 'Pass with the one-time code to /v1/subject/login within 5 minutes', example: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7' })
  challengeId: string;
}

export class LoginRequestDto {
  @ApiProperty({ example: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7' })
  @Matches(/^[0-9a-f-]{36}$/, { message: 'must be the challengeId returned by the challenge request', context: { code: 'CHALLENGE_ID_FORMAT' } })
  challengeId: string;
  @ApiProperty({ description: '6-digit code sent by SMS (embedded mode: .data/sms-outbox.ndjson)', example: '042917' })
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code', context: { code: 'CODE_FORMAT' } })
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
  @IsOptional()
  @IsString()
  grant_type: string;
  @ApiPropertyOptional({ description: 'Or use HTTP Basic authentication', example: 'l0001-demo' })
  @IsOptional()
  @IsString()
  client_id?: string;
  @ApiPropertyOptional({ description: 'Or use HTTP Basic authentication', example: 'Zk3…secret' })
  @IsOptional()
  @IsString()
  client_secret?: string;
  @ApiPropertyOptional({ enum: ['lender', 'regulator'], description: 'Only for an institution holding both roles', example: 'lender' })
  @IsOptional()
  @IsString()
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
