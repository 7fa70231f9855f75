import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { AuthorizationCheckResponse } from '@cfc/contracts';
import { Caller, ProblemException, type ServiceCaller } from '@cfc/platform';
import { CONSENT_RUNTIME, type ConsentRuntime } from '../consent.runtime';
import { CheckRequestDto } from './check-request.dto';

/** Services that may ask the enforcement check (the report service, before every query). */
const CHECK_CALLERS = new Set(['report']);

// POST /internal/authorizations/{id}/check: always 200 with yes and the exact scope, or no and a reason.
@Controller('internal/authorizations')
export class CheckAuthorizationHttpController {
  constructor(@Inject(CONSENT_RUNTIME) private readonly runtime: ConsentRuntime) {}

  @Post(':id/check')
  @HttpCode(200)
  check(@Param('id') id: string, @Body() body: CheckRequestDto, @Caller() caller: ServiceCaller | undefined): Promise<AuthorizationCheckResponse> {
    if (!caller || !CHECK_CALLERS.has(caller.service)) throw new ProblemException(403, 'CALLER_FORBIDDEN', 'Forbidden', 'only the report service may check authorisations');
    return this.runtime.checks.check(id, body);
  }
}
