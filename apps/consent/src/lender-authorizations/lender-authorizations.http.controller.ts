import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { AuthorizationListQueryDto } from '@cfc/api';
import { Caller, principalId, type ServiceCaller } from '@cfc/platform';
import { authorizationNotFound } from '../consent.problems';
import { CONSENT_RUNTIME, type ConsentRuntime } from '../consent.runtime';
import { listFilter } from '../read-model/list-filter';

// The lender's own requests: a list (the read model) and one with its history (its stream). Another
// lender's request is 404, as an unknown one.
@Controller('v1/authorizations')
export class LenderAuthorizationsHttpController {
  constructor(@Inject(CONSENT_RUNTIME) private readonly runtime: ConsentRuntime) {}

  @Get()
  async list(@Query() query: AuthorizationListQueryDto, @Caller() caller: ServiceCaller | undefined) {
    const lender = principalId(caller, 'lender');
    return { items: await this.runtime.list.list({ lender }, this.runtime.clock.now(), listFilter(query)) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Caller() caller: ServiceCaller | undefined) {
    const lender = principalId(caller, 'lender');
    const view = await this.runtime.streams.view(id);
    if (!view || view.lender !== lender) throw authorizationNotFound();
    return view;
  }
}
