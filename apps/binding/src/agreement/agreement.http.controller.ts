import { Controller, Get, Inject, Query } from '@nestjs/common';
import { AgreementQueryDto, type AgreementDto } from '@cfc/api';
import { Caller, principalId, ProblemException, type ServiceCaller } from '@cfc/platform';
import { agreementInForce } from '../domain/agreement/agreement';
import { BINDING_RUNTIME, type BindingRuntime } from '../binding.runtime';

// GET /v1/subject/agreement[?version=]: the entrustment agreement in force (or a published version an
// existing binding was signed under), with the SHA-256 of its exact bytes.
@Controller('v1/subject/agreement')
export class AgreementHttpController {
  constructor(@Inject(BINDING_RUNTIME) private readonly runtime: BindingRuntime) {}

  @Get()
  get(@Query() query: AgreementQueryDto, @Caller() caller: ServiceCaller | undefined): AgreementDto {
    principalId(caller, 'enterprise');
    const current = agreementInForce(this.runtime.agreements, this.runtime.clock.now());
    const wanted = query.version === undefined ? current : this.runtime.agreements.find((v) => v.version === query.version);
    if (!wanted) throw new ProblemException(404, 'AGREEMENT_VERSION_NOT_FOUND', 'Not Found', `no published agreement version ${query.version}`);
    const { version, title, text, sha256, effectiveFrom } = wanted;
    return { version, title, text, sha256, effectiveFrom, current: version === current.version };
  }
}
