import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';
import { tokenRequestFrom } from './client-credentials.service';

@Controller('v1/oauth')
export class TokenHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  /** OAuth2 token endpoint: form body or JSON, client authentication by Basic or in the body. */
  @Post('token')
  @HttpCode(200)
  async token(@Body() body: Record<string, unknown> | undefined, @Headers('authorization') authorization: string | undefined) {
    const { claims: _claims, ...token } = await this.runtime.oauth.token(tokenRequestFrom(body, authorization));
    return token;
  }
}
