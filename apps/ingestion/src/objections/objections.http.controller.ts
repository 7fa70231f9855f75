import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ObjectionListQueryDto, RaiseObjectionDto, type ObjectionCreatedDto, type ObjectionListDto, type RegulatorObjectionListDto } from '@cfc/api';
import { Caller, principalId, type ServiceCaller } from '@cfc/platform';
import { INGESTION_RUNTIME, type IngestionRuntime } from '../ingestion.runtime';

// Objections through the gateway: the enterprise's own (raise, list with history) and the regulator's list.
@Controller()
export class ObjectionsHttpController {
  constructor(@Inject(INGESTION_RUNTIME) private readonly runtime: IngestionRuntime) {}

  @Post('v1/subject/objections')
  @HttpCode(201)
  async raise(@Body() body: RaiseObjectionDto, @Caller() caller: ServiceCaller | undefined): Promise<ObjectionCreatedDto> {
    return this.runtime.raiseObjection.raise(principalId(caller, 'enterprise'), body);
  }

  @Get('v1/subject/objections')
  async own(@Query() query: ObjectionListQueryDto, @Caller() caller: ServiceCaller | undefined): Promise<ObjectionListDto> {
    const subject = principalId(caller, 'enterprise');
    return { objections: await this.runtime.objections.ofSubject(subject, this.runtime.clock.now(), query.status) };
  }

  @Get('v1/regulator/objections')
  async all(@Query() query: ObjectionListQueryDto, @Caller() caller: ServiceCaller | undefined): Promise<RegulatorObjectionListDto> {
    principalId(caller, 'regulator');
    return { objections: await this.runtime.objections.all(this.runtime.clock.now(), query.status) };
  }
}
