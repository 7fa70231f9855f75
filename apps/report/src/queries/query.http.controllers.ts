import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { QueryRequestDto, SubjectQueryRequestDto } from '@cfc/api';
import { Caller, currentCorrelationId, principalId, ProblemException, type ServiceCaller } from '@cfc/platform';
import { REPORT_RUNTIME, type ReportRuntime } from '../report.runtime';
import type { RenderedReport } from './report.renderer';

interface Req { id?: string }
interface Res {
  status(code: number): Res;
  setHeader(name: string, value: string | number): void;
  end(body: Buffer): void;
}

/** The exact bytes that were hashed into query.performed, and nothing re-serialised on the way. */
function send(res: Res, report: RenderedReport): void {
  res.status(200);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', report.bytes.length);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-cfc-report-sha256', report.sha256);
  res.end(report.bytes);
}

async function answer(res: Res, work: () => Promise<RenderedReport>): Promise<void> {
  try {
    send(res, await work());
  } catch (error) {
    if (error instanceof ProblemException && error.getStatus() === 429) res.setHeader('retry-after', String(error.extensions.retryAfter));
    throw error;
  }
}

const correlation = (req: Req) => currentCorrelationId() ?? String(req.id ?? 'none');

@Controller('v1')
export class QueryHttpController {
  constructor(@Inject(REPORT_RUNTIME) private readonly runtime: ReportRuntime) {}

  /** A lender's query under an authorisation (POST /v1/queries through the gateway). */
  @Post('queries')
  @HttpCode(200)
  async lenderQuery(@Body() body: QueryRequestDto, @Caller() caller: ServiceCaller | undefined, @Req() req: Req, @Res() res: Res): Promise<void> {
    const lender = principalId(caller, 'lender');
    await answer(res, () => this.runtime.queries.lenderQuery(lender, body.authorizationId, body.product, correlation(req)));
  }

  /** The enterprise's self-query (POST /v1/subject/queries). */
  @Post('subject/queries')
  @HttpCode(200)
  async selfQuery(@Body() body: SubjectQueryRequestDto, @Caller() caller: ServiceCaller | undefined, @Req() req: Req, @Res() res: Res): Promise<void> {
    const uscc = principalId(caller, 'enterprise');
    await answer(res, () => this.runtime.queries.selfQuery(uscc, body.product, correlation(req)));
  }
}
