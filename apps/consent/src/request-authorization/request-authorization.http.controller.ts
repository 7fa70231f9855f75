import { randomUUID } from 'node:crypto';
import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CreateAuthorizationRequestDto } from '@cfc/api';
import { Caller, currentCorrelationId, principalId, type ServiceCaller } from '@cfc/platform';
import { CONSENT_RUNTIME, type ConsentRuntime } from '../consent.runtime';

@Controller('v1/authorizations')
export class RequestAuthorizationHttpController {
  constructor(@Inject(CONSENT_RUNTIME) private readonly runtime: ConsentRuntime) {}

  /** 201 { id, status: PENDING }; the enterprise's mobile is told (identity's notice consumer). */
  @Post()
  request(@Body() body: CreateAuthorizationRequestDto, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.requests.request(principalId(caller, 'lender'), body, currentCorrelationId() ?? randomUUID());
  }
}
