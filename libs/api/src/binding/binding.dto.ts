import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsInstitutionId } from '../common/validators';

// The binding routes. The gateway checks the shape; binding checks again and owns the rules that need its
// data (registered provider, current agreement version, one open binding per account).

export const ACCOUNT_TYPES = ['BASIC', 'GENERAL', 'PAYMENT'] as const;
export const BINDING_STATUSES = ['PENDING_PROVIDER', 'ACTIVE', 'REJECTED', 'ENDED', 'EXPIRED'] as const;

export class AgreementQueryDto {
  @ApiPropertyOptional({ description: 'A published version (default: the one in force)', example: '1.0' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z.-]{1,40}$/, { message: 'must be an agreement version', context: { code: 'AGREEMENT_VERSION_FORMAT' } })
  version?: string;
}

export class AgreementDto {
  @ApiProperty({ description: 'Version to send as agreementVersion when binding', example: '1.0' })
  version: string;
  @ApiProperty({ example: '资金流信用信息委托提供协议' })
  title: string;
  @ApiProperty({ description: 'The full text (Simplified Chinese), exactly as hashed', example: '资金流信用信息委托提供协议\n版本：1.0\n…' })
  text: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the UTF-8 bytes of `text`', example: 'fe3a4ed368de0b97b3b2155ee6f6b9195c5fc9cdc3335ebe5863463a043aca89' })
  sha256: string;
  @ApiProperty({ description: 'New bindings sign this version from this instant (RFC 3339 UTC)', example: '2026-01-01T00:00:00.000Z' })
  effectiveFrom: string;
  @ApiProperty({ description: 'Whether new bindings sign this version now', example: true })
  current: boolean;
}

export class RequestBindingDto {
  @ApiProperty({ description: 'The account-holding institution (a registered PROVIDER)', example: 'B0001' })
  @IsInstitutionId()
  provider: string;
  @ApiProperty({ description: 'Fund account number: 8 to 32 digits', example: '6222020200112233445' })
  @Matches(/^[0-9]{8,32}$/, { message: 'must be 8 to 32 digits', context: { code: 'ACCOUNT_NUMBER_FORMAT' } })
  accountNumber: string;
  @ApiProperty({ enum: ACCOUNT_TYPES, example: 'BASIC' })
  @IsIn(ACCOUNT_TYPES, { message: 'must be BASIC, GENERAL or PAYMENT', context: { code: 'ACCOUNT_TYPE_UNKNOWN' } })
  accountType: (typeof ACCOUNT_TYPES)[number];
  @ApiProperty({ description: 'The version of GET /v1/subject/agreement the enterprise read and accepts (must be the current one)', example: '1.0' })
  @IsString({ message: 'must be the agreement version', context: { code: 'AGREEMENT_VERSION_FORMAT' } })
  @Length(1, 40, { message: 'must be the agreement version', context: { code: 'AGREEMENT_VERSION_FORMAT' } })
  agreementVersion: string;
  @ApiProperty({ description: 'Must be true: the enterprise signs the entrustment agreement', example: true })
  @Equals(true, { message: 'must be true: binding signs the entrustment agreement', context: { code: 'AGREEMENT_NOT_ACCEPTED' } })
  agreementAccepted: boolean;
}

export class BindingAcceptedDto {
  @ApiProperty({ description: 'Binding id', example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  id: string;
  @ApiProperty({ enum: ['PENDING_PROVIDER'], example: 'PENDING_PROVIDER' })
  status: string;
}

export class SignedAgreementDto {
  @ApiProperty({ example: '1.0' })
  version: string;
  @ApiProperty({ example: 'fe3a4ed368de0b97b3b2155ee6f6b9195c5fc9cdc3335ebe5863463a043aca89' })
  sha256: string;
  @ApiProperty({ description: 'When the enterprise accepted it (RFC 3339 UTC)', example: '2026-11-24T05:00:00.000Z' })
  acceptedAt: string;
}

export class MaskedAccountDto {
  @ApiProperty({ description: 'Masked: first and last four digits', example: '6222***********3445' })
  number: string;
  @ApiProperty({ enum: ACCOUNT_TYPES, example: 'BASIC' })
  type: string;
}

export class BindingDto {
  @ApiProperty({ example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  id: string;
  @ApiProperty({ example: 'B0001' })
  provider: string;
  @ApiProperty({ type: MaskedAccountDto })
  account: MaskedAccountDto;
  @ApiProperty({ enum: BINDING_STATUSES, example: 'ACTIVE' })
  status: string;
  @ApiProperty({ type: SignedAgreementDto, description: 'The agreement this binding was signed under (a later version does not re-sign it)' })
  agreement: SignedAgreementDto;
  @ApiProperty({ example: '2026-11-24T05:00:00.000Z' })
  requestedAt: string;
  @ApiPropertyOptional({ description: 'When the provider confirmed', example: '2026-11-24T05:00:03.000Z' })
  activatedAt?: string;
  @ApiPropertyOptional({ description: 'When the enterprise unbound it', example: '2026-11-30T08:00:00.000Z' })
  endedAt?: string;
  @ApiPropertyOptional({ description: 'PENDING_PROVIDER and EXPIRED: when an unanswered request expires (7 days)', example: '2026-12-01T05:00:00.000Z' })
  expiresAt?: string;
  @ApiPropertyOptional({ example: '2026-11-24T05:00:03.000Z' })
  rejectedAt?: string;
  @ApiPropertyOptional({ description: "The provider's machine-readable reason", example: 'ACCOUNT_NOT_HELD_BY_SUBJECT' })
  rejectionReason?: string;
}

export class BindingListDto {
  @ApiProperty({ type: [BindingDto] })
  bindings: BindingDto[];
}

export class BindingListQueryDto {
  @ApiPropertyOptional({ enum: BINDING_STATUSES, example: 'ACTIVE' })
  @IsOptional()
  @IsIn(BINDING_STATUSES, { message: `must be one of ${BINDING_STATUSES.join(', ')}`, context: { code: 'STATUS_UNKNOWN' } })
  status?: (typeof BINDING_STATUSES)[number];
}
