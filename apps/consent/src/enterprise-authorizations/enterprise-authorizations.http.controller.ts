import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { AuthorizationListQueryDto, ExtendAuthorizationRequestDto, GrantAuthorizationRequestDto } from '@cfc/api';
import { Caller, currentCorrelationId, principalId, type ServiceCaller } from '@cfc/platform';
import { CONSENT_RUNTIME, type ConsentRuntime } from '../consent.runtime';
import { listFilter } from '../read-model/list-filter';

// The enterprise's side: its authorisations, and its decisions on them. Answers the view after the change.
@Controller('v1/subject/authorizations')
export class EnterpriseAuthorizationsHttpController {
  constructor(@Inject(CONSENT_RUNTIME) private readonly runtime: ConsentRuntime) {}

  @Get()
  async list(@Query() query: AuthorizationListQueryDto, @Caller() caller: ServiceCaller | undefined) {
    const subject = principalId(caller, 'enterprise');
    return { items: await this.runtime.list.list({ subject }, this.runtime.clock.now(), listFilter(query)) };
  }

  @Get(':id')
  get(@Param('id') id: string, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.enterprises.view(principalId(caller, 'enterprise'), id);
  }

  @Post(':id/grant')
  @HttpCode(200)
  grant(@Param('id') id: string, @Body() body: GrantAuthorizationRequestDto, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.enterprises.grant(principalId(caller, 'enterprise'), id, body, correlation());
  }

  @Post(':id/extend')
  @HttpCode(200)
  extend(@Param('id') id: string, @Body() body: ExtendAuthorizationRequestDto, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.enterprises.extend(principalId(caller, 'enterprise'), id, body, correlation());
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id') id: string, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.enterprises.act(principalId(caller, 'enterprise'), id, 'reject', correlation());
  }

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id') id: string, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.enterprises.act(principalId(caller, 'enterprise'), id, 'revoke', correlation());
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@Param('id') id: string, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.enterprises.act(principalId(caller, 'enterprise'), id, 'pause', correlation());
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@Param('id') id: string, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.enterprises.act(principalId(caller, 'enterprise'), id, 'resume', correlation());
  }
}

const correlation = () => currentCorrelationId() ?? randomUUID();
