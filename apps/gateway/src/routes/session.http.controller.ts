import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionDto } from '@cfc/api';
import { Audiences, ForEnterprises } from '../auth/audiences.decorator';
import { TOKEN_VERIFIER } from '../auth/bearer-auth.guard';
import type { TokenVerifier } from '../auth/token.verifier';
import { ApiProblems } from './api-problems.decorator';
import type { GatewayRoute } from './gateway-route';
import { ROUTE_FORWARDER } from './route-table.controller';
import type { ForwardedRequest, ForwardedResponse, RouteForwarder } from './route.forwarder';

const logoutRoute: GatewayRoute = { method: 'POST', path: '/v1/subject/logout', audiences: ['cfc:subject', 'cfc:lender', 'cfc:regulator'], upstream: 'identity', summary: 'logout', tag: 'enterprises', passAuthorization: true, status: 204 };

/** The two routes with gateway-side behaviour: logout also revokes the token here at once; session is answered here. */
@Controller()
export class SessionHttpController {
  constructor(
    @Inject(ROUTE_FORWARDER) private readonly forwarder: RouteForwarder,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  @Post('v1/subject/logout')
  @Audiences('cfc:subject', 'cfc:lender', 'cfc:regulator')
  @ApiBearerAuth()
  @ApiTags('enterprises')
  @ApiOperation({ summary: 'End the session: the bearer token is refused from now on' })
  @ApiNoContentResponse({ description: 'logged out; the token is refused from now on' })
  @ApiProblems([401, 'INVALID_TOKEN', 'the bearer token is not valid'])
  async logout(@Req() req: ForwardedRequest, @Res() res: ForwardedResponse & { statusCode: number }): Promise<void> {
    const principal = req.principal;
    await this.forwarder.forward(logoutRoute, req, res);
    if (res.statusCode === 204 && principal) this.verifier.revoke(principal.tokenId, principal.expiresAt);
  }

  @Get('v1/subject/session')
  @ForEnterprises()
  @ApiBearerAuth()
  @ApiTags('enterprises')
  @ApiOperation({ summary: 'Who the bearer token belongs to, and until when' })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems([401, 'AUTHENTICATION_REQUIRED', 'a bearer token is required'], [403, 'ROLE_FORBIDDEN', 'this endpoint is for enterprises; the token is for lenders'])
  session(@Req() req: ForwardedRequest): SessionDto {
    const p = req.principal as NonNullable<ForwardedRequest['principal']>;
    return { kind: p.kind, id: p.id, expiresAt: new Date(p.expiresAt * 1000).toISOString() };
  }
}
