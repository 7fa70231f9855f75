import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ProviderAccountsQueryDto, type ProviderAccountsDto, type ProvidersViewDto } from '@cfc/api';
import { Caller, principalId, ProblemException, type ServiceCaller } from '@cfc/platform';
import { INGESTION_RUNTIME, type IngestionRuntime } from '../ingestion.runtime';

// The regulator's view of the providers' supply (through the gateway, regulators only).
@Controller('v1/regulator/providers')
export class ProvidersHttpController {
  constructor(@Inject(INGESTION_RUNTIME) private readonly runtime: IngestionRuntime) {}

  @Get()
  async view(@Caller() caller: ServiceCaller | undefined): Promise<ProvidersViewDto> {
    principalId(caller, 'regulator');
    return this.runtime.providers.view(this.runtime.clock.now());
  }

  @Get(':id/accounts')
  async accounts(@Param('id') id: string, @Query() query: ProviderAccountsQueryDto, @Caller() caller: ServiceCaller | undefined): Promise<ProviderAccountsDto> {
    principalId(caller, 'regulator');
    if (!/^[A-Z0-9]{4,20}$/.test(id)) throw new ProblemException(404, 'PROVIDER_NOT_FOUND', 'Not Found', 'no such provider');
    return this.runtime.providers.accounts(id, Number(query.limit ?? 100), query.after);
  }
}
