import { randomUUID } from 'node:crypto';
import { Controller, Delete, Inject, Param } from '@nestjs/common';
import type { BindingDto } from '@cfc/api';
import { Caller, currentCorrelationId, principalId, type ServiceCaller } from '@cfc/platform';
import { bindingNotFound, problemFor } from '../binding.problems';
import { BINDING_RUNTIME, type BindingRuntime } from '../binding.runtime';
import { toPublicBinding } from '../list-bindings/public-binding.view';

/**
 * DELETE /v1/subject/bindings/{id}: the enterprise unbinds. binding.ended and the read model commit
 * together, so from the moment this answers the internal API says ENDED (ingestion and consent ask it);
 * the provider is told by the outbound forwarder.
 */
@Controller('v1/subject/bindings')
export class EndBindingHttpController {
  constructor(@Inject(BINDING_RUNTIME) private readonly runtime: BindingRuntime) {}

  @Delete(':id')
  async end(@Param('id') id: string, @Caller() caller: ServiceCaller | undefined): Promise<BindingDto> {
    const subject = principalId(caller, 'enterprise');
    const { bindings, commands, clock } = this.runtime;
    const before = await bindings.find(id, clock.now());
    if (!before || before.subject !== subject) throw bindingNotFound();
    try {
      await commands.run(id, { type: 'EndBinding', subject }, { actor: { kind: 'enterprise', id: subject }, subject, correlationId: currentCorrelationId() ?? randomUUID() });
    } catch (error) {
      throw problemFor(error);
    }
    const after = await bindings.find(id, clock.now());
    return toPublicBinding(after!);
  }
}
