import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { DeclarationListQueryDto, MakeDeclarationRequestDto } from '@cfc/api';
import { Caller, currentCorrelationId, principalId, type ServiceCaller } from '@cfc/platform';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';

// The enterprise's declarations (声明), through the gateway: made, listed and withdrawn by their own
// enterprise only (anyone else's is a 404).
@Controller('v1/subject/declarations')
export class DeclarationsHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Post()
  @HttpCode(201)
  declare(@Body() body: MakeDeclarationRequestDto, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.declarations.declare(principalId(caller, 'enterprise'), body, currentCorrelationId() ?? randomUUID());
  }

  @Get()
  async list(@Query() query: DeclarationListQueryDto, @Caller() caller: ServiceCaller | undefined) {
    return { declarations: await this.runtime.declarations.ofEnterprise(principalId(caller, 'enterprise'), query.status) };
  }

  @Delete(':declarationId')
  @HttpCode(200)
  withdraw(@Param('declarationId') declarationId: string, @Caller() caller: ServiceCaller | undefined) {
    return this.runtime.declarations.withdraw(principalId(caller, 'enterprise'), declarationId, currentCorrelationId() ?? randomUUID());
  }
}
