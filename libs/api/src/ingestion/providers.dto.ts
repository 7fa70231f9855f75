import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { MaskedAccountDto } from '../binding/binding.dto';

// The regulator's view of the providers' supply (GET /v1/regulator/providers).

export class SupplyFiguresDto {
  @ApiProperty({ description: 'statistics.submitted messages accepted (some or all records in the store)', example: 12 })
  submissions: number;
  @ApiProperty({ description: 'Records now in the store (new revisions, and duplicates acknowledged)', example: 11950 })
  acceptedRecords: number;
  @ApiProperty({ description: 'Records refused one by one (submission.rejected)', example: 50 })
  rejectedRecords: number;
  @ApiProperty({ description: 'Messages refused as a whole (cfc.ingestion.dead-letter.v1)', example: 1 })
  deadLetters: number;
  @ApiProperty({ description: 'Objections raised', example: 2 })
  objectionsRaised: number;
  @ApiProperty({ description: 'Objections answered', example: 1 })
  objectionsResolved: number;
}

export class FreshnessDto {
  @ApiProperty({ description: 'Accounts bound (ACTIVE) at this provider', example: 3 })
  boundAccounts: number;
  @ApiProperty({ description: 'Of them, accounts with at least one month supplied', example: 3 })
  suppliedAccounts: number;
  @ApiPropertyOptional({ description: 'The newest month supplied for any bound account', example: '2026-10' })
  newestMonth?: string;
  @ApiPropertyOptional({ description: 'The oldest "latest month" among supplied bound accounts: the stalest account', example: '2026-08' })
  stalestMonth?: string;
  @ApiProperty({ description: 'Bound accounts whose latest month is the last complete month (Asia/Shanghai)', example: 2 })
  upToDate: number;
  @ApiProperty({ description: 'Bound accounts behind the last complete month, or never supplied', example: 1 })
  behind: number;
}

export class ProviderSupplyDto {
  @ApiProperty({ example: 'B0001' })
  provider: string;
  @ApiProperty({ type: SupplyFiguresDto })
  last24h: SupplyFiguresDto;
  @ApiProperty({ type: SupplyFiguresDto })
  total: SupplyFiguresDto;
  @ApiProperty({ description: 'Objections unanswered now', example: 1 })
  openObjections: number;
  @ApiProperty({ description: 'Of them, past their 20 days', example: 0 })
  overdueObjections: number;
  @ApiProperty({ type: FreshnessDto })
  freshness: FreshnessDto;
}

export class ProvidersViewDto {
  @ApiProperty({ example: '2026-11-05T02:00:00.000Z' })
  generatedAt: string;
  @ApiProperty({ description: 'The last complete month (Asia/Shanghai), against which freshness is judged', example: '2026-10' })
  lastCompleteMonth: string;
  @ApiProperty({ type: [ProviderSupplyDto], description: 'Every provider that supplied, was refused, or has bound accounts; dead letters no provider can be named for are under "UNIDENTIFIED"' })
  providers: ProviderSupplyDto[];
}

export class ProviderAccountsQueryDto {
  @ApiPropertyOptional({ description: 'At most this many accounts (1-1000, default 100)', example: '100' })
  @IsOptional()
  @Matches(/^([1-9][0-9]{0,2}|1000)$/, { message: 'must be 1 to 1000', context: { code: 'LIMIT_RANGE' } })
  limit?: string;
  @ApiPropertyOptional({ description: 'The bindingId to continue after (the previous page\'s `next`)', example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be a binding id', context: { code: 'BINDING_ID_FORMAT' } })
  after?: string;
}

export class AccountFreshnessDto {
  @ApiProperty({ example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  bindingId: string;
  @ApiProperty({ example: '91110000600037341L' })
  subject: string;
  @ApiProperty({ type: MaskedAccountDto })
  account: MaskedAccountDto;
  @ApiPropertyOptional({ description: 'Latest month supplied; absent: nothing yet', example: '2026-10' })
  latestMonth?: string;
  @ApiPropertyOptional({ description: 'When that month arrived', example: '2026-11-01T02:00:05.000Z' })
  receivedAt?: string;
}

export class ProviderAccountsDto {
  @ApiProperty({ example: 'B0001' })
  provider: string;
  @ApiProperty({ type: [AccountFreshnessDto], description: 'Bound accounts by bindingId' })
  accounts: AccountFreshnessDto[];
  @ApiPropertyOptional({ description: 'Pass as `after` for the next page; absent on the last', example: '8f0b6a8e-4f0e-4b8e-9a43-2f1d0f8a6c11' })
  next?: string;
}
