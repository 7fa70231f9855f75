import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { OperatorMessageListQueryDto, ReplyToMessageRequestDto } from '@cfc/api';
import { currentCorrelationId, OwnAuthentication, ProblemException, validateDto } from '@cfc/platform';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';
import { requireOperatorToken } from '../institutions/operator-token.guard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The platform operator's side of the messages (internal port only, not routed by the gateway): the open
// ones to answer, and the answer. Guarded like the provider-key routes: Bearer IDENTITY_OPERATOR_TOKEN.
@Controller('internal/operator/messages')
@OwnAuthentication()
export class OperatorMessagesHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Get()
  async list(@Query() raw: unknown, @Headers('authorization') authorization: string | undefined) {
    requireOperatorToken(this.runtime.operatorToken, authorization);
    const query = validateDto(OperatorMessageListQueryDto, raw ?? {}, 'query');
    return { messages: await this.runtime.messages.forOperator(query.status, query.limit ?? 100) };
  }

  @Post(':messageId/reply')
  @HttpCode(200)
  reply(@Param('messageId') messageId: string, @Body() raw: unknown, @Headers('authorization') authorization: string | undefined) {
    // The operator token first: a stranger learns nothing, not even which bodies would pass.
    requireOperatorToken(this.runtime.operatorToken, authorization);
    const body = validateDto(ReplyToMessageRequestDto, raw);
    if (!UUID.test(messageId)) throw new ProblemException(404, 'MESSAGE_NOT_FOUND', 'Not Found', 'no such message');
    return this.runtime.messages.reply(messageId, body.text, currentCorrelationId() ?? randomUUID());
  }
}
