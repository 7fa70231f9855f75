import { Controller, Get } from '@nestjs/common';
import { PURPOSE_CATALOGUE, type PurposeTemplate } from '../domain/authorization/purpose-catalogue';

// The purpose catalogue (registered before /v1/authorizations/:id, so "purposes" is not taken for an id).
@Controller('v1/authorizations/purposes')
export class PurposesHttpController {
  @Get()
  purposes(): PurposeTemplate[] {
    return PURPOSE_CATALOGUE.map((t) => ({ ...t, queryLimit: { ...t.queryLimit } }));
  }
}
