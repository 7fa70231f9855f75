import { Controller, Get, Inject, Param } from '@nestjs/common';
import { isValidUscc } from '@cfc/contracts';
import { ProblemException } from '@cfc/platform';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';

// For other services (consent: a lender may only ask about an enterprise that exists). The answer says
// registered or not, nothing else: no name, legal representative or mobile leaves identity this way.
@Controller('internal/subjects')
export class SubjectsInternalHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Get(':uscc')
  async subject(@Param('uscc') uscc: string): Promise<{ uscc: string; registered: true }> {
    if (!isValidUscc(uscc) || !(await this.runtime.registry.exists(uscc))) {
      throw new ProblemException(404, 'SUBJECT_NOT_FOUND', 'Not Found', 'no registered enterprise with this USCC');
    }
    return { uscc, registered: true };
  }
}
