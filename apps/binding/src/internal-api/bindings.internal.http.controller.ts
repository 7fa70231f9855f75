import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import {
  ContractViolationError, isValidUscc, validateBindingResolveRequest, validateBindingStatusRequest,
  type BindingListResponse, type BindingResolveResponse, type BindingStatus, type BindingStatusResponse,
} from '@cfc/contracts';
import { ProblemException } from '@cfc/platform';
import { BINDING_RUNTIME, type BindingRuntime } from '../binding.runtime';

const STATUSES: readonly BindingStatus[] = ['PENDING_PROVIDER', 'ACTIVE', 'REJECTED', 'ENDED', 'EXPIRED'];

// For other CFC services (service token required; the gateway routes nothing here). Every answer is
// true at the instant of the call: it reads the read model that each command updates in its own transaction.
@Controller('internal/bindings')
export class BindingsInternalHttpController {
  constructor(@Inject(BINDING_RUNTIME) private readonly runtime: BindingRuntime) {}

  /** GET /internal/bindings?subject=<uscc>[&status=] -> the subject's bindings (full account numbers). */
  @Get()
  async list(@Query('subject') subject: string | undefined, @Query('status') status: string | undefined): Promise<BindingListResponse> {
    const errors = [
      ...(typeof subject === 'string' && isValidUscc(subject) ? [] : [{ field: 'subject', code: 'USCC_FORMAT', message: 'must be a valid USCC' }]),
      ...(status === undefined || STATUSES.includes(status as BindingStatus) ? [] : [{ field: 'status', code: 'STATUS_UNKNOWN', message: `must be one of ${STATUSES.join(', ')}` }]),
    ];
    if (errors.length) throw new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
    return { bindings: await this.runtime.bindings.ofSubject(subject!, this.runtime.clock.now(), status as BindingStatus | undefined) };
  }

  /** POST /internal/bindings/status { bindingIds } -> each known binding's status now (what consent checks). */
  @Post('status')
  @HttpCode(200)
  async status(@Body() body: unknown): Promise<BindingStatusResponse> {
    const { bindingIds } = checked(() => validateBindingStatusRequest(body));
    return { bindings: await this.runtime.bindings.byIds(bindingIds, this.runtime.clock.now()) };
  }

  /** POST /internal/bindings/resolve { provider, accounts } -> per account, in order, its ACTIVE binding or null (ingestion, per message). */
  @Post('resolve')
  @HttpCode(200)
  async resolve(@Body() body: unknown): Promise<BindingResolveResponse> {
    return { results: await this.runtime.bindings.resolve(checked(() => validateBindingResolveRequest(body))) };
  }
}

function checked<T>(validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof ContractViolationError)) throw error;
    const errors = error.errors.map((e) => ({ field: e.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body', code: 'SCHEMA_VIOLATION', message: e.message ?? 'invalid' }));
    throw new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', error.message.slice(0, 500), { errors: errors.slice(0, 20) });
  }
}
