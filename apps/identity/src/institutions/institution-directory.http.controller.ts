import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { InstitutionListResponse } from '@cfc/contracts';
import { ProblemException } from '@cfc/platform';
import { INSTITUTION_ROLES, type InstitutionRole } from '../domain/institution/institution.events';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';

// Who is registered, in which roles, for other services (binding checks a request names a PROVIDER).
@Controller('internal/institutions')
export class InstitutionDirectoryHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Get()
  async list(@Query('role') role: string | undefined): Promise<InstitutionListResponse> {
    if (role !== undefined && !INSTITUTION_ROLES.includes(role as InstitutionRole)) {
      throw new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', `role: must be one of ${INSTITUTION_ROLES.join(', ')}`, {
        errors: [{ field: 'role', code: 'ROLE_UNKNOWN', message: `must be one of ${INSTITUTION_ROLES.join(', ')}` }],
      });
    }
    return { institutions: await this.runtime.institutions.institutions(role as InstitutionRole | undefined) };
  }
}
