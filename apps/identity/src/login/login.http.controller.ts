import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { Caller, ProblemException, type ServiceCaller } from '@cfc/platform';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';

// Identity's side of the enterprise login; the gateway forwards the public routes here unchanged. The
// caller's address comes inside the gateway's signed service token (a header anyone could set is ignored).

interface Req { id?: string; socket?: { remoteAddress?: string } }
interface Res { setHeader(name: string, value: string): void }

@Controller('v1/subject')
export class LoginHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Post('login/challenge')
  @HttpCode(200)
  challenge(@Body() body: unknown, @Caller() caller: ServiceCaller | undefined, @Req() req: Req, @Res({ passthrough: true }) res: Res) {
    return withRetryAfter(res, () => this.runtime.login.requestChallenge(body, caller?.clientAddress ?? req.socket?.remoteAddress ?? 'unknown', String(req.id ?? 'none')));
  }

  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown, @Caller() caller: ServiceCaller | undefined, @Req() req: Req, @Res({ passthrough: true }) res: Res) {
    const { claims: _claims, ...token } = await withRetryAfter(res, () => this.runtime.login.login(body, caller?.clientAddress ?? req.socket?.remoteAddress ?? 'unknown', String(req.id ?? 'none')));
    return token;
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Headers('authorization') authorization: string | undefined, @Req() req: Req): Promise<void> {
    await this.runtime.logout.logout(authorization, String(req.id ?? 'none'));
  }
}

// A 429 problem carries its wait in retryAfter; the header says the same for clients that read only headers.
async function withRetryAfter<T>(res: Res, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProblemException && error.getStatus() === 429) res.setHeader('retry-after', String(error.extensions.retryAfter));
    throw error;
  }
}
