import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { bindingConfirmed, bindingRejected, type ProviderKeyRegistry } from '@cfc/contracts';
import { type ConsumerContext, offsetId } from '@cfc/eventing';
import { BINDING_RUNTIME, type BindingRuntime } from '../binding.runtime';
import { BindingRuleViolation, type BindingCommand } from '../domain/binding/binding.decider';
import { authenticateReply, refuseReply } from './provider-reply.authenticator';
import { PROVIDER_KEYS, PROVIDER_REPLIES } from './provider-replies.transport';

/**
 * The providers' answers on cfc.provider.inbound.v1 (group cfc.binding.provider-replies). Only these two
 * types are binding's; the transport skips every other. A refused answer (unsigned, forged, unknown key,
 * schema, unknown binding, another provider's, not pending, too late) is dead-lettered to
 * cfc.ingestion.dead-letter.v1 with its reason, and its transaction changes nothing.
 */
@Controller()
export class ProviderRepliesConsumer {
  constructor(
    @Inject(BINDING_RUNTIME) private readonly runtime: BindingRuntime,
    @Inject(PROVIDER_KEYS) private readonly keys: ProviderKeyRegistry,
  ) {}

  @EventPattern('binding.confirmed', PROVIDER_REPLIES)
  async confirmed(@Payload() value: unknown, @Ctx() ctx: ConsumerContext): Promise<void> {
    const reply = await authenticateReply(bindingConfirmed, value, ctx.message, this.keys);
    await this.answer(reply.bindingId, { type: 'ConfirmBinding', provider: reply.provider }, ctx);
  }

  @EventPattern('binding.rejected', PROVIDER_REPLIES)
  async rejected(@Payload() value: unknown, @Ctx() ctx: ConsumerContext): Promise<void> {
    const reply = await authenticateReply(bindingRejected, value, ctx.message, this.keys);
    await this.answer(reply.bindingId, { type: 'RejectBinding', provider: reply.provider, reason: reply.reason }, ctx);
  }

  private async answer(bindingId: string, command: Extract<BindingCommand, { provider: string }>, ctx: ConsumerContext): Promise<void> {
    const binding = await this.runtime.bindings.find(bindingId, this.runtime.clock.now(), ctx.tx);
    if (!binding) throw refuseReply('UNKNOWN_BINDING', `no binding ${bindingId}`);
    if (binding.provider !== command.provider) throw refuseReply('BINDING_OF_ANOTHER_PROVIDER', `binding ${bindingId} asks another provider`);
    try {
      const context = { actor: { kind: 'institution' as const, id: command.provider }, subject: binding.subject, correlationId: offsetId(ctx.message) };
      await this.runtime.commands.run(bindingId, command, context, ctx.tx);
    } catch (error) {
      if (error instanceof BindingRuleViolation && (error.code === 'BINDING_NOT_PENDING' || error.code === 'BINDING_EXPIRED')) throw refuseReply(error.code, error.message);
      throw error;
    }
  }
}
