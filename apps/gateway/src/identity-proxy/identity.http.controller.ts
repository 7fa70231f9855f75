import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SERVICE_CONFIG } from '@cfc/platform';
import { Audiences, ForEnterprises, Public } from '../auth/audiences.decorator';
import { TOKEN_VERIFIER } from '../auth/bearer-auth.guard';
import type { AuthenticatedRequest } from '../auth/principal';
import type { TokenVerifier } from '../auth/token.verifier';
import { clientAddress } from '../front-door/front-door.middleware';
import type { GatewayConfig } from '../gateway.config';
import { ChallengeRequestDto, ChallengeResponseDto, ClientCredentialsRequestDto, LoginRequestDto, SessionDto, TokenResponseDto } from './identity.dto';
import { forwardToIdentity, type ProxiedResponse } from './identity.proxy';
import { ApiProblems } from './problem-responses.decorator';

interface Req extends AuthenticatedRequest {
  id?: string;
  socket: { remoteAddress?: string };
}
interface Res {
  status(code: number): Res;
  setHeader(name: string, value: string): void;
  type(contentType: string): Res;
  send(body: string): Res;
}

/** The public login, token and logout routes; identity does the work, the gateway is the front door. */
@Controller()
export class IdentityHttpController {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  @Post('v1/subject/login/challenge')
  @Public()
  @ApiTags('enterprises')
  @ApiOperation({ summary: 'Start an enterprise login: checks the USCC and ID number, matches the registry, sends a one-time code by SMS' })
  @ApiOkResponse({ type: ChallengeResponseDto })
  @ApiProblems([400, 'VALIDATION_FAILED', 'uscc: check character is wrong'], [401, 'LOGIN_FAILED', 'the enterprise could not be verified with these details'], [429, 'RATE_LIMITED', 'too many login challenges; try again later'])
  async challenge(@Body() body: ChallengeRequestDto, @Req() req: Req, @Res() res: Res): Promise<void> {
    this.reply(res, await this.forward('/v1/subject/login/challenge', pick(body, 'uscc', 'legalRepName', 'legalRepIdNumber'), req));
  }

  @Post('v1/subject/login')
  @Public()
  @HttpCode(200)
  @ApiTags('enterprises')
  @ApiOperation({ summary: 'Exchange the one-time code for a bearer token; the data account opens on the first login' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiProblems([401, 'LOGIN_CODE_REJECTED', 'the code is wrong'], [400, 'VALIDATION_FAILED', 'code: must be the 6-digit code'])
  async login(@Body() body: LoginRequestDto, @Req() req: Req, @Res() res: Res): Promise<void> {
    this.reply(res, await this.forward('/v1/subject/login', pick(body, 'challengeId', 'code'), req));
  }

  @Post('v1/oauth/token')
  @Public()
  @ApiTags('institutions')
  @ApiBasicAuth()
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: ClientCredentialsRequestDto })
  @ApiOperation({ summary: 'OAuth2 client credentials for lenders (role USER) and regulators' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiProblems([401, 'INVALID_CLIENT', 'client authentication failed'], [400, 'UNSUPPORTED_GRANT_TYPE', 'grant_type must be client_credentials'])
  async token(@Body() body: ClientCredentialsRequestDto, @Headers('authorization') authorization: string | undefined, @Req() req: Req, @Res() res: Res): Promise<void> {
    this.reply(res, await this.forward('/v1/oauth/token', pick(body, 'grant_type', 'client_id', 'client_secret', 'scope'), req, authorization));
  }

  @Post('v1/subject/logout')
  @Audiences('cfc:subject', 'cfc:lender', 'cfc:regulator')
  @ApiBearerAuth()
  @ApiTags('enterprises')
  @ApiOperation({ summary: 'End the session: the bearer token is refused from now on' })
  @ApiNoContentResponse({ description: 'logged out; the token is refused from now on' })
  @ApiProblems([401, 'INVALID_TOKEN', 'the bearer token is not valid'])
  async logout(@Headers('authorization') authorization: string, @Req() req: Req, @Res() res: Res): Promise<void> {
    const proxied = await this.forward('/v1/subject/logout', {}, req, authorization);
    if (proxied.status === 204 && req.principal) this.verifier.revoke(req.principal.tokenId, req.principal.expiresAt);
    this.reply(res, proxied);
  }

  @Get('v1/subject/session')
  @ForEnterprises()
  @ApiBearerAuth()
  @ApiTags('enterprises')
  @ApiOperation({ summary: 'Who the bearer token belongs to, and until when' })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems([401, 'AUTHENTICATION_REQUIRED', 'a bearer token is required'], [403, 'ROLE_FORBIDDEN', 'this endpoint is for enterprises; the token is for lenders'])
  session(@Req() req: Req): SessionDto {
    const p = req.principal as NonNullable<Req['principal']>;
    return { kind: p.kind, id: p.id, expiresAt: new Date(p.expiresAt * 1000).toISOString() };
  }

  private forward(path: string, body: unknown, req: Req, authorization?: string): Promise<ProxiedResponse> {
    return forwardToIdentity(this.config.IDENTITY_URL, path, { body, authorization, requestId: String(req.id ?? ''), clientAddress: clientAddress(req) });
  }

  private reply(res: Res, proxied: ProxiedResponse): void {
    if (proxied.retryAfter) res.setHeader('retry-after', proxied.retryAfter);
    res.status(proxied.status).type(proxied.contentType).send(proxied.body);
  }
}

// Only the documented fields travel on to identity.
function pick(body: object | undefined, ...fields: string[]): Record<string, unknown> {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
}
