import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { BindingListQueryDto, type BindingDto, type BindingListDto } from '@cfc/api';
import { Caller, principalId, type ServiceCaller } from '@cfc/platform';
import { bindingNotFound } from '../binding.problems';
import { BINDING_RUNTIME, type BindingRuntime } from '../binding.runtime';
import { toPublicBinding } from './public-binding.view';

// The enterprise's own bindings only; another's binding id answers 404 like an unknown one.
@Controller('v1/subject/bindings')
export class ListBindingsHttpController {
  constructor(@Inject(BINDING_RUNTIME) private readonly runtime: BindingRuntime) {}

  @Get()
  async list(@Query() query: BindingListQueryDto, @Caller() caller: ServiceCaller | undefined): Promise<BindingListDto> {
    const subject = principalId(caller, 'enterprise');
    const views = await this.runtime.bindings.ofSubject(subject, this.runtime.clock.now(), query.status);
    return { bindings: views.map(toPublicBinding) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Caller() caller: ServiceCaller | undefined): Promise<BindingDto> {
    const subject = principalId(caller, 'enterprise');
    const view = await this.runtime.bindings.find(id, this.runtime.clock.now());
    if (!view || view.subject !== subject) throw bindingNotFound();
    return toPublicBinding(view);
  }
}
