import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { LeaveMessageRequestDto } from '@cfc/api';
import { Caller, currentCorrelationId, principalId, type ServiceCaller } from '@cfc/platform';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';

// The enterprise's messages (留言), through the gateway: the caller is the enterprise the gateway vouched
// for, and only its own messages are listed.
@Controller('v1/subject/messages')
export class MessagesHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Post()
  @HttpCode(201)
  leave(@Body() body: LeaveMessageRequestDto, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.messages.leave(principalId(caller, 'enterprise'), body.text, currentCorrelationId() ?? randomUUID());
  }

  @Get()
  async list(@Caller() caller: ServiceCaller | undefined) {
    return { messages: await this.runtime.messages.ofEnterprise(principalId(caller, 'enterprise')) };
  }
}
