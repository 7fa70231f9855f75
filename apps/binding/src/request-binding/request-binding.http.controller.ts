import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { RequestBindingDto, type BindingAcceptedDto } from '@cfc/api';
import { Caller, principalId, type ServiceCaller } from '@cfc/platform';
import { BINDING_RUNTIME, type BindingRuntime } from '../binding.runtime';
import { RequestBindingService } from './request-binding.service';

@Controller('v1/subject/bindings')
export class RequestBindingHttpController {
  private readonly service: RequestBindingService;

  constructor(@Inject(BINDING_RUNTIME) runtime: BindingRuntime) {
    this.service = new RequestBindingService(runtime);
  }

  /** 202: the provider's confirmation arrives later, over Kafka. */
  @Post()
  @HttpCode(202)
  request(@Body() body: RequestBindingDto, @Caller() caller: ServiceCaller | undefined): Promise<BindingAcceptedDto> {
    return this.service.request(principalId(caller, 'enterprise'), body);
  }
}
