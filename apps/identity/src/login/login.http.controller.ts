import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ProblemException } from '@cfc/platform';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';

// Identity's side of the enterprise login; the gateway forwards the public routes here unchanged,
// and tells identity the caller's address in x-cfc-client-address (identity listens on a private port).
export const CLIENT_ADDRESS_HEADER = 'x-cfc-client-address';

interface Req { id?: string; socket?: { remoteAddress?: string } }
interface Res { setHeader(name: string, value: string): void }

@Controller('v1/subject')
export class LoginHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Post('login/challenge')
  @HttpCode(200)
  async challenge(@Body() body: unknown, @Headers(CLIENT_ADDRESS_HEADER) address: string | undefined, @Req() req: Req, @Res({ passthrough: true }) res: Res) {
    try {
      return await this.runtime.login.requestChallenge(body, address ?? req.socket?.remoteAddress ?? 'unknown', String(req.id ?? 'none'));
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 429) res.setHeader('retry-after', String(error.extensions.retryAfter));
      throw error;
    }
  }

  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown, @Req() req: Req) {
    const { claims: _claims, ...token } = await this.runtime.login.login(body, String(req.id ?? 'none'));
    return token;
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Headers('authorization') authorization: string | undefined, @Req() req: Req): Promise<void> {
    await this.runtime.logout.logout(authorization, String(req.id ?? 'none'));
  }
}
